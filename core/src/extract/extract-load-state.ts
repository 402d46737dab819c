/**
 * @module The load state kept inside the extract file (`_vitrina_load`, hidden from introspection
 * and from the manifest's tables): written in the same transaction as the rows, so when a process
 * dies between DuckDB's commit and the manifest write, the next load still knows which rows the
 * file holds and does not add them again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractManifest } from './extract-types.js';

export const LOAD_STATE_TABLE = '_vitrina_load';

export interface StoredLoad {
  generation: number;
  fingerprint: string;
  state?: Record<string, unknown>;
}

/**
 * The state the file's last committed load stored, if it has one (extracts built before it was
 * kept have none). Read before the load's transaction begins (a missing table is an error, which
 * would abort the transaction); the caller holds the load lock, so no other load writes meanwhile.
 */
export async function readStoredLoad(connection: DuckDBConnection): Promise<StoredLoad | undefined> {
  let row: unknown[] | undefined;
  try {
    [row] = (await connection.runAndReadAll(`select generation, fingerprint, state from ${LOAD_STATE_TABLE}`)).getRows();
  } catch (error) {
    if (/does not exist/i.test((error as Error).message)) return undefined;
    throw error;
  }
  if (!row) return undefined;
  return {
    generation: Number(row[0]),
    fingerprint: String(row[1] ?? ''),
    state: row[2] === null || row[2] === undefined ? undefined : (JSON.parse(String(row[2])) as Record<string, unknown>),
  };
}

/** Replaces the stored state (`exists`: the table is known to be there, e.g. it was just read). */
export async function writeStoredLoad(connection: DuckDBConnection, load: StoredLoad, exists = false): Promise<void> {
  if (!exists)
    await connection.run(`create table if not exists ${LOAD_STATE_TABLE} (generation BIGINT, fingerprint VARCHAR, state VARCHAR)`);
  await connection.run(`delete from ${LOAD_STATE_TABLE}`);
  await connection.run(`insert into ${LOAD_STATE_TABLE} values ($1, $2, $3)`, [
    load.generation,
    load.fingerprint,
    load.state === undefined ? null : JSON.stringify(load.state),
  ]);
}

/**
 * What the next load starts from: the file's own record when it is newer than the manifest (the
 * process died after committing, before publishing), else the manifest.
 */
export function latestLoad(
  manifest: ExtractManifest | undefined,
  stored: StoredLoad | undefined,
): { generation: number; state?: Record<string, unknown> } {
  if (stored && stored.generation > (manifest?.generation ?? 0)) return { generation: stored.generation, state: stored.state };
  return { generation: manifest?.generation ?? 0, state: manifest?.state };
}
