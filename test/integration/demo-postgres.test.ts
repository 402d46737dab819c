/**
 * The demo on PostgreSQL (`vitrina demo --postgres`): the loader copies the SQLite demo into a
 * `vitrina_demo` schema with native types, and every report of the shipped pack gives the same
 * numbers there as on the SQLite file it came from, for everyone and for a scoped manager.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPanelError, openProject, type Project, type ReportOutput, scopedViewer, type Viewer } from '@vitrina/core';
import { loadSchemaWithCopy } from '@vitrina/plugin-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PG_URL_VARIABLE, maskPassword } from '../../cli/src/commands/demo-command.js';
import { generateDemoCrm } from '../../cli/src/demo/generate-demo-crm.js';
import { loadDemoIntoPostgres } from '../../cli/src/demo/load-demo-into-postgres.js';
import { runCli } from '../../cli/src/program.js';
import { createTestDatabase, runSql, type TestDatabase } from '../support/postgres-cluster.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
type Panel = ReportOutput['panels'][number];
const NOW = new Date('2026-11-26T12:00:00Z');
// The reports on the CRM alone (activity-vs-plan reads the call log and the plan CSV instead).
const REPORTS = readdirSync(join(REPO, 'report-definitions'))
  .filter((n) => n.endsWith('.json'))
  .filter((n) => {
    const def = JSON.parse(readFileSync(join(REPO, 'report-definitions', n), 'utf8')) as { datasets: Record<string, { source: string }> };
    return Object.values(def.datasets).every((d) => d.source === 'crm');
  })
  .map((n) => n.replace(/\.json$/, ''));
const VIEWERS: { name: string; viewer?: Viewer }[] = [{ name: 'everyone' }, { name: 'manager 3', viewer: scopedViewer({ manager_id: 3 }) }];

let dir: string;
let database: TestDatabase;
let onSqlite: Project;
let onPostgres: Project;

function writeProject(name: string, source: Record<string, unknown>, plugin: string): string {
  const project = join(dir, name);
  mkdirSync(join(project, 'report-definitions'), { recursive: true });
  for (const report of REPORTS)
    copyFileSync(join(REPO, 'report-definitions', `${report}.json`), join(project, 'report-definitions', `${report}.json`));
  const config = {
    plugins: [plugin],
    sources: { crm: source },
    definitions: 'report-definitions',
    timezone: 'Europe/Moscow',
    locale: 'ru',
    currency: 'RUB',
  };
  writeFileSync(join(project, 'vitrina.config.json'), JSON.stringify(config));
  return join(project, 'vitrina.config.json');
}

async function open(configPath: string): Promise<Project> {
  const project = await openProject({ configPath, resolveFrom: [join(REPO, 'cli')] });
  expect([...project.problems, ...project.definitions.problems].map((p) => p.message)).toEqual([]);
  return project;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-demo-postgres-'));
  const file = join(dir, 'crm.sqlite');
  await generateDemoCrm({ file, scale: 'small', seed: 7, today: '2026-11-26' });
  database = await createTestDatabase('demo_postgres');
  await loadDemoIntoPostgres({ file, url: database.url });
  process.env[DEMO_PG_URL_VARIABLE] = database.url;
  onSqlite = await open(writeProject('sqlite', { plugin: 'sqlite', file }, '@vitrina/plugin-sqlite'));
  onPostgres = await open(
    writeProject(
      'postgres',
      { plugin: 'postgres', url: { env: DEMO_PG_URL_VARIABLE }, schema: 'vitrina_demo' },
      '@vitrina/plugin-postgres',
    ),
  );
});

afterAll(async () => {
  await onSqlite?.close();
  await onPostgres?.close();
  await database?.drop();
  delete process.env[DEMO_PG_URL_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Numbers equal to 6 significant digits: SQLite sums doubles and computes durations from julianday
 * doubles (about 1e-9 relative noise, amplified by deltas), PostgreSQL sums exact numerics and
 * subtracts timestamps exactly. Everything else exactly.
 */
function expectSameRows(where: string, actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length, `${where}: row count`).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length, `${where} row ${r}`).toBe(expected[r]?.length);
    row.forEach((value, c) => {
      const want = expected[r]?.[c];
      const at = `${where} row ${r} column ${c}`;
      if (typeof want === 'number' && typeof value === 'number') {
        const scale = Math.max(1, Math.abs(want));
        expect(value / scale, at).toBeCloseTo(want / scale, 6);
      } else expect(value, at).toEqual(want);
    });
  });
}

function expectSamePanel(where: string, actual: Panel, expected: Panel): void {
  if (isPanelError(actual)) throw new Error(`${where} on PostgreSQL: ${actual.error.message}`);
  if (isPanelError(expected)) throw new Error(`${where} on SQLite: ${expected.error.message}`);
  expect(actual.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
  expectSameRows(where, actual.rows, expected.rows);
  if (expected.series || actual.series) expectSameRows(`${where} series`, actual.series?.rows ?? [], expected.series?.rows ?? []);
}

describe('the demo loaded into PostgreSQL', () => {
  it('has every table and row of the SQLite demo, with native types', async () => {
    const counts = await runSql(
      database.url,
      "select relname as t, n_live_tup::int as n from pg_stat_user_tables where schemaname = 'vitrina_demo' order by 1",
    );
    expect(counts.length).toBe(11);
    const types = await runSql(
      database.url,
      "select column_name as c, data_type as t from information_schema.columns where table_schema = 'vitrina_demo' and table_name = 'deals'",
    );
    const byColumn = Object.fromEntries(types.map((r) => [r.c, r.t]));
    expect(byColumn).toMatchObject({ amount: 'numeric', created_at: 'timestamp with time zone', id: 'integer', stage: 'text' });
    const [plans] = await runSql(database.url, 'select pg_typeof(month)::text as t from vitrina_demo.plans limit 1');
    expect(plans?.t).toBe('date');
    const leftovers = await runSql(database.url, "select nspname from pg_namespace where nspname like 'vitrina_demo_tmp_%'");
    expect(leftovers).toEqual([]);
  });

  describe.each(VIEWERS)('for $name', ({ viewer }) => {
    it.each(REPORTS)('%s renders the same panels as on SQLite', async (report) => {
      const [pg, lite] = await Promise.all([
        onPostgres.engine.render(report, { viewer, now: NOW }),
        onSqlite.engine.render(report, { viewer, now: NOW }),
      ]);
      expect(pg.panels.map((p) => p.id)).toEqual(lite.panels.map((p) => p.id));
      pg.panels.forEach((panel, i) => {
        expectSamePanel(`${report}/${panel.id}`, panel, lite.panels[i] as Panel);
      });
    });
  });
});

describe('a failed load', () => {
  it('drops its temporary schema and leaves the schema readers use untouched', async () => {
    const before = await runSql(database.url, 'select count(*)::int as n from vitrina_demo.deals');
    function* failing() {
      yield [1, 'ok'];
      throw new Error('the source broke mid-table');
    }
    const load = loadSchemaWithCopy({
      url: database.url,
      schema: 'vitrina_demo',
      tables: [
        { name: 'deals', createSql: 'CREATE TABLE deals (id integer, stage text)', columns: ['id', 'stage'], rows: failing(), total: 2 },
      ],
    });
    await expect(load).rejects.toThrow('the source broke mid-table');
    expect(await runSql(database.url, 'select count(*)::int as n from vitrina_demo.deals')).toEqual(before);
    const schemas = await runSql(database.url, "select nspname from pg_namespace where nspname like 'vitrina_demo%' order by 1");
    expect(schemas).toEqual([{ nspname: 'vitrina_demo' }]);
  });
});

describe('vitrina demo --postgres', () => {
  it('prints the URL with its password masked', () => {
    expect(maskPassword('postgres://crm:s3cr%40t@db.local:5432/crm?sslmode=require')).toBe(
      'postgres://crm:****@db.local:5432/crm?sslmode=require',
    );
    expect(maskPassword('postgres://crm@db.local/crm')).toBe('postgres://crm@db.local/crm');
  });

  it('loads the demo, replaces the schema atomically, writes a postgres config and renders the overview there', async () => {
    const project = join(dir, 'cli-demo');
    // --no-serve: without it the demo goes on serving the dashboards until stopped.
    const code = await runCli(['demo', '--dir', project, '--seed', '7', '--today', '2026-11-26', '--postgres', database.url, '--no-serve']);
    expect(code).toBe(0);
    const config = JSON.parse(readFileSync(join(project, 'vitrina.config.json'), 'utf8'));
    expect(config.plugins).toEqual(['@vitrina/plugin-postgres', '@vitrina/plugin-telephony', '@vitrina/plugin-csv']);
    expect(config.sources.crm).toEqual({ plugin: 'postgres', url: { env: DEMO_PG_URL_VARIABLE }, schema: 'vitrina_demo' });
    const schemas = await runSql(database.url, "select nspname from pg_namespace where nspname like 'vitrina_demo%' order by 1");
    expect(schemas).toEqual([{ nspname: 'vitrina_demo' }]);
    // The demo set the URL variable for this process, so the written config opens and renders on PostgreSQL.
    const opened = await openProject({ configPath: join(project, 'vitrina.config.json'), resolveFrom: [join(REPO, 'cli')] });
    try {
      const overview = await opened.engine.render('executive-overview', { now: new Date('2026-11-26T12:00:00Z') });
      expect(overview.panels.filter(isPanelError)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
