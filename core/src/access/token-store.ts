/**
 * @module API tokens for scripts and embedding: `vt_<id>_<secret>`, shown once at creation; only
 * the secret's SHA-256 is stored. A token reads as its owner (same row scope), limited to the
 * dashboards it names (`*` for all the owner may open), until it expires or is revoked — or its
 * owner is disabled or removed.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { VitrinaError } from '../errors/index.js';
import type { StateTables } from '../state/state-tables.js';
import { hashSecret, randomSecret, sameSecret } from './random-token.js';
import type { User } from './roles.js';
import { toUser } from './user-store.js';

export interface ApiTokenInfo {
  id: string;
  username: string;
  name: string;
  dashboards: string[];
  createdAt: Date;
  expiresAt?: Date;
  lastUsedAt?: Date;
  revoked: boolean;
}

export interface VerifiedToken {
  user: User;
  tokenId: string;
  dashboards: string[];
}

const TOKEN_PATTERN = /^vt_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

export class TokenStore {
  /** Verified tokens reused for `cacheMs`, like sessions (see session-store.ts). Keyed by the whole token. */
  readonly #cache = new Map<string, { verified: VerifiedToken; expiresAt: number | null; fetchedAt: number }>();

  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly now: () => number,
    readonly cacheMs = 2000,
  ) {}

  forgetUser(username: string): void {
    for (const [key, entry] of this.#cache) if (entry.verified.user.username === username) this.#cache.delete(key);
  }

  async create(
    username: string,
    options: { name: string; dashboards: string[]; expiresAt?: Date },
  ): Promise<{ token: string; info: ApiTokenInfo }> {
    if (options.dashboards.length === 0) throw new VitrinaError('USAGE', 'a token needs at least one dashboard (or * for all)');
    const id = randomBytes(6).toString('hex');
    const secret = randomSecret(32);
    await this.db
      .insertInto('vitrina_api_tokens')
      .values({
        id,
        secret_hash: hashSecret(secret),
        username,
        name: options.name.slice(0, 200),
        dashboards: JSON.stringify(options.dashboards),
        created_at: this.now(),
        expires_at: options.expiresAt?.getTime() ?? null,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const info = (await this.list()).find((t) => t.id === id) as ApiTokenInfo;
    return { token: `vt_${id}_${secret}`, info };
  }

  async verify(token: string): Promise<VerifiedToken | undefined> {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return undefined;
    const [, id, secret] = match as unknown as [string, string, string];
    const cached = this.#cache.get(token);
    const now = this.now();
    if (cached && now - cached.fetchedAt < this.cacheMs && (cached.expiresAt === null || now < cached.expiresAt)) return cached.verified;
    this.#cache.delete(token);
    const row = await this.db
      .selectFrom('vitrina_api_tokens as t')
      .innerJoin('vitrina_users as u', 'u.username', 't.username')
      .selectAll('u')
      .select(['t.secret_hash', 't.dashboards', 't.expires_at', 't.revoked_at', 't.last_used_at'])
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!row || !sameSecret(hashSecret(secret), row.secret_hash)) return undefined;
    const at = this.now();
    if (row.revoked_at !== null || (row.expires_at !== null && at >= Number(row.expires_at)) || Number(row.disabled) === 1)
      return undefined;
    if (row.last_used_at === null || at - Number(row.last_used_at) >= 60_000)
      await this.db.updateTable('vitrina_api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    const verified = { user: toUser(row), tokenId: id, dashboards: JSON.parse(row.dashboards) as string[] };
    if (this.cacheMs > 0) {
      if (this.#cache.size >= 10_000) this.#cache.clear();
      this.#cache.set(token, { verified, expiresAt: row.expires_at === null ? null : Number(row.expires_at), fetchedAt: at });
    }
    return verified;
  }

  async list(username?: string): Promise<ApiTokenInfo[]> {
    let query = this.db.selectFrom('vitrina_api_tokens').selectAll().orderBy('created_at');
    if (username) query = query.where('username', '=', username);
    return (await query.execute()).map((r) => ({
      id: r.id,
      username: r.username,
      name: r.name,
      dashboards: JSON.parse(r.dashboards) as string[],
      createdAt: new Date(Number(r.created_at)),
      ...(r.expires_at !== null ? { expiresAt: new Date(Number(r.expires_at)) } : {}),
      ...(r.last_used_at !== null ? { lastUsedAt: new Date(Number(r.last_used_at)) } : {}),
      revoked: r.revoked_at !== null,
    }));
  }

  /** Revokes by id (the `vt_<id>` part); returns the owner, for the audit log. */
  async revoke(id: string): Promise<string> {
    const row = await this.db.selectFrom('vitrina_api_tokens').select('username').where('id', '=', id).executeTakeFirst();
    if (!row) throw new VitrinaError('USAGE', `no API token '${id.slice(0, 40)}'`, { hint: "see 'vitrina token list'" });
    await this.db.updateTable('vitrina_api_tokens').set({ revoked_at: this.now() }).where('id', '=', id).execute();
    for (const key of this.#cache.keys()) if (key.startsWith(`vt_${id}_`)) this.#cache.delete(key);
    return row.username;
  }
}
