/**
 * @module One DuckDB database file opened once, with a few reusable connections. DuckDB runs
 * queries of different connections in parallel, so the pool only saves the cost of connecting.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDBPoolOptions {
  /** Open without write access (queries of a published extract). Default `false`. */
  readonly?: boolean;
  /** Idle connections kept for reuse. Default 4. */
  maxIdle?: number;
}

export class DuckDBConnectionPool {
  readonly #idle: DuckDBConnection[] = [];
  #leased = 0;
  #closed = false;
  #onDrained: (() => void) | undefined;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly maxIdle: number,
  ) {}

  static async open(path: string, options: DuckDBPoolOptions = {}): Promise<DuckDBConnectionPool> {
    const instance = await DuckDBInstance.create(path, options.readonly ? { access_mode: 'READ_ONLY' } : {});
    return new DuckDBConnectionPool(path, instance, options.maxIdle ?? 4);
  }

  get leased(): number {
    return this.#leased;
  }

  async acquire(): Promise<DuckDBConnection> {
    if (this.#closed) throw new Error(`the DuckDB file ${this.path} was closed`);
    this.#leased++;
    const reused = this.#idle.pop();
    if (reused) return reused;
    try {
      const connection = await this.instance.connect();
      // Timestamps without a zone are UTC instants everywhere in Vitrina; the flavour shifts them
      // to the reporting zone itself, so the session must not add the host's zone.
      await connection.run("set TimeZone = 'UTC'");
      return connection;
    } catch (error) {
      this.#leased--;
      throw error;
    }
  }

  release(connection: DuckDBConnection): void {
    this.#leased--;
    if (this.#closed || this.#idle.length >= this.maxIdle) connection.closeSync();
    else this.#idle.push(connection);
    if (this.#leased === 0) this.#onDrained?.();
  }

  /** Runs `work` on a leased connection. */
  async use<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      this.release(connection);
    }
  }

  /** Closes the file once the queries still running on it have finished (after a swap). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#leased > 0) await new Promise<void>((resolve) => (this.#onDrained = resolve));
    for (const connection of this.#idle.splice(0)) connection.closeSync();
    this.instance.closeSync();
  }
}
