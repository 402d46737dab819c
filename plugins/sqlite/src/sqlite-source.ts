/** @module The SQLite source: a Kysely SqliteDialect over one better-sqlite3 connection. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallOptions, ConnectorContext, HealthResult, RowBatch, SqlSource, StreamOptions } from '@vitrina/core/connector';
import Database from 'better-sqlite3';
import { type CompiledQuery, SqliteDialect } from 'kysely';
import { createLocalTimeFunction } from './local-time-function.js';
import type { SqliteOptions } from './sqlite-options.js';
import { sqliteRowStream } from './sqlite-row-stream.js';
import { withStatementCache } from './statement-cache.js';

export class SqliteSource implements SqlSource {
  readonly kind = 'sql' as const;
  readonly flavor = 'sqlite' as const;
  readonly dialect: SqliteDialect;
  readonly #path: string;
  readonly #options: SqliteOptions;

  constructor(options: SqliteOptions, context: ConnectorContext) {
    this.#options = options;
    this.#path = resolve(context.projectDir, options.file);
    // The dialect opens the file lazily (on the first query), so `create` does no I/O.
    this.dialect = new SqliteDialect({ database: async () => this.#open() });
  }

  #open(): Database.Database {
    return withStatementCache(this.#connect(this.#options.readonly ?? true));
  }

  #connect(readonly: boolean): Database.Database {
    if (!existsSync(this.#path)) throw new Error(`database file not found: ${this.#path}`);
    const db = new Database(this.#path, { readonly, fileMustExist: true, timeout: this.#options.busyTimeoutMs ?? 5000 });
    db.function('vitrina_local_time', { deterministic: true }, createLocalTimeFunction());
    return db;
  }

  /** Rows in batches from a read-only connection of the stream's own (exports of large tables). */
  stream(compiled: CompiledQuery, options: StreamOptions): AsyncIterable<RowBatch> {
    return sqliteRowStream(() => this.#connect(true), compiled, options);
  }

  async init(_options: CallOptions): Promise<void> {
    if (!existsSync(this.#path)) throw new Error(`database file not found: ${this.#path}`);
  }

  async checkHealth(_options: CallOptions): Promise<HealthResult> {
    if (!existsSync(this.#path)) return { ok: false, reason: `database file not found: ${this.#path}`, code: 'ENOENT' };
    try {
      const db = new Database(this.#path, { readonly: true, fileMustExist: true });
      try {
        const tables = db.prepare("select count(*) as n from sqlite_schema where type in ('table', 'view')").get() as { n: number };
        return { ok: true, details: { file: this.#path, tables: tables.n } };
      } finally {
        db.close();
      }
    } catch (error) {
      return { ok: false, reason: `cannot open ${this.#path}: ${(error as Error).message}`, code: (error as { code?: string }).code };
    }
  }

  /** File size and modification time: a write to the CRM database changes the cache key. */
  async version(_options: CallOptions): Promise<string> {
    const s = statSync(this.#path);
    const wal = `${this.#path}-wal`;
    const w = existsSync(wal) ? statSync(wal) : undefined;
    return `${s.size}:${s.mtimeMs}${w ? `:${w.size}:${w.mtimeMs}` : ''}`;
  }
}
