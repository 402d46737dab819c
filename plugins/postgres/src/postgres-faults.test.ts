/**
 * Faults, each answered by an error that names the source and says what is wrong: a server that
 * is down or restarts (the source recovers by itself), a wrong password, an unknown database, a
 * missing table.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceOpener } from '../../../test/support/open-test-source.js';
import {
  createTestDatabase,
  type PrivateServer,
  privateServerUnavailable,
  startPrivateServer,
  type TestDatabase,
} from '../../../test/support/postgres-cluster.js';
import connector from './index.js';

const open = sourceOpener(connector);
afterAll(() => open.destroyAll());
const one = CompiledQuery.raw('select 1 as one');

describe('configuration faults', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pg_faults');
  });
  afterAll(() => db.drop());

  it('a wrong password: unhealthy, and queries say the server refused the user', async () => {
    const url = new URL(db.url);
    url.password = 'wrong';
    const source = open({ url: url.toString() });
    expect(await source.checkHealth()).toMatchObject({
      ok: false,
      code: '28P01',
      reason: expect.stringMatching(/refused user "postgres": password authentication failed/),
    });
    await expect(source.query(one)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(
        /^source 'crm' \(plugin 'postgres'\) query failed: PostgreSQL at 127\.0\.0\.1:\d+\/\w+ refused user "postgres"/,
      ),
      hint: expect.stringMatching(/password/),
    });
  });

  it('an unknown database', async () => {
    const url = new URL(db.url);
    url.pathname = '/no_such_crm';
    const source = open({ url: url.toString() });
    expect(await source.checkHealth()).toMatchObject({
      ok: false,
      code: '3D000',
      reason: expect.stringMatching(/database "no_such_crm" does not exist/),
    });
    await expect(source.query(one)).rejects.toThrow(/source 'crm'.*database "no_such_crm" does not exist on PostgreSQL at 127\.0\.0\.1/);
  });

  it('a missing table, with a hint at the schema option', async () => {
    const source = open({ url: db.url, schema: 'crm' });
    await expect(source.query(CompiledQuery.raw('select count(*) from deals'))).rejects.toMatchObject({
      code: 'QUERY_FAILED',
      message: expect.stringMatching(/source 'crm'.*relation "deals" does not exist \(SQLSTATE 42P01\)/),
      hint: expect.stringMatching(/"schema" option/),
    });
  });

  it('a CA file that cannot be read fails the start with its path', async () => {
    const source = open({ url: db.url, sslmode: 'verify-full', sslCaFile: 'missing-ca.pem' });
    await expect(source.query(one)).rejects.toThrow(/source 'crm'.*failed to start: cannot read sslCaFile \/missing-ca\.pem/);
  });
});

const unavailable = privateServerUnavailable();
describe.skipIf(unavailable !== undefined)(`server down and restarts${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let server: PrivateServer;
  let db: TestDatabase;
  beforeAll(async () => {
    server = await startPrivateServer();
    db = await server.createDatabase('pg_restart');
  });
  afterAll(() => server?.destroy());

  it('down at start: unhealthy, queries fail naming the source; once it is up the same source works', async () => {
    await server.stopServer();
    const source = open({ url: db.url });
    expect(await source.checkHealth()).toMatchObject({
      ok: false,
      code: 'ECONNREFUSED',
      reason: expect.stringMatching(/cannot connect to PostgreSQL at 127\.0\.0\.1:\d+/),
    });
    await expect(source.query(one)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/^source 'crm' \(plugin 'postgres'\) query failed: cannot connect to PostgreSQL/),
    });
    await server.startServer();
    expect(await source.query(one)).toEqual([{ one: 1 }]);
    expect(await source.checkHealth()).toMatchObject({ ok: true });
  });

  it('stopped while in use: a clear error meanwhile, and the next query after the restart reconnects by itself', async () => {
    const source = open({ url: db.url, poolSize: 3 });
    await Promise.all([source.query(one), source.query(one), source.query(one)]); // three pooled connections
    await server.stopServer();
    await expect(source.query(one)).rejects.toThrow(/source 'crm'.*cannot connect to PostgreSQL/);
    expect(await source.checkHealth()).toMatchObject({ ok: false });
    await server.startServer();
    expect(await source.query(one)).toEqual([{ one: 1 }]);
  });

  it('a query running when the server goes down fails with "lost the connection", and nothing crashes', async () => {
    const source = open({ url: db.url });
    const failure = source.query(CompiledQuery.raw('select pg_sleep(10)')).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.stopServer();
    expect(await failure).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(
        /source 'crm'.*lost the connection to PostgreSQL at .*terminating connection due to administrator command/,
      ),
    });
    await server.startServer();
    expect(await source.query(one)).toEqual([{ one: 1 }]);
  });

  it('a restart between two queries goes unnoticed: the dead pooled connection is replaced', async () => {
    const source = open({ url: db.url, poolSize: 1 });
    expect(await source.query(one)).toEqual([{ one: 1 }]);
    await server.stopServer();
    await server.startServer();
    expect(await source.query(one)).toEqual([{ one: 1 }]);
  });
});
