/**
 * @module Password hashing with scrypt (node:crypto), a 16-byte random salt per password and a
 * constant-time compare. The parameters are stored in each hash (`scrypt$15$8$1$salt$key`), so
 * raising them later only needs `needsRehash` on the next successful login.
 *
 * N = 2^15, r = 8, p = 1 (32 MiB per hash): the largest cost that keeps one sign-in near a third
 * of a second on the 2-core reference machine even under load (`pnpm bench:auth`: 2^14 180 ms,
 * 2^15 315 ms, 2^16 955 ms, 2^17 1.1 s; figures in docs/security.md). OWASP's 2^17 also holds
 * 128 MiB per hash — libuv's four threads hashing at once, 512 MiB — a cheap denial of service
 * through a public login form. Per-account and per-address throttling limit guessing instead.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { VitrinaError } from '../errors/index.js';

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

export const SCRYPT_PARAMETERS: Readonly<ScryptParameters> = Object.freeze({ logN: 15, r: 8, p: 1 });

const KEY_LENGTH = 32;
/** Longer passwords are refused before hashing: nobody types them, and they only cost CPU. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new VitrinaError('USAGE', `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new VitrinaError('USAGE', `a password may have at most ${MAX_PASSWORD_LENGTH} characters`);
}

export async function hashPassword(password: string, params: ScryptParameters = SCRYPT_PARAMETERS): Promise<string> {
  checkPasswordRules(password);
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): { params: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (![params.logN, params.r, params.p].every((n) => Number.isInteger(n) && n > 0) || params.logN > 22) return undefined;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** True when `password` matches. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string, params: ScryptParameters = SCRYPT_PARAMETERS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.logN < params.logN || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same time as checking a real password, for unknown or disabled accounts, so the
 * response time does not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password');
  await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), await dummy);
  return false;
}
