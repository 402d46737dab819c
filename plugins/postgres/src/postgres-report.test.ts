/**
 * End to end through the engine: a project whose CRM source is PostgreSQL renders a report whose
 * numbers equal hand-written SQL: months in the reporting time zone (Europe/Moscow), a filtered
 * count, a sum and an expression, with the URL and the password taken from environment variables.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPanelError, openProject, type PanelOutcome, type Project } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runSql, type TestDatabase } from '../../../test/support/postgres-cluster.js';

const PLUGIN = join(import.meta.dirname, 'index.ts');

let db: TestDatabase;
let dir: string;
let project: Project;

function writeProject(sources: Record<string, unknown>): string {
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({ plugins: [PLUGIN], timezone: 'Europe/Moscow', sources, cache: { ttlSeconds: 0 } }),
  );
  return join(dir, 'vitrina.config.json');
}

beforeAll(async () => {
  db = await createTestDatabase('pg_report');
  // The database's own default zone is not UTC: the connector must not depend on it.
  await runSql(db.url, `alter database ${db.name} set timezone = 'America/New_York'`);
  await runSql(
    db.url,
    `create schema crm;
     create table crm.deals (id serial primary key, region text not null, stage text not null, amount numeric(12,2), closed_at timestamptz not null, logged_at timestamp);
     insert into crm.deals (region, stage, amount, closed_at) values
       ('north', 'won',  100.10, '2025-12-31 20:30:00+00'),  -- 23:30 in Moscow: December, outside the period
       ('north', 'won',  200.20, '2025-12-31 21:30:00+00'),  -- 00:30 on 1 January in Moscow
       ('south', 'lost',  50.00, '2026-01-15 12:00:00+00'),
       ('south', 'won',  300.30, '2026-01-31 21:30:00+00'),  -- 00:30 on 1 February in Moscow
       ('north', 'lost', null,   '2026-02-10 09:00:00+00'),
       ('west',  'won',  400.40, '2026-03-31 20:59:59+00'),  -- 23:59:59 on 31 March in Moscow
       ('west',  'won',  999.99, '2026-03-31 21:00:00+00');  -- 1 April in Moscow: outside
     update crm.deals set logged_at = closed_at at time zone 'UTC';`,
  );
  dir = mkdtempSync(join(tmpdir(), 'vitrina-pg-report-'));
  mkdirSync(join(dir, 'report-definitions'));
  const dataset = (time: string) => ({
    source: 'crm',
    table: 'deals',
    time,
    dimensions: { region: {}, stage: {} },
    measures: {
      deals: { agg: 'count' },
      won: { agg: 'count', where: { stage: 'won' } },
      amount: { agg: 'sum', column: 'amount' },
      avg_won: { expr: 'amount / won' },
    },
  });
  writeFileSync(
    join(dir, 'report-definitions', 'deals.json'),
    JSON.stringify({
      id: 'deals',
      title: 'Deals',
      parameters: [{ id: 'period', type: 'period', default: '2026-01-01..2026-03-31' }],
      datasets: { deals: dataset('closed_at'), logged: dataset('logged_at') },
      panels: [
        { id: 'by_month', type: 'table', dataset: 'deals', dimensions: ['time:month'], measures: ['deals', 'won', 'amount', 'avg_won'] },
        { id: 'logged_by_month', type: 'table', dataset: 'logged', dimensions: ['time:month'], measures: ['deals', 'won', 'amount'] },
        { id: 'by_region', type: 'table', dataset: 'deals', dimensions: ['region'], measures: ['deals', 'amount'] },
      ],
    }),
  );
  const url = new URL(db.url);
  const configPath = writeProject({
    crm: { plugin: 'postgres', url: { env: 'CRM_PG_URL' }, schema: 'crm' },
    // The same database by fields: only the password comes from the environment.
    crm_fields: {
      plugin: 'postgres',
      host: url.hostname,
      port: Number(url.port),
      database: db.name,
      user: 'postgres',
      password: { env: 'CRM_PG_PASSWORD' },
      schema: 'crm',
    },
  });
  project = await openProject({ configPath, env: { CRM_PG_URL: db.url, CRM_PG_PASSWORD: decodeURIComponent(url.password) } });
  expect([...project.problems, ...project.definitions.problems]).toEqual([]);
});

afterAll(async () => {
  await project?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

function rowsOf(outcome: PanelOutcome | undefined): unknown[][] {
  if (!outcome || isPanelError(outcome)) throw new Error(`panel failed: ${JSON.stringify(outcome)}`);
  return [...outcome.rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** The same numbers, written by hand. */
const MONTHS_SQL = `
  select to_char(date_trunc('month', closed_at at time zone 'Europe/Moscow'), 'YYYY-MM-DD') as month,
         count(*)::int as deals, (count(*) filter (where stage = 'won'))::int as won, sum(amount)::float8 as amount
  from crm.deals
  where closed_at >= timestamptz '2026-01-01 00:00:00 Europe/Moscow' and closed_at < timestamptz '2026-04-01 00:00:00 Europe/Moscow'
  group by 1 order by 1`;

describe('a report on PostgreSQL', () => {
  it('both sources are healthy', async () => {
    for (const name of ['crm', 'crm_fields']) expect(await project.sources.get(name)?.checkHealth()).toMatchObject({ ok: true });
  });

  it('buckets months in the reporting time zone and matches hand-written SQL', async () => {
    const expected = (await runSql(db.url, MONTHS_SQL)).map((r) => [
      r.month,
      r.deals,
      r.won,
      r.amount,
      (r.amount as number) / (r.won as number),
    ]);
    expect(expected.map((r) => r[0])).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    const out = await project.engine.render('deals');
    const rows = rowsOf(out.panels[0]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected.map((r) => r.slice(0, 3)));
    rows.forEach((row, i) => {
      expect(row[3]).toBeCloseTo(expected[i]?.[3] as number, 6);
      expect(row[4]).toBeCloseTo(expected[i]?.[4] as number, 6);
    });
  });

  it('reads a timestamp without time zone as UTC, whatever the server zone', async () => {
    const out = await project.engine.render('deals');
    expect(rowsOf(out.panels[1])).toEqual(rowsOf(out.panels[0]).map((r) => r.slice(0, 4)));
  });

  it('returns counts and sums as numbers', async () => {
    const out = await project.engine.render('deals');
    expect(rowsOf(out.panels[2])).toEqual([
      ['north', 2, 200.2],
      ['south', 2, 350.3],
      ['west', 1, 400.4],
    ]);
  });

  it('the source configured by fields gives the same answer', async () => {
    const [by] = (await project.sources.get('crm_fields')?.query({ sql: MONTHS_SQL, parameters: [] } as never)) ?? [];
    expect(by).toMatchObject({ month: '2026-01-01', deals: 2, won: 1 });
  });

  it('a source with neither a URL nor a database is a config problem that says what to give', async () => {
    const broken = await openProject({ configPath: writeProject({ crm: { plugin: 'postgres', host: 'db.example' } }), env: {} });
    try {
      expect(broken.problems.map((p) => p.format())).toEqual([
        expect.stringMatching(/\/sources\/crm: source 'crm'.*give "url".*or "database"/),
      ]);
    } finally {
      await broken.close();
    }
  });

  it('refuses a password written in the config, naming the option', async () => {
    const configPath = writeProject({ crm: { plugin: 'postgres', database: db.name, user: 'postgres', password: 'literal' } });
    const broken = await openProject({ configPath, env: {} });
    try {
      expect(broken.problems.map((p) => p.message)).toEqual([expect.stringMatching(/source 'crm'.*'password' is a secret/)]);
      expect(await broken.sources.get('crm')?.checkHealth()).toMatchObject({ ok: false });
    } finally {
      await broken.close();
    }
  });
});
