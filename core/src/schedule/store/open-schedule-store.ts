/**
 * @module Opens the state store (SQLite file or shared PostgreSQL, see `state/state-config.ts`)
 * for schedules. The schedule tables are one of the store's migrations (`0010-schedule`), so a
 * store opened by the server or `vitrina user` has them too.
 */
import type { Kysely } from 'kysely';
import type { ProjectConfig } from '../../config/project-config.js';
import { stateLocation } from '../../state/state-config.js';
import { openStateDatabase } from '../../state/state-database.js';
import { migrateState, STATE_MIGRATIONS } from '../../state/state-migrations.js';
import type { ScheduleTables } from './schedule-tables.js';

export interface ScheduleDatabase {
  db: Kysely<ScheduleTables>;
  dialect: 'sqlite' | 'postgres';
  where: string;
  close(): Promise<void>;
}

export async function openScheduleDatabase(
  config: ProjectConfig,
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScheduleDatabase> {
  const opened = await openStateDatabase(stateLocation(config, projectDir, env));
  try {
    await migrateState(opened.db, opened.dialect, STATE_MIGRATIONS);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  const db = opened.db as unknown as Kysely<ScheduleTables>;
  return { db, dialect: opened.dialect, where: opened.where, close: () => db.destroy() };
}
