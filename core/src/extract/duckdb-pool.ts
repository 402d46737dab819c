/**
 * @module One DuckDB database file opened once, with a few reusable connections. DuckDB runs
 * queries of different connections in parallel, so the pool only saves the cost of connecting.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDBPoolOptions {
  /** Open without write access (queries of a published extract). Default `false`. */
  readonly?: boolean;
  /** Idle connections kept for reuse. Default 4. */
  maxIdle?: number;
}

/** Files open through a pool in this process, by device and inode. */
const openFiles = new Map<string, { writable: boolean; count: number }>();

function forget(key: string): void {
  const open = openFiles.get(key);
  if (open && open.count > 1) open.count--;
  else openFiles.delete(key);
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
    /** Opened with write access. */
    readonly writable: boolean,
    /** The file's inode when it was opened: a file renamed over `path` since then is another one. */
    readonly inode: number,
    private readonly key: string,
  ) {}

  /**
   * Opens the file; fails like DuckDB's own lock conflict (see {@link isLockConflict}) when this
   * process has it open with write access already, or asks for write access to a file it has
   * open: POSIX locks belong to the process, so DuckDB cannot see a second handle of one file in
   * one process (two projects over one data folder), and one could write while the other reads.
   * Several read-only handles are allowed, as DuckDB allows them across processes.
   */
  static async open(path: string, options: DuckDBPoolOptions = {}): Promise<DuckDBConnectionPool> {
    const stat = statSync(path, { throwIfNoEntry: false });
    const key = stat ? `${stat.dev}:${stat.ino}` : resolve(path);
    const writable = !options.readonly;
    const open = openFiles.get(key);
    if (open && (open.writable || writable))
      throw new Error(
        `IO Error: Could not set lock on file "${path}": this process has it open${open.writable ? ' with write access' : ''} already`,
      );
    openFiles.set(key, { writable, count: (open?.count ?? 0) + 1 });
    try {
      const instance = await DuckDBInstance.create(path, writable ? {} : { access_mode: 'READ_ONLY' });
      return new DuckDBConnectionPool(path, instance, options.maxIdle ?? 4, writable, stat?.ino ?? -1, key);
    } catch (error) {
      forget(key);
      throw error;
    }
  }

  get leased(): number {
    return this.#leased;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A connection; `fresh`: a new one, not an idle one (a load's session settings and temp tables die with it when released with `discard`). */
  async acquire(options: { fresh?: boolean } = {}): Promise<DuckDBConnection> {
    if (this.#closed) throw new Error(`the DuckDB file ${this.path} was closed`);
    this.#leased++;
    const reused = options.fresh ? undefined : this.#idle.pop();
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

  release(connection: DuckDBConnection, options: { discard?: boolean } = {}): void {
    this.#leased--;
    if (options.discard || this.#closed || this.#idle.length >= this.maxIdle) connection.closeSync();
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
    forget(this.key);
  }
}

/** DuckDB's error when another process holds the file (with write access, or read-only when we want to write). */
export function isLockConflict(error: unknown): boolean {
  return /could not set lock on file/i.test(error instanceof Error ? error.message : String(error));
}
