/**
 * @module Sessions: a random cookie value whose SHA-256 is the row key. A session ends at its
 * absolute expiry, after `idle` without a request, on logout, or when its user is disabled,
 * removed or changes password (the user row is read on every lookup, so revocation is
 * immediate on every instance sharing the store). `last_seen_at` is written at most once a
 * minute, so a busy dashboard does not write on every panel request.
 */
import type { Kysely } from 'kysely';
import type { StateTables } from '../state/state-tables.js';
import { hashSecret, randomSecret } from './random-token.js';
import type { User } from './roles.js';
import { toUser } from './user-store.js';

export interface SessionLimits {
  /** Ends after this long without a request. Default 30 minutes. */
  idleMs: number;
  /** Ends this long after login whatever happens. Default 12 hours. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };
const TOUCH_EVERY_MS = 60_000;

export interface ActiveSession {
  user: User;
  /** The hashed id, for logout and the CSRF token. */
  idHash: string;
  expiresAt: number;
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly now: () => number,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  /** Starts a session; returns the cookie value (never stored). */
  async create(username: string, client: { ip?: string; userAgent?: string } = {}): Promise<{ secret: string; expiresAt: number }> {
    const secret = randomSecret();
    const at = this.now();
    const expiresAt = at + this.limits.absoluteMs;
    await this.db
      .insertInto('vitrina_sessions')
      .values({
        id_hash: hashSecret(secret),
        username,
        created_at: at,
        last_seen_at: at,
        expires_at: expiresAt,
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { secret, expiresAt };
  }

  /** The live session of a cookie value, or undefined (unknown, expired, idle, user disabled). */
  async lookup(secret: string): Promise<ActiveSession | undefined> {
    if (secret.length < 20 || secret.length > 100) return undefined;
    const idHash = hashSecret(secret);
    const row = await this.db
      .selectFrom('vitrina_sessions as s')
      .innerJoin('vitrina_users as u', 'u.username', 's.username')
      .selectAll('u')
      .select(['s.last_seen_at', 's.expires_at'])
      .where('s.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const at = this.now();
    const lastSeen = Number(row.last_seen_at);
    const expiresAt = Number(row.expires_at);
    if (at >= expiresAt || at - lastSeen >= this.limits.idleMs || Number(row.disabled) === 1) {
      await this.db.deleteFrom('vitrina_sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    if (at - lastSeen >= TOUCH_EVERY_MS)
      await this.db.updateTable('vitrina_sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
    return { user: toUser(row), idHash, expiresAt };
  }

  async revoke(secret: string): Promise<void> {
    await this.db.deleteFrom('vitrina_sessions').where('id_hash', '=', hashSecret(secret)).execute();
  }

  async revokeUser(username: string): Promise<number> {
    const result = await this.db.deleteFrom('vitrina_sessions').where('username', '=', username).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Drops expired rows; run now and then (the server does at start and hourly). */
  async prune(): Promise<number> {
    const at = this.now();
    const result = await this.db
      .deleteFrom('vitrina_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', at), eb('last_seen_at', '<=', at - this.limits.idleMs)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countFor(username: string): Promise<number> {
    const row = await this.db
      .selectFrom('vitrina_sessions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username', '=', username)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
