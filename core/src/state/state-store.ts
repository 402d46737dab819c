/**
 * @module `openStateStore`: the state database opened, migrated and wrapped in its stores
 * (users, sessions, API tokens, audit log). One per process; CLI commands open and close their
 * own. `db` is exposed for modules that add tables through `STATE_MIGRATIONS` (schedules).
 */
import type { Kysely } from 'kysely';
import { AuditLog } from '../access/audit-log.js';
import { DEFAULT_SESSION_LIMITS, type SessionLimits, SessionStore } from '../access/session-store.js';
import { TokenStore } from '../access/token-store.js';
import { UserStore } from '../access/user-store.js';
import type { StateLocation } from './state-config.js';
import { openStateDatabase } from './state-database.js';
import type { StateDialect } from './state-migration.js';
import { migrateState } from './state-migrations.js';
import type { StateTables } from './state-tables.js';

export interface StateStore {
  db: Kysely<StateTables>;
  dialect: StateDialect;
  /** Where the store is, without secrets (for messages). */
  where: string;
  users: UserStore;
  sessions: SessionStore;
  tokens: TokenStore;
  audit: AuditLog;
  close(): Promise<void>;
}

export interface OpenStateOptions {
  sessionLimits?: SessionLimits;
  /** How long a looked-up session or token is reused (see session-store.ts). Default 2000 ms. */
  sessionCacheMs?: number;
  /** The clock (epoch ms); tests move it to expire sessions. Default `Date.now`. */
  now?: () => number;
}

export async function openStateStore(location: StateLocation, options: OpenStateOptions = {}): Promise<StateStore> {
  const { db, dialect, where } = await openStateDatabase(location);
  try {
    await migrateState(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const now = options.now ?? Date.now;
  let closed: Promise<void> | undefined;
  const users = new UserStore(db, now);
  const sessions = new SessionStore(db, now, options.sessionLimits ?? DEFAULT_SESSION_LIMITS, options.sessionCacheMs);
  const tokens = new TokenStore(db, now, options.sessionCacheMs);
  users.onChange = (username) => {
    sessions.forgetUser(username);
    tokens.forgetUser(username);
  };
  return {
    db,
    dialect,
    where,
    users,
    sessions,
    tokens,
    audit: new AuditLog(db, now),
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}
