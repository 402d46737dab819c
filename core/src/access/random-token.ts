/**
 * @module Secrets handed to clients (session cookies, API tokens, setup tokens): 32 random bytes,
 * base64url. Only their SHA-256 is stored — a fast hash is enough for 256-bit random values,
 * which cannot be guessed, unlike passwords.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
