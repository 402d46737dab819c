/**
 * @module Copies the generated demo CRM (SQLite) into a PostgreSQL schema with native types, through
 * COPY, atomically: the same tables, rows and indexes, so the same report definitions run on it.
 */
import { type CopyTable, type LoadSchemaSummary, loadSchemaWithCopy } from '@vitrina/plugin-postgres';
import Database from 'better-sqlite3';
import type { DemoProgress } from './bulk-insert.js';
import { DEMO_INDEXES, DEMO_TABLES, type DemoTable } from './demo-schema.js';

export const DEMO_PG_SCHEMA = 'vitrina_demo';

export interface LoadDemoOptions {
  /** The SQLite file written by generateDemoCrm. */
  file: string;
  /** postgres:// URL of the target database. */
  url: string;
  /** Default `vitrina_demo`; replaced as a whole. */
  schema?: string;
  onProgress?: DemoProgress;
}

/** Money columns: REAL in SQLite, exact in PostgreSQL (the generator rounds them to kopecks). */
const MONEY = new Set(['products.price', 'campaigns.cost', 'deals.amount', 'plans.revenue']);
/** Unique constraints of the SQLite DDL, added after the load like the other indexes. */
const UNIQUE_INDEXES = [
  'CREATE UNIQUE INDEX managers_extension ON managers (extension)',
  'CREATE UNIQUE INDEX plans_manager_month ON plans (manager_id, month)',
];

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
}

/** The PostgreSQL type of a demo column, from its name and declared SQLite type (see demo-schema.ts). */
export function postgresType(table: DemoTable, column: SqliteColumn): string {
  const { name } = column;
  if (name.endsWith('_at')) return 'timestamptz';
  if (name.endsWith('_on') || (table === 'plans' && name === 'month')) return 'date';
  if (MONEY.has(`${table}.${name}`)) return 'numeric(14,2)';
  const type = column.type.toUpperCase();
  // The largest table (calls, 5M rows at the large scale) stays far below 2^31 ids.
  if (type === 'INTEGER') return 'integer';
  if (type === 'REAL') return 'double precision';
  return 'text';
}

/** Loads every demo table; returns row counts and timings. */
export async function loadDemoIntoPostgres(options: LoadDemoOptions): Promise<LoadSchemaSummary> {
  const db = new Database(options.file, { readonly: true });
  try {
    const tables: CopyTable[] = DEMO_TABLES.map((table) => {
      const columns = db.prepare(`SELECT name, type, "notnull" FROM pragma_table_info('${table}') ORDER BY cid`).all() as SqliteColumn[];
      const definitions = columns.map((c) => `"${c.name}" ${postgresType(table, c)}${c.notnull ? ' NOT NULL' : ''}`);
      const read = db.prepare(`SELECT * FROM ${table} ORDER BY id`).raw(true);
      const { n } = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
      return {
        name: table,
        // The primary key comes after the load with the indexes: one sort instead of a b-tree per row.
        createSql: `CREATE TABLE ${table} (${definitions.join(', ')})`,
        columns: columns.map((c) => c.name),
        // Lazy: better-sqlite3 keeps the connection busy while a statement iterates, so one at a time.
        rows: { [Symbol.iterator]: () => read.iterate() as IterableIterator<unknown[]> },
        total: n,
      };
    });
    return await loadSchemaWithCopy({
      url: options.url,
      schema: options.schema ?? DEMO_PG_SCHEMA,
      tables,
      afterLoad: [...DEMO_TABLES.map((t) => `ALTER TABLE ${t} ADD PRIMARY KEY (id)`), ...UNIQUE_INDEXES, ...DEMO_INDEXES],
      onProgress: options.onProgress,
    });
  } finally {
    db.close();
  }
}
