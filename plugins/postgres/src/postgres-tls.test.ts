/**
 * TLS with libpq's sslmode meanings, against a server with a self-signed certificate for
 * 127.0.0.1: `require` encrypts without checking, `verify-ca` checks the signer, `verify-full`
 * the signer and the host name. Cancelling works over TLS too.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceOpener } from '../../../test/support/open-test-source.js';
import { createTestDatabase, postgresTls, runSql, type TestDatabase } from '../../../test/support/postgres-cluster.js';
import connector from './index.js';

const open = sourceOpener(connector);
const encrypted = CompiledQuery.raw('select ssl from pg_stat_ssl where pid = pg_backend_pid()');

const tls = postgresTls();
const caFile = 'caFile' in tls ? tls.caFile : '';
describe.skipIf(!caFile)(`TLS${'unavailable' in tls ? ` (skipped: ${tls.unavailable})` : ''}`, () => {
  let db: TestDatabase;
  /** The database's URL with another host name for the same server. */
  const at = (host: string) => {
    const url = new URL(db.url);
    url.hostname = host;
    return url.toString();
  };
  beforeAll(async () => {
    db = await createTestDatabase('pg_tls');
  });
  afterAll(async () => {
    await open.destroyAll();
    await db?.drop();
  });

  it('plain by default', async () => {
    expect(await open({ url: db.url }).query(encrypted)).toEqual([{ ssl: false }]);
  });

  it('require: encrypted, certificate not checked', async () => {
    expect(await open({ url: db.url, sslmode: 'require' }).query(encrypted)).toEqual([{ ssl: true }]);
  });

  it('sslmode in the URL counts too', async () => {
    expect(await open({ url: `${db.url}?sslmode=require` }).query(encrypted)).toEqual([{ ssl: true }]);
  });

  it('verify-full: passes with the CA file and the certificate host name', async () => {
    expect(await open({ url: db.url, sslmode: 'verify-full', sslCaFile: caFile }).query(encrypted)).toEqual([{ ssl: true }]);
  });

  it('verify-full: an unknown signer is refused with a hint at sslCaFile', async () => {
    const source = open({ url: db.url, sslmode: 'verify-full' });
    await expect(source.query(encrypted)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/source 'crm'.*its TLS certificate was rejected \(self[- ]signed certificate\)/),
      hint: expect.stringMatching(/sslCaFile/),
    });
    expect(await source.checkHealth()).toMatchObject({ ok: false, code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('verify-full refuses a host name the certificate does not carry; verify-ca accepts it', async () => {
    await expect(open({ url: at('localhost'), sslmode: 'verify-full', sslCaFile: caFile }).query(encrypted)).rejects.toThrow(
      /TLS certificate was rejected/,
    );
    expect(await open({ url: at('localhost'), sslmode: 'verify-ca', sslCaFile: caFile }).query(encrypted)).toEqual([{ ssl: true }]);
  });

  it('cancels a statement over TLS', async () => {
    const source = open({ url: db.url, sslmode: 'require', poolSize: 1 });
    const controller = new AbortController();
    const result = source.query(CompiledQuery.raw('select pg_sleep(10) as tls_sleeper'), { signal: controller.signal });
    const sleeping = async () =>
      (
        await runSql(
          db.url,
          "select count(*)::int as n from pg_stat_activity where state = 'active' and query like '%tls_sleeper%' and pid <> pg_backend_pid()",
        )
      )[0]?.n;
    await expect.poll(sleeping).toBe(1);
    controller.abort();
    await expect(result).rejects.toMatchObject({ code: 'ABORTED' });
    await expect.poll(sleeping, { timeout: 3000 }).toBe(0);
  });
});
