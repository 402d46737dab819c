/**
 * The SQLite connector: read-only by default, introspection with precise types, health as a value,
 * statement reuse, and the time-zone function the core's SQLite flavour relies on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectorContext, RuntimeSource } from '@vitrina/core';
import Database from 'better-sqlite3';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import connector from './index.js';
import { createLocalTimeFunction } from './local-time-function.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-sqlite-'));
const file = join(dir, 'crm.sqlite');
const seed = new Database(file);
seed.exec(
  "create table deals (id integer primary key, amount real not null, closed_at text, won boolean); insert into deals (amount, closed_at) values (10.5, '2026-03-29 00:30:00'); create view big as select * from deals where amount > 5;",
);
seed.close();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = { debug() {}, info() {}, warn() {} };
const open = (options: Record<string, unknown>) =>
  RuntimeSource.create('crm', connector, connector.create(options as never, connectorContext({ sourceName: 'crm', projectDir: dir, log })));

describe('SQLite connector', () => {
  it('declares itself by the contract', () => {
    expect(connector).toMatchObject({ name: 'sqlite', apiVersion: 1 });
    expect(connector.configSchema).toMatchObject({ required: ['file'] });
  });

  it('is read-only by default: a write fails at the database', async () => {
    const source = open({ file: 'crm.sqlite' });
    const db = (await source.db()) as Kysely<any>;
    await expect(sql`delete from deals`.execute(db)).rejects.toThrow(/readonly/);
    await source.destroy();
  });

  it('introspects tables and views with precise types', async () => {
    const source = open({ file: 'crm.sqlite' });
    const tables = await source.introspect();
    const deals = tables.find((t) => t.name === 'deals');
    expect(deals?.columns.map((c) => [c.name, c.type, c.nullable, c.fidelity])).toEqual([
      ['id', 'integer', true, 'precise'],
      ['amount', 'number', false, 'precise'],
      ['closed_at', 'string', true, 'precise'],
      ['won', 'boolean', true, 'precise'],
    ]);
    expect(tables.find((t) => t.name === 'big')?.kind).toBe('view');
    await source.destroy();
  });

  it('reports health as a value', async () => {
    expect(await open({ file: 'crm.sqlite' }).checkHealth()).toMatchObject({ ok: true });
    expect(await open({ file: 'missing.sqlite' }).checkHealth()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/database file not found/),
    });
  });

  it('reuses prepared statements for repeated queries', async () => {
    const source = open({ file: 'crm.sqlite' });
    const query = { sql: 'select count(*) as n from deals', parameters: [], query: { kind: 'RawNode' } } as unknown as CompiledQuery;
    const prepare = Database.prototype.prepare;
    let prepared = 0;
    Database.prototype.prepare = function (this: Database.Database, text: string) {
      prepared++;
      return prepare.call(this, text);
    } as typeof prepare;
    try {
      for (let i = 0; i < 5; i++) expect(await source.query(query)).toEqual([{ n: 1 }]);
    } finally {
      Database.prototype.prepare = prepare;
    }
    expect(prepared).toBe(1);
    await source.destroy();
  });

  it('changes its version when the file changes, so cached results expire', async () => {
    const writable = open({ file: 'crm.sqlite', readonly: false });
    const before = await writable.version();
    const db = (await writable.db()) as Kysely<any>;
    await sql`insert into deals (amount) values (1)`.execute(db);
    expect(await writable.version()).not.toBe(before);
    await writable.destroy();
  });
});

describe('vitrina_local_time', () => {
  const local = createLocalTimeFunction();
  it('shifts UTC text to the wall clock of a zone', () => {
    expect(local('2026-11-26 22:30:00', 'Europe/Moscow')).toBe('2026-11-27 01:30:00');
  });
  it('follows daylight saving time', () => {
    expect(local('2026-03-29 00:30:00', 'Europe/Berlin')).toBe('2026-03-29 01:30:00');
    expect(local('2026-03-29 01:30:00', 'Europe/Berlin')).toBe('2026-03-29 03:30:00');
    expect(local('2026-10-25 00:30:00', 'Europe/Berlin')).toBe('2026-10-25 02:30:00');
    expect(local('2026-10-25 01:30:00', 'Europe/Berlin')).toBe('2026-10-25 02:30:00');
  });
  it('reads date-only values as midnight UTC and returns null for anything else', () => {
    expect(local('2026-01-01', 'Asia/Tokyo')).toBe('2026-01-01 09:00:00');
    expect(local(null, 'UTC')).toBeNull();
    expect(local('not a date', 'UTC')).toBeNull();
  });
});
