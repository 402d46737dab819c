/**
 * @module A Kysely dialect for DuckDB over @duckdb/node-api. DuckDB speaks PostgreSQL-style SQL with
 * `$1` parameters, so Kysely's PostgreSQL query compiler and adapter are reused as they are; only the
 * driver (connections from a {@link DuckDBConnectionPool}) and the introspector are DuckDB's own.
 */
import { type DuckDBConnection, ResultReturnType } from '@duckdb/node-api';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { DuckDBIntrospector } from './duckdb-introspector.js';
import type { DuckDBConnectionPool } from './duckdb-pool.js';
import { bindValues, rowObjects } from './duckdb-values.js';

/** One DuckDB connection as Kysely sees it. */
export class DuckDBKyselyConnection implements DatabaseConnection {
  constructor(readonly connection: DuckDBConnection) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.connection.runAndReadAll(compiled.sql, bindValues(compiled.parameters));
    const rows = rowObjects(reader) as R[];
    return reader.returnType === ResultReturnType.CHANGED_ROWS ? { rows, numAffectedRows: BigInt(reader.rowsChanged) } : { rows };
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize = 2048): AsyncIterableIterator<QueryResult<R>> {
    // Materialised then sliced: the engine has no streaming consumer yet, and this keeps one code path.
    const { rows } = await this.executeQuery<R>(compiled);
    for (let i = 0; i < rows.length; i += chunkSize) yield { rows: rows.slice(i, i + chunkSize) };
  }
}

/** The pool to use now: an extract swaps in a new file (and pool) after each load. */
export type PoolProvider = () => DuckDBConnectionPool | Promise<DuckDBConnectionPool>;

class DuckDBDriver implements Driver {
  // A connection goes back to the pool it came from, even when a newer generation is current.
  readonly #leased = new Map<DuckDBKyselyConnection, [DuckDBConnectionPool, DuckDBConnection]>();
  constructor(private readonly pool: PoolProvider) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = await this.pool();
    const connection = await pool.acquire();
    const wrapped = new DuckDBKyselyConnection(connection);
    this.#leased.set(wrapped, [pool, connection]);
    return wrapped;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as DuckDBKyselyConnection).connection.run('begin transaction');
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as DuckDBKyselyConnection).connection.run('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as DuckDBKyselyConnection).connection.run('rollback');
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const leased = this.#leased.get(connection as DuckDBKyselyConnection);
    this.#leased.delete(connection as DuckDBKyselyConnection);
    if (leased) leased[0].release(leased[1]);
  }
  // The pool belongs to whoever made it (an extract generation outlives one Kysely instance).
  async destroy(): Promise<void> {}
}

/** `new Kysely({ dialect: new DuckDBDialect(() => pool) })`. */
export class DuckDBDialect implements Dialect {
  constructor(private readonly pool: PoolProvider) {}
  createDriver(): Driver {
    return new DuckDBDriver(this.pool);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new DuckDBIntrospector(db);
  }
}
