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
}

/** A batch of rows, in the order of `columns`. */
export interface RowBatch {
  columns: string[];
  rows: unknown[][];
  /** Resume point for incremental loads (byte offset, last id…). */
  cursor?: string;
}

/**
 * A source that yields rows (CSV files, call logs). The core loads it into a DuckDB extract and
 * queries the extract like any SQL source.
 */
export interface RowSource extends SourceLifecycle {
  kind: 'rows';
  introspect(options: CallOptions): Promise<TableInfo[]>;
  read(request: ReadRequest, options: CallOptions): AsyncIterable<RowBatch>;
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
