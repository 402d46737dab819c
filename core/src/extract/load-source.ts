/**
 * @module Fills an extract being built from a source: the plugin's own `load` (DuckDB SQL such as
 * `read_csv`), its `read` batches through the appender, or a SQL source's tables copied in batches
 * through its guard.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql } from 'kysely';
import type { ExtractTarget, LoadOutcome, RowSource } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';
import type { RuntimeSource } from '../source/runtime-source.js';
import { createTableSql } from './duckdb-column-types.js';
import { appendBatches } from './extract-target.js';

/** Rows per batch when copying a SQL source's table. */
export const COPY_BATCH_ROWS = 50_000;

export interface FillContext {
  source: string;
  guard: RuntimeSource;
  connection: DuckDBConnection;
  target: ExtractTarget;
  signal?: AbortSignal;
}

/** A row source with `load` fills the target itself; one with only `read` is appended table by table. */
export async function fillFromRowSource(raw: RowSource, ctx: FillContext): Promise<LoadOutcome> {
  if (raw.load) return raw.load(ctx.target, { signal: ctx.signal });
  const read = raw.read?.bind(raw);
  if (!read) throw new VitrinaError('PLUGIN_INVALID', `source '${ctx.source}': its row source has neither load() nor read()`);
  let rows = 0;
  for (const table of await ctx.guard.introspect({ signal: ctx.signal })) {
    await ctx.connection.run(createTableSql(table.name, table.columns));
    const columns = table.columns.map((c) => c.name);
    const before = rows;
    rows += await appendBatches(
      ctx.connection,
      ctx.source,
      table.name,
      read({ table: table.name, columns, badRow: (row) => ctx.target.badRow(row) }, { signal: ctx.signal }),
      (done) => ctx.target.progress(before + done),
    );
  }
  return { rows, status: 'loaded' };
}

/**
 * Copies every table (and view) of a SQL source. Batches are ordered by every column so that
 * LIMIT/OFFSET pages neither skip nor repeat rows on databases without a stable scan order.
 */
export async function fillFromSqlSource(ctx: FillContext): Promise<LoadOutcome> {
  const db = await ctx.guard.db({ signal: ctx.signal });
  let rows = 0;
  for (const table of await ctx.guard.introspect({ signal: ctx.signal })) {
    await ctx.connection.run(createTableSql(table.name, table.columns));
    const from = table.schema ? sql.table(`${table.schema}.${table.name}`) : sql.table(table.name);
    const order = sql.join(table.columns.map((_, i) => sql.raw(String(i + 1))));
    const names = table.columns.map((c) => c.name);
    async function* batches() {
      for (let offset = 0; ; offset += COPY_BATCH_ROWS) {
        const page = sql`select * from ${from} order by ${order} limit ${sql.lit(COPY_BATCH_ROWS)} offset ${sql.lit(offset)}`;
        const found = await ctx.guard.query(page.compile(db), { signal: ctx.signal });
        yield { columns: names, rows: found.map((r) => names.map((n) => r[n])) };
        if (found.length < COPY_BATCH_ROWS) return;
      }
    }
    const before = rows;
    rows += await appendBatches(ctx.connection, ctx.source, table.name, batches(), (done) => ctx.target.progress(before + done));
  }
  return { rows, status: 'loaded' };
}
