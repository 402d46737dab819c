/** @module DuckDB steps of a load: interrupting on abort, the checkpoint after an in-place append, the build's memory budget. */
import type { DuckDBConnection } from '@duckdb/node-api';

/** An abort (shutdown, Ctrl-C in ingest) stops the statement DuckDB is running for the plugin; returns the unsubscribe. */
export function interruptOnAbort(connection: DuckDBConnection, signal: AbortSignal | undefined): () => void {
  const interrupt = () => connection.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  return () => signal?.removeEventListener('abort', interrupt);
}

/**
 * Checkpoints the live file after an in-place append. A query that began before the commit and
 * still reads the rows an UPDATE changed makes DuckDB refuse; FORCE CHECKPOINT would wait for it
 * and hold up every new query meanwhile, so this retries for a while and otherwise leaves the
 * committed rows in the write-ahead log (durable; copies take the log along) for the next load.
 */
export async function checkpoint(connection: DuckDBConnection, signal?: AbortSignal): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.run('checkpoint');
      return true;
    } catch {
      if (attempt >= 20 || signal?.aborted) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** DuckDB's memory budget for building an extract: `VITRINA_EXTRACT_MEMORY_LIMIT` (e.g. `4GB`), default `256MB`. */
export function buildMemoryLimit(): string {
  return process.env.VITRINA_EXTRACT_MEMORY_LIMIT?.trim() || '256MB';
}
