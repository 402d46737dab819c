/**
 * @module The SQL source the engine sees for a row source (or a SQL source in `"mode": "extract"`):
 * flavour `duckdb` over the source's extract, queried through the same compiler and guard as any
 * SQL source. It is light: DuckDB loads (dynamic import) on first use, so `vitrina --help` and
 * projects without extracts never pay for it.
 */
import type { CompiledQuery, Dialect } from 'kysely';
import type { CallOptions, HealthResult, RowBatch, SqlSource, StreamOptions, TableInfo } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';
import type { ExtractInput, ExtractStore } from './extract-store.js';
import type { LoadReport, RefreshOptions } from './extract-types.js';

type Engine = typeof import('./index.js');

export class ExtractSource implements SqlSource {
  readonly kind = 'sql' as const;
  readonly flavor = 'duckdb' as const;
  #engine: Engine | undefined;
  #store: ExtractStore | undefined;
  #dialect: Dialect | undefined;

  constructor(readonly input: ExtractInput) {}

  get dialect(): Dialect {
    if (!this.#dialect) throw new VitrinaError('INTERNAL', `the extract of source '${this.input.source}' is used before init`);
    return this.#dialect;
  }

  /** The store, with DuckDB loaded. */
  async store(): Promise<ExtractStore> {
    if (!this.#store) {
      this.#engine ??= await import('./index.js');
      this.#store = new this.#engine.ExtractStore(this.input);
    }
    return this.#store;
  }

  /** Loads DuckDB and prepares the dialect; the extract itself is opened (or first loaded) by the first query. */
  async init(): Promise<void> {
    await this.store();
    this.#dialect = new (this.#engine as Engine).DuckDBDialect(() => this.#pool());
  }

  #firstLoad: Promise<unknown> | undefined;

  /** The current generation's pool; a source never loaded is loaded now (once, however many queries wait). */
  async #pool(signal?: AbortSignal) {
    const store = await this.store();
    if (!store.manifest()) {
      this.#firstLoad ??= store.load({ signal }).catch((error: unknown) => {
        this.#firstLoad = undefined;
        const e = error as VitrinaError;
        throw new VitrinaError(
          e.code ?? 'SOURCE_UNAVAILABLE',
          `source '${this.input.source}' has no extract yet and loading it failed: ${e.message}`,
          {
            cause: error,
            hint: `run: vitrina ingest ${this.input.source}  (it shows the load's progress and errors)`,
          },
        );
      });
      await this.#firstLoad;
    }
    return store.pool();
  }

  /** Loads the source into its extract (skipped when unchanged unless `full`). */
  async refresh(options: RefreshOptions = {}): Promise<LoadReport> {
    return (await this.store()).load(options);
  }

  /** Runs on a connection of the current generation; an abort interrupts the statement in DuckDB. */
  async execute(compiled: CompiledQuery, options: CallOptions): Promise<Record<string, unknown>[]> {
    const engine = this.#engine as Engine;
    return (await this.#pool(options.signal)).use(async (connection) => {
      const stop = () => connection.interrupt();
      options.signal?.addEventListener('abort', stop, { once: true });
      try {
        if (options.signal?.aborted) throw new VitrinaError('ABORTED', 'the query was cancelled');
        return engine.rowObjects(await engine.runPrepared(connection, compiled.sql, engine.bindValues(compiled.parameters)));
      } finally {
        options.signal?.removeEventListener('abort', stop);
      }
    });
  }

  /**
   * Rows in DuckDB's chunks on a connection leased for the whole stream (an export of a large
   * extract never materialises); an abort interrupts the statement. A load published meanwhile
   * waits for the stream to finish before closing the generation it reads.
   */
  async *stream(compiled: CompiledQuery, options: StreamOptions): AsyncGenerator<RowBatch> {
    const pool = await this.#pool(options.signal);
    const { extractRowStream } = await import('./extract-row-stream.js');
    const connection = await pool.acquire();
    try {
      if (options.signal?.aborted) throw new VitrinaError('ABORTED', 'the query was cancelled');
      yield* extractRowStream(connection, compiled, options);
    } finally {
      pool.release(connection);
    }
  }

  /**
   * The source's own description of its tables (a row source's inferred types with their fidelity,
   * a SQL source's precise ones): the extract holds the same tables, and `vitrina validate` need
   * not load a never-loaded extract to check column names.
   */
  async introspect(options: CallOptions): Promise<TableInfo[]> {
    return this.input.guard.introspect(options);
  }

  /** The extract's generation and fingerprint: cached results expire when a load is published. */
  async version(): Promise<string> {
    const manifest = (await this.store()).manifest();
    return manifest ? `extract:${manifest.generation}:${manifest.fingerprint}` : '';
  }

  /**
   * A loaded extract is healthy. Before the first load, the plugin's own check answers when it has
   * one (a health check should not load a big file); otherwise loading is the only way to know.
   */
  async checkHealth(options: CallOptions): Promise<HealthResult> {
    let manifest = (await this.store()).manifest();
    if (!manifest) {
      if (this.input.raw.checkHealth) {
        const health = await this.input.guard.checkHealth(options);
        return health.ok ? { ok: true, details: { ...health.details, extract: 'not loaded yet' } } : health;
      }
      try {
        await this.#pool(options.signal);
      } catch (error) {
        return { ok: false, reason: (error as Error).message, code: (error as VitrinaError).code };
      }
      manifest = (await this.store()).manifest() as NonNullable<typeof manifest>;
    }
    return { ok: true, details: { generation: manifest.generation, loadedAt: manifest.loadedAt, tables: manifest.tables } };
  }

  async destroy(): Promise<void> {
    await this.#store?.close();
    await this.input.guard.destroy();
  }
}
