/**
 * @module The ordered list of state-store migrations, and running them. Other modules (schedules'
 * delivery log, alerts) add theirs here as `migrations/NNNN-name.ts`. Applied names are recorded
 * in `vitrina_migration`, so each runs once per store. All pending migrations run in one
 * transaction that holds the store's write lock from its first statement (`BEGIN IMMEDIATE` in
 * SQLite, an advisory lock in PostgreSQL): instances or CLI commands starting together against
 * one store never apply a migration twice, and a failure leaves the store as it was.
 * (Kysely's Migrator does not run SQLite migrations in a transaction, hence this small runner.)
 */
import { type Kysely, sql } from 'kysely';
import { VitrinaError } from '../errors/index.js';
import { scheduleMigration } from '../schedule/store/schedule-migration.js';
import { accessMigration } from './migrations/0001-access.js';
import type { StateDialect, StateMigration } from './state-migration.js';

export const STATE_MIGRATIONS: readonly StateMigration[] = [accessMigration, scheduleMigration];

/** An arbitrary constant: the PostgreSQL advisory lock key of Vitrina's state migrations. */
const PG_LOCK_KEY = 7_318_214_311;

export async function migrateState(
  db: Kysely<any>,
  dialect: StateDialect,
  migrations: readonly StateMigration[] = STATE_MIGRATIONS,
): Promise<string[]> {
  const names = migrations.map((m) => m.name);
  if (new Set(names).size !== names.length || names.some((n, i) => i > 0 && n <= (names[i - 1] as string)))
    throw new VitrinaError('INTERNAL', `state migrations must have unique names in ascending order: ${names.join(', ')}`);
  return db.connection().execute(async (conn) => {
    await sql.raw(dialect === 'sqlite' ? 'begin immediate' : 'begin').execute(conn);
    let current = '';
    try {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(conn);
      await conn.schema
        .createTable('vitrina_migration')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'bigint', (c) => c.notNull())
        .execute();
      const done = new Set((await conn.selectFrom('vitrina_migration').select('name').execute()).map((r) => r.name as string));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        current = m.name;
        await m.up(conn, dialect);
        await conn.insertInto('vitrina_migration').values({ name: m.name, applied_at: Date.now() }).execute();
        applied.push(m.name);
      }
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw new VitrinaError('STATE_UNAVAILABLE', `state store migration ${current || '(setup)'} failed: ${(error as Error).message}`, {
        cause: error,
        hint: 'the store is unchanged (migrations run in one transaction); fix the cause and start again',
      });
    }
  });
}
