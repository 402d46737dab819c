/**
 * @module The PostgreSQL source: Kysely's PostgresDialect and the cancellable `execute` over one
 * pg Pool per configured source, opened in `init` and closed in `destroy`.
 */
import { VitrinaError } from '@vitrina/core';
import type { CallOptions, ConnectorContext, HealthResult, SqlSource } from '@vitrina/core/connector';
import { type CompiledQuery, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { runCancellable } from './cancellable-query.js';
import { type ConnectionSettings, connectionSettings } from './connection-settings.js';
import { describePostgresError, isStaleConnection } from './postgres-errors.js';
import { POSTGRES_DEFAULTS, type PostgresOptions } from './postgres-options.js';
import { createPostgresPool } from './postgres-pool.js';

/**
 * Insert/update/delete counters of the database's tables, the server's start time and, on a
 * standby, the replayed WAL position. The statistics reach these views up to about a second after
 * a commit (PostgreSQL 15+; longer under the old stats collector), and a TRUNCATE alone is not
 * counted: the result cache's TTL remains the upper bound on staleness.
 */
const VERSION_SQL = `select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text
  || ':' || extract(epoch from pg_postmaster_start_time())::text
  || ':' || coalesce(pg_last_wal_replay_lsn()::text, '') as version
  from pg_stat_user_tables`;

/** A dashboard asks for the version once per panel; the counters move at most once a second. */
const VERSION_REUSE_MS = 1000;

export class PostgresSource implements SqlSource {
  readonly kind = 'sql' as const;
  readonly flavor = 'postgres' as const;
  readonly dialect: PostgresDialect;
  readonly #options: PostgresOptions;
  readonly #context: ConnectorContext;
  #settings: ConnectionSettings | undefined;
  #pool: pg.Pool | undefined;
  #version: { at: number; value: Promise<string> } | undefined;

  constructor(options: PostgresOptions, context: ConnectorContext) {
    this.#options = options;
    this.#context = context;
    // Kysely asks for the pool on its first query, after the core has run `init`.
    this.dialect = new PostgresDialect({ pool: async () => this.#requirePool() });
  }

  /** Creates the pool; no connection is opened yet, so a server that is down does not fail it. */
  async init(_options: CallOptions): Promise<void> {
    if (this.#pool) return;
    this.#settings = connectionSettings(this.#options, this.#context.projectDir);
    this.#pool = createPostgresPool(this.#options, this.#settings, this.#context);
  }

  #requirePool(): pg.Pool {
    if (!this.#pool || this.#pool.ending)
      throw new VitrinaError('SOURCE_UNAVAILABLE', 'the PostgreSQL source is not started or was shut down');
    return this.#pool;
  }

  #describe(error: unknown): VitrinaError {
    const target = this.#settings?.target ?? { where: 'the configured server', database: '', user: '' };
    return describePostgresError(error, target);
  }

  /** A connection from the pool, waiting at most `poolWaitMs` when all are busy. */
  async #acquire(signal: AbortSignal | undefined): Promise<pg.PoolClient> {
    const pool = this.#requirePool();
    const connecting = pool.connect();
    if (!signal) return connecting.catch((error) => Promise.reject(this.#poolError(error)));
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () =>
        reject(new VitrinaError('ABORTED', 'the query was cancelled while waiting for a connection', { cause: signal.reason }));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([connecting.catch((error) => Promise.reject(this.#poolError(error))), aborted]);
    } catch (error) {
      // Given up while queued: the connection, once it comes, goes straight back to the pool.
      if (signal.aborted)
        connecting.then(
          (client) => client.release(),
          () => {},
        );
      throw error;
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  #poolError(error: unknown): VitrinaError {
    if (!/timeout exceeded when trying to connect/.test((error as Error)?.message ?? '')) return this.#describe(error);
    const size = this.#options.poolSize ?? POSTGRES_DEFAULTS.poolSize;
    const wait = this.#options.poolWaitMs ?? POSTGRES_DEFAULTS.poolWaitMs;
    return new VitrinaError('QUERY_TIMEOUT', `all ${size} connections to PostgreSQL are busy; none became free within ${wait} ms`, {
      cause: error,
      hint: 'raise poolSize or poolWaitMs for this source, or lower the statement timeout',
    });
  }

  /**
   * Runs one statement. A pooled connection found dead (its socket broke while it sat idle) is
   * replaced and the statement sent once more: every statement here is read-only, so running it
   * again is safe.
   */
  async execute(compiled: CompiledQuery, options: CallOptions = {}): Promise<Record<string, unknown>[]> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#acquire(options.signal);
      try {
        return await runCancellable(client, compiled.sql, compiled.parameters, options.signal, this.#context.log);
      } catch (error) {
        if (attempt === 1 && isStaleConnection(error) && !options.signal?.aborted) continue;
        throw this.#describe(error);
      }
    }
  }

  async checkHealth(options: CallOptions): Promise<HealthResult> {
    try {
      const sql = 'select current_setting($1) as server_version, current_database() as database';
      const [row] = await this.execute({ sql, parameters: ['server_version'] } as unknown as CompiledQuery, options);
      return { ok: true, details: { ...row, where: this.#settings?.target.where } };
    } catch (error) {
      const described = this.#describe(error);
      const code = (described.cause as { code?: unknown } | undefined)?.code;
      return { ok: false, reason: described.message, code: typeof code === 'string' ? code : described.code };
    }
  }

  /** Shared by concurrent callers, so it runs without any one caller's signal (it takes ~1 ms). */
  async version(_options: CallOptions): Promise<string> {
    const now = Date.now();
    if (!this.#version || now - this.#version.at > VERSION_REUSE_MS) {
      const query = { sql: VERSION_SQL, parameters: [] } as unknown as CompiledQuery;
      const value = this.execute(query).then((rows) => String(rows[0]?.version));
      const entry = { at: now, value };
      // A failed check is not remembered: the next call asks the server again.
      value.catch(() => {
        if (this.#version === entry) this.#version = undefined;
      });
      this.#version = entry;
    }
    return this.#version.value;
  }

  /** Ends the pool; safe after Kysely's own destroy has ended it already. */
  async destroy(): Promise<void> {
    const pool = this.#pool;
    if (pool && !pool.ending) await pool.end();
  }
}
