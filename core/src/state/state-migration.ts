/**
 * @module The shape of a state-store migration. Migrations are written once for both dialects
 * with Kysely's schema builder; `dialect` is there for the rare spelling that differs.
 */
import type { Kysely } from 'kysely';

export type StateDialect = 'sqlite' | 'postgres';

export interface StateMigration {
  /** Sorts in apply order: `NNNN-what`, e.g. `0002-schedules`. Never rename an applied one. */
  name: string;
  up(db: Kysely<any>, dialect: StateDialect): Promise<void>;
}
