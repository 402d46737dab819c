/**
 * @module Types of the extract engine that the rest of Vitrina (CLI, server, open-project) may
 * import without loading DuckDB: manifests, load reports, refresh options.
 */
import type { BadRow } from '../connector/connector-types.js';
import type { VitrinaError } from '../errors/index.js';

/** Bad rows of one load under the `skip` policy: how many, and the first few with file and line. */
export interface BadRowSummary {
  count: number;
  /** At most {@link MAX_REPORTED_BAD_ROWS}. */
  first: BadRow[];
}

/** How many bad rows a load keeps for reports; the rest are only counted. */
export const MAX_REPORTED_BAD_ROWS = 20;

/** `<source>.json` beside `<source>.duckdb`: what the published extract holds. */
export interface ExtractManifest {
  source: string;
  /** Goes up by one with every published load; queries and cache keys follow it. */
  generation: number;
  /** The source's `version()` when it was loaded ('' when the source cannot tell). */
  fingerprint: string;
  /** What the plugin's `load` returned as `state`, handed back on the next load. */
  state?: Record<string, unknown>;
  /** Rows per table. */
  tables: Record<string, number>;
  loadedAt: string;
  status: 'loaded' | 'appended';
  durationMs: number;
  badRows: BadRowSummary;
}

/** What one load (or a decision not to load) did, for `vitrina ingest` and the server's log. */
export interface LoadReport {
  source: string;
  status: 'loaded' | 'appended' | 'skipped' | 'failed';
  /** Rows in the extract after the load (for `appended`: rows added are in `added`). */
  rows: number;
  /** Rows this load wrote. */
  added: number;
  badRows: BadRowSummary;
  durationMs: number;
  generation?: number;
  /** Where the time went: copying the live file (append on a copy), the plugin filling the extract, counting and publishing. */
  timings?: LoadTimings;
  error?: VitrinaError;
}

export interface LoadTimings {
  /**
   * `in-place`: an append written into the live file in one transaction; `copy`: an append on a
   * copy of it (another process held the file, or queries were running on a read-only handle);
   * `new-file`: a full load.
   */
  where: 'in-place' | 'copy' | 'new-file';
  copyMs: number;
  fillMs: number;
  publishMs: number;
}

/** Progress of a running load, as the plugin reports it. */
export interface LoadProgress {
  source: string;
  done: number;
  total?: number;
  unit: 'rows' | 'bytes';
}

export interface RefreshOptions {
  /** Rebuild from scratch even when the fingerprint is unchanged or the plugin could append. Default `false`. */
  full?: boolean;
  signal?: AbortSignal;
  onProgress?(progress: LoadProgress): void;
}

/** Refresh control for the whole project: `project.extracts`. */
export interface ExtractRegistry {
  /** Names of the sources queried through an extract (row sources and SQL sources in `"mode": "extract"`). */
  readonly names: readonly string[];
  /**
   * Loads the named sources (default: all) one after the other. Never throws for a failed load:
   * the report carries `status: 'failed'` and the error, and the previous extract keeps serving.
   */
  refresh(names?: readonly string[], options?: RefreshOptions): Promise<LoadReport[]>;
  /**
   * Checks every extract source on a timer and reloads the ones whose data changed, in the
   * background (one at a time, never overlapping), logging each outcome. A source's own
   * `"refresh": "15m"` wins over `intervalMs`. Calling it again restarts the timer.
   */
  startBackgroundRefresh(options?: { intervalMs?: number }): void;
  /** Stops the timer and interrupts a background load in progress (the previous extract keeps serving). */
  stopBackgroundRefresh(): Promise<void>;
}
