/**
 * @module The one pg Pool of a source: session settings on every new connection, this
 * connector's type parsers, bounded waits, and connection errors that never crash the process.
 */
import type { ConnectorLogger } from '@vitrina/core/connector';
import pg from 'pg';
import type { ConnectionSettings } from './connection-settings.js';
import { POSTGRES_DEFAULTS, type PostgresOptions } from './postgres-options.js';
import { postgresTypes } from './postgres-types.js';

/**
 * Sent once per new connection, before its first query. Read-only by default makes every
 * statement's implicit transaction a read-only transaction, so a write fails at the server
 * (SQLSTATE 25006). UTC makes `timestamp` → `timestamptz` casts independent of the server's zone;
 * the compiler converts to the reporting zone with `AT TIME ZONE` itself.
 */
export function sessionSql(options: PostgresOptions): string {
  const timeout = options.statementTimeoutMs ?? POSTGRES_DEFAULTS.statementTimeoutMs;
  const schemas = options.schema === undefined ? [] : [options.schema].flat();
  return [
    'SET default_transaction_read_only = on',
    `SET statement_timeout = ${Math.trunc(timeout)}`,
    "SET TimeZone = 'UTC'",
    ...(schemas.length ? [`SET search_path = ${schemas.map((s) => pg.escapeIdentifier(s)).join(', ')}`] : []),
  ].join('; ');
}

export function createPostgresPool(
  options: PostgresOptions,
  connection: ConnectionSettings,
  context: { sourceName: string; log: ConnectorLogger },
): pg.Pool {
  const connectTimeoutMs = options.connectTimeoutMs ?? POSTGRES_DEFAULTS.connectTimeoutMs;
  const session = sessionSql(options);
  const { log, sourceName } = context;

  // pg's pool passes its own options to every client, where `connectionTimeoutMillis` means the
  // wait for a free connection; a new connection gets its own limit. The descriptors are copied
  // because the pool hides the password as a non-enumerable property.
  class SourceClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      const own = Object.defineProperties({}, Object.getOwnPropertyDescriptors(config)) as pg.ClientConfig;
      own.connectionTimeoutMillis = connectTimeoutMs;
      super(own);
    }
  }

  const pool = new pg.Pool({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.ssl,
    max: options.poolSize ?? POSTGRES_DEFAULTS.poolSize,
    // Bounds the wait when all connections are busy (and the opening of a new one).
    connectionTimeoutMillis: options.poolWaitMs ?? POSTGRES_DEFAULTS.poolWaitMs,
    idleTimeoutMillis: 30_000,
    // An idle pool must not keep a one-shot CLI command alive.
    allowExitOnIdle: true,
    keepAlive: true,
    application_name: `vitrina/${sourceName}`.slice(0, 63),
    types: postgresTypes,
    Client: SourceClient,
    onConnect: async (client) => {
      // A socket error while the client is checked out is emitted on the client; without a
      // listener Node would crash. The query in flight already fails with it, so only log.
      client.on('error', (error) => log.debug('PostgreSQL connection failed while in use', { source: sourceName, error: error.message }));
      await client.query(session);
    },
  });
  // Idle connections die when the server restarts or an admin kills them. pg removes them from
  // the pool and emits the error here; the next query simply opens a new connection.
  pool.on('error', (error) => log.warn('PostgreSQL dropped an idle connection', { source: sourceName, error: error.message }));
  return pool;
}
