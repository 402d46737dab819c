/**
 * @module Opens the state store's database with Kysely: better-sqlite3 (WAL, busy timeout, a
 * private 0600 file) or a small pg pool. Drivers load only here, so the engine never pays for
 * them. Queries are written once for both dialects.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { VitrinaError } from '../errors/index.js';
import { describeLocation, type StateLocation } from './state-config.js';
import type { StateDialect } from './state-migration.js';
import type { StateTables } from './state-tables.js';

export interface StateDatabase {
  db: Kysely<StateTables>;
  dialect: StateDialect;
  where: string;
}

export async function openStateDatabase(location: StateLocation): Promise<StateDatabase> {
  const where = describeLocation(location);
  try {
    if (location.kind === 'sqlite') {
      const { default: Database } = await import('better-sqlite3');
      mkdirSync(dirname(location.file), { recursive: true, mode: 0o700 });
      const fresh = !existsSync(location.file);
      const database = new Database(location.file);
      // Password hashes and sessions live here: only the owner may read the file.
      if (fresh) chmodSync(location.file, 0o600);
      database.pragma('journal_mode = WAL');
      database.pragma('busy_timeout = 5000');
      database.pragma('foreign_keys = ON');
      database.pragma('synchronous = NORMAL');
      return { db: new Kysely<StateTables>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite', where };
    }
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: location.url, max: 5, idleTimeoutMillis: 30_000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<StateTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', where };
  } catch (error) {
    throw new VitrinaError('STATE_UNAVAILABLE', `cannot open the state store at ${where}: ${(error as Error).message}`, { cause: error });
  }
}
