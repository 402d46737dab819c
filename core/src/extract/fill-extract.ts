/**
 * @module One fill of an extract in one DuckDB transaction, on a file being built or on the live
 * file itself: the plugin (or the generic copy) writes its rows, the tables are counted and the
 * load state is stored in the file, then it commits. A failure rolls back: the file is as before.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { VitrinaError } from '../errors/index.js';
import { quoteIdent } from './duckdb-column-types.js';
import { LOAD_STATE_TABLE, latestLoad, readStoredLoad, writeStoredLoad } from './extract-load-state.js';
import type { ExtractInput } from './extract-store.js';
import { type BadRowCollector, extractTarget } from './extract-target.js';
import type { ExtractManifest, RefreshOptions } from './extract-types.js';
import { fillFromRowSource, fillFromSqlSource } from './load-source.js';

export interface FillRequest {
  input: ExtractInput;
  connection: DuckDBConnection;
  mode: 'full' | 'append';
  /** The published manifest (the file's own record wins when it is newer: see `latestLoad`). */
  previous?: ExtractManifest;
  fingerprint: string;
  tempDir: string;
  bad: BadRowCollector;
  options: RefreshOptions;
}

export interface FillResult {
  status: 'loaded' | 'appended' | 'skipped';
  /** Rows this load wrote. */
  rows: number;
  generation: number;
  state?: Record<string, unknown>;
  /** Rows per table after the load (not counted when skipped). */
  tables: Record<string, number>;
}

export async function fillExtract(request: FillRequest): Promise<FillResult> {
  const { input, connection, mode, bad, options } = request;
  const { source, guard, raw } = input;
  const stored = mode === 'append' ? await readStoredLoad(connection) : undefined;
  const base = latestLoad(request.previous, stored);
  // One transaction for the whole fill: every auto-committed statement would sync DuckDB's
  // write-ahead log (~50-80 ms each here, most of a 10k-row append's time), and readers of a live
  // file see nothing of it before the commit.
  await connection.run('begin transaction');
  try {
    const target = extractTarget(
      {
        source,
        mode,
        state: base.state,
        tempDir: request.tempDir,
        connection,
        progress: (done, total, unit) => options.onProgress?.({ source, done, total, unit }),
        querySource: input.querySource,
      },
      bad,
    );
    const ctx = { source, guard, connection, target, signal: options.signal };
    const outcome = raw.kind === 'rows' ? await fillFromRowSource(raw, ctx) : await fillFromSqlSource(ctx);
    // Nothing new. Unless the manifest is behind the file (a crash before publishing): then it is published now.
    if (outcome.status === 'skipped' && request.previous && base.generation === request.previous.generation) {
      await connection.run('rollback');
      return { status: 'skipped', rows: 0, generation: request.previous.generation, state: request.previous.state, tables: {} };
    }
    const state = outcome.status === 'skipped' ? (outcome.state ?? base.state) : outcome.state;
    const tables = await countTables(connection);
    const generation = (mode === 'append' ? base.generation : (request.previous?.generation ?? 0)) + 1;
    await writeStoredLoad(connection, { generation, fingerprint: request.fingerprint, state }, stored !== undefined);
    // An abort between two statements interrupts nothing in DuckDB: it must still not commit.
    if (options.signal?.aborted) throw new VitrinaError('ABORTED', 'the load was cancelled', { cause: options.signal.reason });
    await connection.run('commit');
    return {
      status: mode === 'append' && outcome.status !== 'loaded' ? 'appended' : 'loaded',
      rows: outcome.rows,
      generation,
      state,
      tables,
    };
  } catch (error) {
    await connection.run('rollback').catch(() => {});
    throw error;
  }
}

/** Rows per table of the extract (its own bookkeeping table left out). */
async function countTables(connection: DuckDBConnection): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  const names = await connection.runAndReadAll(
    `select table_name from duckdb_tables() where schema_name = 'main' and not temporary and table_name <> '${LOAD_STATE_TABLE}' order by 1`,
  );
  for (const [name] of names.getRows())
    tables[String(name)] = Number((await connection.runAndReadAll(`select count(*) from ${quoteIdent(String(name))}`)).getRows()[0]?.[0]);
  return tables;
}
