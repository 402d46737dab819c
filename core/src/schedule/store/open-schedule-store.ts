/**
 * @module Opens the state store (SQLite file or shared PostgreSQL, see `state/state-config.ts`)
 * for schedules: the access-control migrations plus the schedule tables, in one migration run.
 */
import type { Kysely } from 'kysely';
import type { ProjectConfig } from '../../config/project-config.js';
import { stateLocation } from '../../state/state-config.js';
import { openStateDatabase } from '../../state/state-database.js';
import type { StateMigration } from '../../state/state-migration.js';
import { migrateState, STATE_MIGRATIONS } from '../../state/state-migrations.js';
import { scheduleMigration } from './schedule-migration.js';
import type { ScheduleTables } from './schedule-tables.js';

export interface ScheduleDatabase {
  db: Kysely<ScheduleTables>;
  dialect: 'sqlite' | 'postgres';
  where: string;
  close(): Promise<void>;
}

export const SCHEDULE_MIGRATIONS: readonly StateMigration[] = [...STATE_MIGRATIONS, scheduleMigration];

export async function openScheduleDatabase(
  config: ProjectConfig,
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScheduleDatabase> {
  const opened = await openStateDatabase(stateLocation(config, projectDir, env));
  try {
    await migrateState(opened.db, opened.dialect, SCHEDULE_MIGRATIONS);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  const db = opened.db as unknown as Kysely<ScheduleTables>;
  return { db, dialect: opened.dialect, where: opened.where, close: () => db.destroy() };
}
