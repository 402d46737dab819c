/**
 * @module The guard around every source: init once with retry after failure, refuse use after
 * destroy, serialise when the connector cannot run queries concurrently, deadlines, and errors
 * that name the plugin and the source while keeping `cause`.
 */
import { type CompiledQuery, Kysely, sql } from 'kysely';
import { type ConnectorCapabilities, resolveCapabilities } from '../connector/capabilities.js';
import type { ConnectorDefinition, HealthResult, RowBatch, Source, SqlFlavor, TableInfo } from '../connector/connector-types.js';
import { type ErrorCode, VitrinaError } from '../errors/index.js';
import { withDeadline } from '../util/abort.js';
import { introspectWithKysely } from './kysely-introspection.js';
import { SerialQueue } from './serial-queue.js';

export interface QueryOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type Row = Record<string, unknown>;

/** What the guard needs of a connector: its name (for messages) and its capabilities. */
export type ConnectorIdentity = Pick<ConnectorDefinition<never>, 'name' | 'capabilities'>;

export class RuntimeSource {
  readonly name: string;
  readonly pluginName: string;
  readonly capabilities: Readonly<ConnectorCapabilities>;
  readonly #source: Source | undefined;
  readonly #loadError: VitrinaError | undefined;
  readonly #queue = new SerialQueue();
  #ready: Promise<void> | undefined;
  #db: Kysely<unknown> | undefined;
  #destroyed = false;

  private constructor(
    name: string,
    pluginName: string,
    connector: ConnectorIdentity | undefined,
    source: Source | undefined,
    loadError?: VitrinaError,
  ) {
    this.name = name;
    this.pluginName = pluginName;
    this.capabilities = resolveCapabilities(connector?.capabilities);
    this.#source = source;
    this.#loadError = loadError;
  }

  static create(name: string, connector: ConnectorIdentity, source: Source): RuntimeSource {
    return new RuntimeSource(name, connector.name, connector, source);
  }

  /** A source whose plugin or options failed: it reports unhealthy and refuses queries, nothing else breaks. */
  static broken(name: string, pluginName: string, error: VitrinaError): RuntimeSource {
    return new RuntimeSource(name, pluginName, undefined, undefined, error);
  }

  get kind(): 'sql' | 'rows' | 'broken' {
    return this.#source?.kind ?? 'broken';
  }

  get flavor(): SqlFlavor {
    return this.#source?.kind === 'sql' ? this.#source.flavor : 'duckdb';
  }

  get loadError(): VitrinaError | undefined {
    return this.#loadError;
  }

  #label(): string {
    return `source '${this.name}' (plugin '${this.pluginName}')`;
  }

  #wrap(error: unknown, code: ErrorCode, hook: string): VitrinaError {
    if (error instanceof VitrinaError && error.message.includes(`source '${this.name}'`)) return error;
    const message = error instanceof Error ? error.message : String(error);
    const finalCode = error instanceof VitrinaError ? error.code : code;
    const hint = error instanceof VitrinaError ? error.hint : undefined;
    return new VitrinaError(finalCode, `${this.#label()} ${hook}: ${message}`, { cause: error, hint });
  }

  #usable(): Source {
    if (this.#destroyed) throw new VitrinaError('SOURCE_UNAVAILABLE', `${this.#label()} was shut down`);
    if (!this.#source) {
      throw new VitrinaError('SOURCE_UNAVAILABLE', `${this.#label()} is unavailable: ${this.#loadError?.message ?? 'not loaded'}`, {
        cause: this.#loadError,
        hint: this.#loadError?.hint,
      });
    }
    return this.#source;
  }

  /** Runs `init` once; a failed init is forgotten so the next call tries again. */
  async ready(options: QueryOptions = {}): Promise<void> {
    const source = this.#usable();
    if (!this.#ready) {
      const init = source.init ? source.init({ signal: options.signal }) : Promise.resolve();
      this.#ready = init.catch((error: unknown) => {
        this.#ready = undefined;
        throw this.#wrap(error, 'SOURCE_UNAVAILABLE', 'failed to start');
      });
    }
    return withDeadline(this.#ready, { ...options, what: `starting ${this.#label()}` });
  }

  /** The Kysely instance of a SQL source, built once. */
  async db(options: QueryOptions = {}): Promise<Kysely<unknown>> {
    const source = this.#usable();
    if (source.kind !== 'sql') {
      throw new VitrinaError('SOURCE_UNAVAILABLE', `${this.#label()} is a row source; it is queried through its extract`);
    }
    await this.ready(options);
    this.#db ??= new Kysely<unknown>({ dialect: source.dialect });
    return this.#db;
  }

  /**
   * Runs one compiled query: through the source's own `execute` when it has one (so the signal
   * reaches it), else through Kysely. Errors name the source and keep the driver's error as `cause`.
   */
  async query(compiled: CompiledQuery, options: QueryOptions = {}): Promise<Row[]> {
    const source = this.#usable();
    const execute = source.kind === 'sql' ? source.execute?.bind(source) : undefined;
    let db: Kysely<unknown> | undefined;
    if (execute) await this.ready(options);
    else db = await this.db(options);
    // Fires when the caller aborts or the deadline passes, so the source stops work nobody awaits.
    const stop = new AbortController();
    const run = async () => {
      try {
        if (execute) return await execute(compiled, { signal: stop.signal });
        return (await (db as Kysely<unknown>).executeQuery<Row>(compiled)).rows;
      } catch (error) {
        throw this.#wrap(error, 'QUERY_FAILED', 'query failed');
      }
    };
    const work = this.capabilities.supportsConcurrentQueries ? run() : this.#queue.run(run);
    try {
      return await withDeadline(work, { ...options, what: `query on ${this.#label()}` });
    } catch (error) {
      stop.abort(error);
      throw error;
    }
  }

  /**
   * Runs one compiled query and yields its rows in batches: through the source's own `stream` when
   * it has one (rows read as the consumer asks, memory flat), else the whole result sliced. No
   * deadline once the first batch arrived (a download may be slow); `signal` stops it.
   */
  async *stream(compiled: CompiledQuery, options: QueryOptions & { batchRows?: number } = {}): AsyncGenerator<RowBatch> {
    const source = this.#usable();
    const batchRows = options.batchRows ?? 1000;
    if (source.kind !== 'sql' || !source.stream) {
      const rows = await this.query(compiled, options);
      const columns = Object.keys(rows[0] ?? {});
      for (let i = 0; i < rows.length; i += batchRows)
        yield { columns, rows: rows.slice(i, i + batchRows).map((row) => columns.map((c) => row[c])) };
      return;
    }
    await this.ready(options);
    const iterator = source.stream(compiled, { signal: options.signal, batchRows })[Symbol.asyncIterator]();
    try {
      // The first batch (where a bad query fails) is held to the query deadline, like `query`.
      let next = await withDeadline(iterator.next(), { ...options, what: `query on ${this.#label()}` });
      while (!next.done) {
        yield next.value;
        if (options.signal?.aborted) throw new VitrinaError('ABORTED', 'the export was cancelled');
        next = await iterator.next();
      }
    } catch (error) {
      throw this.#wrap(error, 'QUERY_FAILED', 'stream failed');
    } finally {
      await iterator.return?.();
    }
  }

  /** Never throws for expected failures: returns `{ ok: false, reason }`. */
  async checkHealth(options: QueryOptions = {}): Promise<HealthResult> {
    if (!this.#source) return { ok: false, reason: this.#loadError?.message ?? 'not loaded', code: this.#loadError?.code };
    try {
      await this.ready(options);
      const source = this.#usable();
      if (source.checkHealth)
        return await withDeadline(source.checkHealth(options), { ...options, what: `health check of ${this.#label()}` });
      if (source.kind === 'sql') {
        const db = await this.db(options);
        await withDeadline(sql`select 1`.execute(db), { ...options, what: `health check of ${this.#label()}` });
      }
      return { ok: true };
    } catch (error) {
      const wrapped = this.#wrap(error, 'SOURCE_UNAVAILABLE', 'health check failed');
      return { ok: false, reason: wrapped.message, code: wrapped.code };
    }
  }

  async introspect(options: QueryOptions = {}): Promise<TableInfo[]> {
    const source = this.#usable();
    await this.ready(options);
    try {
      if (source.introspect) return await source.introspect(options);
      return await introspectWithKysely(await this.db(options));
    } catch (error) {
      throw this.#wrap(error, 'SOURCE_UNAVAILABLE', 'introspection failed');
    }
  }

  /** Data fingerprint for cache keys; '' when the source cannot tell. */
  async version(options: QueryOptions = {}): Promise<string> {
    const source = this.#usable();
    if (!source.version) return '';
    await this.ready(options);
    try {
      return await source.version(options);
    } catch (error) {
      throw this.#wrap(error, 'SOURCE_UNAVAILABLE', 'version check failed');
    }
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    try {
      if (this.#db) await this.#db.destroy();
      // Kysely's destroy closes only its driver; the source may hold more (a pool it shares with
      // `execute`), so it is told too and must tolerate a driver that is closed already.
      await this.#source?.destroy?.();
    } catch (error) {
      throw this.#wrap(error, 'INTERNAL', 'shutdown failed');
    }
  }
}
