/**
 * @module The connector contract: what a data-source plugin implements. Types and JSDoc only;
 * behaviour (init once, retries, timeouts, error wrapping) lives in {@link RuntimeSource}.
 */
import type { CompiledQuery, Dialect } from 'kysely';
import type { ConnectorCapabilities } from './capabilities.js';

/** Every async call takes an optional abort signal. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** What {@link SqlSource.stream} is called with. */
export interface StreamOptions extends CallOptions {
  /** Rows per yielded batch. Default: the source's choice (about 1,000). */
  batchRows?: number;
}

/** Logical column types shared by every connector and every renderer. */
export type LogicalType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp' | 'json' | 'unknown';

/** `precise` when a database declared the type, `inferred` when it was guessed from samples (CSV). */
export type TypeFidelity = 'precise' | 'inferred';

export interface ColumnInfo {
  name: string;
  type: LogicalType;
  /** The source's own type name, e.g. `TEXT` or `timestamptz`. */
  nativeType?: string;
  nullable: boolean;
  fidelity: TypeFidelity;
}

export interface TableInfo {
  name: string;
  schema?: string;
  kind: 'table' | 'view';
  columns: ColumnInfo[];
}

/**
 * Health is a value: expected failures (server down, file missing, bad password) come back as
 * `{ ok: false }`. Only bugs throw.
 */
export type HealthResult =
  | { ok: true; details?: Record<string, unknown> }
  | { ok: false; reason: string; code?: string; details?: Record<string, unknown> };

/** What the core hands to `create`. */
export interface ConnectorContext {
  /** The source's name in the config, e.g. `crm`. */
  sourceName: string;
  /** Folder of the project config; relative paths in options resolve against it. */
  projectDir: string;
  /** Reporting time zone (IANA) from the config. Default `UTC`. */
  timezone: string;
  log: ConnectorLogger;
  /**
   * Resolves a file path or glob from the source's options against the project folder and
   * refuses (throws a VitrinaError naming the option) one outside the project's allowed data
   * folders (config `dataFolders`; default: the project folder). File connectors must use it.
   */
  resolvePath(path: string, option: string): string;
}

export interface ConnectorLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

/** SQL flavours the core's query compiler knows how to write time grains and casts for. */
export type SqlFlavor = 'sqlite' | 'postgres' | 'duckdb';

interface SourceLifecycle {
  /** Opens connections or files. Called once before first use; retried after a failure. */
  init?(options: CallOptions): Promise<void>;
  /** Default for SQL sources: `select 1` through the dialect. */
  checkHealth?(options: CallOptions): Promise<HealthResult>;
  /** Releases everything. The core never calls the source again afterwards. */
  destroy?(): Promise<void>;
}

/**
 * A source the core queries with SQL it compiles itself (push-down, "live").
 * The core builds one Kysely instance over `dialect` for the source's lifetime.
 */
export interface SqlSource extends SourceLifecycle {
  kind: 'sql';
  /** Which SQL the compiler writes for date truncation, casts and time zones. */
  flavor: SqlFlavor;
  dialect: Dialect;
  /**
   * Runs one compiled query and returns its rows. Optional: without it the core runs queries
   * through Kysely on `dialect`, which cannot pass an abort signal. Implement it to support
   * cancellation (`supportsCancellation`): when `options.signal` aborts (the viewer left, or the
   * core's query timeout fired) stop the statement at the source and reject.
   */
  execute?(compiled: CompiledQuery, options: CallOptions): Promise<Record<string, unknown>[]>;
  /**
   * Runs one compiled query and yields its rows in batches (arrays in the order of the batch's
   * `columns`, named as the query names them) as the consumer asks for them, so a
   * million-row export never sits in memory (`supportsStreaming`). Optional: without it the core
   * runs the query as usual and slices the rows. Read on a connection or cursor of its own (a
   * stream may stay open while a slow client downloads: it must not block the dashboard's
   * queries); release it when the consumer stops early (`return()` on the iterator) or
   * `options.signal` aborts.
   */
  stream?(compiled: CompiledQuery, options: StreamOptions): AsyncIterable<RowBatch>;
  /** Default: Kysely's introspector for the dialect. */
  introspect?(options: CallOptions): Promise<TableInfo[]>;
  /**
   * A fingerprint of the data (file mtime, `pg_stat` counters…) for cache keys.
   * Default: none, and cached results expire by TTL only.
   */
  version?(options: CallOptions): Promise<string>;
}

/** What the core asks a row source for. */
export interface ReadRequest {
  table: string;
  /** Columns wanted; all when omitted. */
  columns?: string[];
  /** Only rows after this offset/cursor returned by a previous read (incremental append). */
  after?: string;
  /**
   * Reports a rejected row under the `skip` policy; the core counts them and keeps the first ones
   * for `vitrina ingest`. Set by the core when it loads the extract; call it as `request.badRow?.(…)`.
   */
  badRow?(row: BadRow): void;
}

/** A batch of rows, in the order of `columns`. */
export interface RowBatch {
  columns: string[];
  rows: unknown[][];
  /** Resume point for incremental loads (byte offset, last id…). */
  cursor?: string;
}

/**
 * Bad input policy of a row source: `strict` fails the load naming file, line and column (the
 * previous extract keeps serving); `skip` counts bad rows, reports the first ones and loads the rest.
 */
export type BadRowPolicy = 'strict' | 'skip';

/** One rejected row, reported with where it came from. */
export interface BadRow {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

/**
 * The extract being built, handed to {@link RowSource.load}. The plugin writes DuckDB SQL (its own
 * code, never text from a request) so it can use DuckDB's native readers (`read_csv`) at full speed.
 * Everything written here becomes visible to readers only when the load finishes successfully.
 */
export interface ExtractTarget {
  /**
   * `full`: the extract is empty and every table is (re)created (first load, `vitrina ingest --full`,
   * or a source without a previous extract). `append`: the previous extract with all its tables
   * (usually the live file itself, inside the load's transaction; a copy of it when another process
   * holds it); add only what is new since `state` — or recreate the tables and report
   * `status: 'loaded'` when the input was rewritten rather than grown. Either way readers see the
   * result only after `load` resolves; a throw discards it. Keep temporary tables TEMP (or drop
   * them): the core counts the extract's other tables as the source's.
   */
  readonly mode: 'full' | 'append';
  /** What the previous successful load returned as `state` (cursors per file, fingerprints). */
  readonly state?: Record<string, unknown>;
  /** Scratch folder for the load (removed afterwards), e.g. for a file transcoded to UTF-8. */
  readonly tempDir: string;
  /**
   * Runs one DuckDB statement with positional parameters (`$1`, `$2`, …). The whole load runs in
   * one transaction the core opens and commits: do not issue BEGIN, COMMIT or CHECKPOINT.
   */
  run(sql: string, params?: unknown[]): Promise<void>;
  /** Runs one DuckDB query and returns its rows as plain JSON-safe objects (BIGINT → number). */
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /**
   * Appends rows parsed in JavaScript to an existing table through DuckDB's appender, in the
   * table's column order; values are cast by DuckDB (text → DATE/TIMESTAMP…). A row of the wrong
   * width or a value that does not cast fails the load. Returns the rows appended.
   */
  append(table: string, batches: AsyncIterable<RowBatch>): Promise<number>;
  /** Progress for `vitrina ingest` (rows done, rows or bytes expected when known). */
  progress(done: number, total?: number, unit?: 'rows' | 'bytes'): void;
  /** Reports a rejected row under the `skip` policy (the core counts them and keeps the first ones). */
  badRow(row: BadRow): void;
  /**
   * Runs one read-only SELECT on another source of the project (e.g. the CRM, to map phone
   * extensions to managers) with bound `:name` parameters, through that source's guard.
   */
  querySource(source: string, sql: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** What a load reports back; `state` is handed to the next load as `ExtractTarget.state`. */
export interface LoadOutcome {
  rows: number;
  /** `skipped`: nothing changed since the previous load (same fingerprint); the extract is kept. */
  status?: 'loaded' | 'appended' | 'skipped';
  state?: Record<string, unknown>;
}

/**
 * A source that yields rows (CSV files, call logs). The core loads it into a DuckDB extract and
 * queries the extract like any SQL source. Implement `load` (fast: DuckDB SQL such as `read_csv`
 * into the target), `read` (rows parsed in JavaScript, appended by the core), or both.
 */
export interface RowSource extends SourceLifecycle {
  kind: 'rows';
  introspect(options: CallOptions): Promise<TableInfo[]>;
  read?(request: ReadRequest, options: CallOptions): AsyncIterable<RowBatch>;
  /**
   * Fills the extract being built. Called with `mode: 'append'` when the previous extract can be
   * extended (the plugin decides from `state`, and may return `status: 'loaded'` after recreating
   * its tables instead); throw a VitrinaError naming file/line/column for `strict` bad input.
   */
  load?(target: ExtractTarget, options: CallOptions): Promise<LoadOutcome>;
  /** Fingerprint of the underlying files/offsets: the core reloads only when it changes. */
  version(options: CallOptions): Promise<string>;
}

export type Source = SqlSource | RowSource;

/** A JSON Schema object; fields marked `"x-secret": true` must come from environment variables. */
export type JsonSchemaObject = Record<string, unknown>;

/** What a plugin package default-exports (through {@link defineConnector}). */
export interface ConnectorDefinition<Config = Record<string, unknown>> {
  /** kebab-case, unique across loaded plugins; sources name it in `"plugin"`. */
  name: string;
  /** Contract version this plugin was written against. Only `1` exists. */
  apiVersion: 1;
  title?: string;
  /** Validates the source's block in the config before `create`. */
  configSchema: JsonSchemaObject;
  /** Missing flags take the frozen defaults in `DEFAULT_CAPABILITIES`. */
  capabilities?: Partial<ConnectorCapabilities>;
  /** Builds a source. Must not do I/O: connections open in `init`. */
  create(config: Config, context: ConnectorContext): Source;
}
