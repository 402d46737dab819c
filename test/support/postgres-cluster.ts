/**
 * @module PostgreSQL for tests: the run's shared server (started once by the global setup, or
 * named by `VITRINA_TEST_PG_URL`), a fresh database per test file, and private servers that fault
 * tests may stop and start without disturbing test files running in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { LocalPostgres } from './local-postgres.js';

/** What the global setup hands to every test worker. */
export interface PostgresTestServer {
  /** Superuser URL of the shared server; '' when there is none (see `unavailable`). */
  adminUrl: string;
  /** `managed`: started for this run from the installed binaries; `external`: VITRINA_TEST_PG_URL. */
  mode: 'managed' | 'external' | 'unavailable';
  /** Why there is no server (no binaries, initdb failed…). */
  unavailable?: string;
  /** CA file of the shared server's self-signed certificate: TLS is on (managed mode with openssl). */
  caFile?: string;
  /** For private servers (managed mode only): binaries, superuser password, parent folder. */
  binDir?: string;
  password?: string;
  root?: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    vitrinaPostgres: PostgresTestServer;
  }
}

export const TEST_PG_URL_VARIABLE = 'VITRINA_TEST_PG_URL';

function server(): PostgresTestServer {
  const provided = inject('vitrinaPostgres');
  if (!provided) throw new Error('the PostgreSQL global setup did not run: is test/support/postgres-global-setup.ts in vitest.config.ts?');
  return provided;
}

/** Superuser URL of the shared server. Never stop this server: other test files use it at the same time. */
export function postgresAdminUrl(): string {
  const s = server();
  if (!s.adminUrl) throw new Error(`no PostgreSQL server for tests: ${s.unavailable}; install postgresql or set ${TEST_PG_URL_VARIABLE}`);
  return s.adminUrl;
}

/** Runs one statement (or several without parameters) and returns the rows. */
export async function runSql(url: string, text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text, values);
    return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** Superuser URL of this database. */
  url: string;
  name: string;
  /** Drops it, ending any session still connected. */
  drop(): Promise<void>;
}

/** A new empty database on the server of `adminUrl`, named `<prefix>_<pid>_<random>`. */
export async function createDatabaseOn(adminUrl: string, prefix: string): Promise<TestDatabase> {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 40);
  const name = `${clean}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await runSql(adminUrl, `create database ${pg.escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await runSql(adminUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    },
  };
}

/** A fresh database on the shared server, one per test file; `drop()` it in `afterAll`. */
export function createTestDatabase(prefix: string): Promise<TestDatabase> {
  return createDatabaseOn(postgresAdminUrl(), prefix);
}

/** The CA file that verifies the shared server's certificate, or why TLS cannot be tested. */
export function postgresTls(): { caFile: string } | { unavailable: string } {
  const s = server();
  if (s.caFile) return { caFile: s.caFile };
  return {
    unavailable:
      s.mode === 'managed'
        ? 'openssl is not installed, so the test server has no certificate'
        : `TLS is not set up on the ${s.mode} server`,
  };
}

/** Why this run cannot start private servers, or undefined when it can. Skip fault tests with it. */
export function privateServerUnavailable(): string | undefined {
  const s = server();
  if (s.mode === 'external') return `${TEST_PG_URL_VARIABLE} points at an external server, which tests must not stop`;
  if (s.mode !== 'managed') return `no PostgreSQL binaries: ${s.unavailable}`;
  return undefined;
}

/** A server of this test file alone, to stop and start in fault tests. */
export interface PrivateServer {
  adminUrl: string;
  port: number;
  /** A unix-socket directory, for connecting by `host` without TCP. */
  socketDir: string;
  createDatabase(prefix: string): Promise<TestDatabase>;
  /** Fast shutdown: every open session gets "terminating connection due to administrator command". */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and data. */
  startServer(): Promise<void>;
  destroy(): Promise<void>;
}

/** Starts a private server (initdb + start, ~1.5 s). Check `privateServerUnavailable()` first. */
export async function startPrivateServer(): Promise<PrivateServer> {
  const reason = privateServerUnavailable();
  if (reason) throw new Error(`cannot start a private PostgreSQL server: ${reason}`);
  const s = server();
  const local = await LocalPostgres.start({
    binDir: s.binDir as string,
    password: s.password as string,
    parent: s.root as string,
  });
  return {
    adminUrl: local.adminUrl,
    port: local.port,
    socketDir: local.socketDir,
    createDatabase: (prefix) => createDatabaseOn(local.adminUrl, prefix),
    stopServer: () => local.stopServer('fast'),
    startServer: () => local.startServer(),
    destroy: () => local.destroy(),
  };
}
