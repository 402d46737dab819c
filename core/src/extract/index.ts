/**
 * @module `@vitrina/core/extract`: the DuckDB extract engine. Loads @duckdb/node-api, so the core
 * imports it only when an extract source is first used.
 */
export { DuckDBDialect, DuckDBKyselyConnection, type PoolProvider } from './duckdb-dialect.js';
export { DuckDBIntrospector } from './duckdb-introspector.js';
export { DuckDBConnectionPool, type DuckDBPoolOptions } from './duckdb-pool.js';
export { bindValues, rowObjects } from './duckdb-values.js';
export { readManifest } from './extract-manifest.js';
export { type ExtractInput, ExtractStore } from './extract-store.js';
export { BadRowCollector, extractTarget } from './extract-target.js';
export type * from './extract-types.js';
export { MAX_REPORTED_BAD_ROWS } from './extract-types.js';
export { MAX_STATEMENTS_PER_CONNECTION, preparedCount, runPrepared } from './prepared-statements.js';
