/**
 * @module Sessions: a random cookie value whose SHA-256 is the row key. A session ends at its
 * absolute expiry, after `idle` without a request, on logout, or when its user is disabled,
 * removed or changes password (the user row is read on every lookup, so revocation is
 * effective on every instance sharing the store). `last_seen_at` is written at most once a
 * minute, so a busy dashboard does not write on every panel request.
 *
 * A dashboard opens with a burst of panel requests on one session, and a store query costs more
 * than the cached panel it guards (measured: test/bench/auth-bench.mjs). So a looked-up session is
 * reused for `cacheMs` (default 2 s): expiry is still checked on every request, and changes made
 * through this process's store (logout, disable, password, remove) drop it at once; a change made
 * by another process (the CLI, another instance) applies within `cacheMs`. The reuse is keyed by
 * the cookie value itself, so a reused session costs no SHA-256 either (`cached` answers it
 * without a promise).
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

interface CachedSession {
  session: ActiveSession;
  lastSeen: number;
  fetchedAt: number;
}

const CACHE_LIMIT = 10_000;

export class SessionStore {
  /** Keyed by cookie value. */
  readonly #cache = new Map<string, CachedSession>();
  /** Bumped by every revocation: a lookup that was in flight meanwhile must not keep what it read. */
  #revocations = 0;

  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly now: () => number,
    readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    readonly cacheMs = 2000,
  ) {}

  /** Drops cached sessions of a user (called when the user changes). */
  forgetUser(username: string): void {
    this.#revocations++;
    for (const [key, entry] of this.#cache) if (entry.session.user.username === username) this.#cache.delete(key);
  }

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

  /**
   * The session of a cookie value while it is reused from a recent lookup and still live (expiry
   * and idle time checked now); undefined when `lookup` must ask the store.
   */
  cached(secret: string): ActiveSession | undefined {
    const entry = this.#cache.get(secret);
    if (!entry) return undefined;
    const at = this.now();
    if (at - entry.fetchedAt >= this.cacheMs || at - entry.lastSeen >= TOUCH_EVERY_MS) return undefined;
    return at < entry.session.expiresAt && at - entry.lastSeen < this.limits.idleMs ? entry.session : undefined;
  }

  /** The live session of a cookie value, or undefined (unknown, expired, idle, user disabled). */
  async lookup(secret: string): Promise<ActiveSession | undefined> {
    if (secret.length < 20 || secret.length > 100) return undefined;
    const reused = this.cached(secret);
    if (reused) return reused;
    const idHash = this.#cache.get(secret)?.session.idHash ?? hashSecret(secret);
    this.#cache.delete(secret);
    const revocations = this.#revocations;
    const at = this.now();
    const row = await this.db
      .selectFrom('vitrina_sessions as s')
      .innerJoin('vitrina_users as u', 'u.username', 's.username')
      .selectAll('u')
      .select(['s.last_seen_at', 's.expires_at'])
      .where('s.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const lastSeen = Number(row.last_seen_at);
    const expiresAt = Number(row.expires_at);
    if (at >= expiresAt || at - lastSeen >= this.limits.idleMs || Number(row.disabled) === 1) {
      await this.db.deleteFrom('vitrina_sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    let seen = lastSeen;
    if (at - lastSeen >= TOUCH_EVERY_MS) {
      await this.db.updateTable('vitrina_sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
      seen = at;
    }
    const session = { user: toUser(row), idHash, expiresAt };
    if (this.cacheMs > 0 && revocations === this.#revocations) {
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(secret, { session, lastSeen: seen, fetchedAt: at });
    }
    return session;
  }

  async revoke(secret: string): Promise<void> {
    this.#revocations++;
    this.#cache.delete(secret);
    await this.db.deleteFrom('vitrina_sessions').where('id_hash', '=', hashSecret(secret)).execute();
  }

  async revokeUser(username: string): Promise<number> {
    this.forgetUser(username);
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
