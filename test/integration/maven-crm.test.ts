/**
 * The engine on a real CRM export (Maven Analytics sample, 8,800 deals): every number a report
 * shows equals the same question asked in hand-written SQL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPanelError, openProject, type PanelOutcome, type PanelResult, type Project, scopedViewer } from '@vitrina/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMavenCrm } from '../fixtures/maven-crm.js';

const definition = {
  id: 'maven-sales',
  title: 'MavenTech sales',
  parameters: [
    { id: 'period', type: 'period', default: '2017' },
    { id: 'office', type: 'select', dataset: 'deals', dimension: 'office', multiple: true },
    { id: 'by', type: 'breakdown', options: ['office', 'manager', 'product', 'time:quarter'], default: 'office' },
  ],
  datasets: {
    deals: {
      source: 'crm',
      table: 'sales_pipeline',
      time: { column: 'close_date', type: 'date' },
      joins: [
        { table: 'sales_teams', as: 't', on: { sales_agent: 'sales_agent' } },
        { table: 'accounts', as: 'a', on: { account: 'account' } },
      ],
      dimensions: {
        office: { column: 't.regional_office' },
        manager: { column: 't.manager' },
        agent: { column: 'sales_agent' },
        product: {},
        sector: { column: 'a.sector' },
      },
      measures: {
        closed: { agg: 'count' },
        won: { agg: 'count', where: { deal_stage: 'Won' } },
        revenue: { agg: 'sum', column: 'close_value', where: { deal_stage: 'Won' } },
        avg_won: { agg: 'avg', column: 'close_value', where: { deal_stage: 'Won' } },
        accounts: { agg: 'count_distinct', column: 'account' },
        win_rate: { expr: 'won / closed' },
      },
      rowScope: { 't.manager': '$user.manager' },
    },
    engaged: {
      source: 'crm',
      sql: 'select opportunity_id, engage_date, :today as today from sales_pipeline where engage_date >= :period_start and engage_date < :period_end',
      dimensions: { today: {} },
      measures: { engaged: { agg: 'count' } },
    },
  },
  panels: [
    { id: 'revenue', type: 'kpi', dataset: 'deals', measure: 'revenue', compare: 'previous_period' },
    {
      id: 'by',
      type: 'bar',
      dataset: 'deals',
      dimensions: ['$by'],
      measures: ['won', 'revenue', 'win_rate'],
      filters: { office: '$office' },
    },
    { id: 'top_agents', type: 'table', dataset: 'deals', dimensions: ['agent'], measures: ['revenue'], limit: 5, other: true },
    { id: 'sectors', type: 'pivot', dataset: 'deals', dimensions: ['sector'], columns: ['office'], measures: ['won'] },
    { id: 'no_account', type: 'kpi', dataset: 'deals', measure: 'closed', filters: { account: { null: true } } },
    { id: 'engaged', type: 'table', dataset: 'engaged', dimensions: ['today'], measures: ['engaged'] },
  ],
};

let dir: string;
let db: Database.Database;
let project: Project;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-maven-'));
  loadMavenCrm(join(dir, 'crm.sqlite'));
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({
      plugins: ['@vitrina/plugin-sqlite'],
      sources: { crm: { plugin: 'sqlite', file: 'crm.sqlite' } },
      definitions: 'defs',
    }),
  );
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'defs'));
  writeFileSync(join(dir, 'defs', 'maven.json'), JSON.stringify(definition));
  project = await openProject({
    configPath: join(dir, 'vitrina.config.json'),
    resolveFrom: [join(import.meta.dirname, '..', '..', 'cli')],
  });
  db = new Database(join(dir, 'crm.sqlite'), { readonly: true });
});

afterAll(async () => {
  db?.close();
  await project?.close();
});

function ok(outcome: PanelOutcome | undefined): PanelResult {
  if (!outcome || isPanelError(outcome)) throw new Error(`panel failed: ${JSON.stringify(outcome)}`);
  return outcome;
}

const JOIN = 'from sales_pipeline p left join sales_teams t on p.sales_agent = t.sales_agent left join accounts a on p.account = a.account';

describe('Maven CRM through the engine', () => {
  it('loads the definition without problems', () => {
    expect(project.definitions.problems.map((p) => p.format())).toEqual([]);
    expect(project.problems).toEqual([]);
  });

  it('revenue of 2017 and its comparison with 2016 match SQL', async () => {
    const out = await project.engine.render('maven-sales');
    const kpi = ok(out.panels[0]);
    const sum = (from: string, to: string) =>
      (
        db
          .prepare(
            `select coalesce(sum(close_value), 0) as v from sales_pipeline where deal_stage = 'Won' and close_date >= ? and close_date < ?`,
          )
          .get(from, to) as { v: number }
      ).v;
    const now = sum('2017-01-01', '2018-01-01');
    const before = sum('2016-01-01', '2017-01-01');
    expect(kpi.rows[0]?.slice(0, 3)).toEqual([now, before, now - before]);
    expect(now).toBeGreaterThan(0);
  });

  it('breakdown by office with an office filter matches SQL', async () => {
    const out = await project.engine.render('maven-sales', { parameters: { period: '2017-Q2', office: ['East', 'West'] } });
    const panel = ok(out.panels[1]);
    const expected = db
      .prepare(
        `select t.regional_office as office, count(case when deal_stage = 'Won' then 1 end) as won, coalesce(sum(case when deal_stage = 'Won' then close_value end), 0) as revenue, cast(count(case when deal_stage = 'Won' then 1 end) as real) / count(*) as win_rate ${JOIN} where close_date >= '2017-04-01' and close_date < '2017-07-01' and t.regional_office in ('East', 'West') group by 1 order by 2 desc, 1`,
      )
      .raw()
      .all();
    expect(panel.columns.map((c) => c.name)).toEqual(['office', 'won', 'revenue', 'win_rate']);
    expect(panel.rows).toEqual(expected);
  });

  it('breakdown by quarter groups the date column', async () => {
    const out = await project.engine.render('maven-sales', { parameters: { by: 'time:quarter' } });
    const panel = ok(out.panels[1]);
    expect(panel.rows.map((r) => r[0])).toEqual(['2017-01-01', '2017-04-01', '2017-07-01', '2017-10-01']);
    const q3 = db
      .prepare(`select count(*) as n from sales_pipeline where deal_stage = 'Won' and close_date between '2017-07-01' and '2017-09-30'`)
      .get() as { n: number };
    expect(panel.rows[2]?.[1]).toBe(q3.n);
  });

  it('top 5 agents plus an "Other" row add up to the total', async () => {
    const out = await project.engine.render('maven-sales');
    const panel = ok(out.panels[2]);
    expect(panel.otherRow).toBe(true);
    expect(panel.rows).toHaveLength(6);
    const total = (
      db.prepare(`select sum(close_value) as v from sales_pipeline where deal_stage = 'Won' and close_date like '2017%'`).get() as {
        v: number;
      }
    ).v;
    expect(panel.rows.reduce((s, r) => s + (r[1] as number), 0)).toBeCloseTo(total, 6);
    const top = db
      .prepare(
        `select sales_agent, sum(close_value) from sales_pipeline where deal_stage = 'Won' and close_date like '2017%' group by 1 order by 2 desc, 1 limit 5`,
      )
      .raw()
      .all();
    expect(panel.rows.slice(0, 5)).toEqual(top);
  });

  it('pivot puts offices across and sectors down, with NULL sectors for deals without an account', async () => {
    const out = await project.engine.render('maven-sales');
    const panel = ok(out.panels[3]);
    expect(panel.columns.map((c) => c.name)).toEqual(['sector', 'Central', 'East', 'West']);
    const retail = panel.rows.find((r) => r[0] === 'retail') as unknown[];
    const west = db
      .prepare(
        `select count(*) as n ${JOIN} where deal_stage = 'Won' and close_date like '2017%' and a.sector = 'retail' and t.regional_office = 'West'`,
      )
      .get() as { n: number };
    expect(retail[3]).toBe(west.n);
  });

  it('a null-check filter counts deals without an account', async () => {
    const out = await project.engine.render('maven-sales', { parameters: { period: '2016-01-01..2017-12-31' } });
    const panel = ok(out.panels[4]);
    const n = db
      .prepare(
        `select count(*) as n from sales_pipeline where account is null and close_date >= '2016-01-01' and close_date < '2018-01-01'`,
      )
      .get() as { n: number };
    expect(panel.rows[0]?.[0]).toBe(n.n);
  });

  it('a SQL dataset binds the period as :period_start / :period_end and the local date as :today', async () => {
    const out = await project.engine.render('maven-sales', { parameters: { period: '2017-05' }, now: new Date('2026-11-26T22:30:00Z') });
    const n = db
      .prepare(`select count(*) as n from sales_pipeline where engage_date >= '2017-05-01' and engage_date < '2017-06-01'`)
      .get() as { n: number };
    expect(ok(out.panels[5]).rows).toEqual([['2026-11-26', n.n]]);
  });

  it("a manager sees only his team's deals, whatever filter he asks for", async () => {
    const viewer = scopedViewer({ manager: 'Dustin Brinkmann' });
    const out = await project.engine.render('maven-sales', { parameters: { by: 'manager', office: ['East', 'West', 'Central'] }, viewer });
    const panel = ok(out.panels[1]);
    expect(panel.rows.map((r) => r[0])).toEqual(['Dustin Brinkmann']);
    const won = db
      .prepare(`select count(*) as n ${JOIN} where deal_stage = 'Won' and close_date like '2017%' and t.manager = 'Dustin Brinkmann'`)
      .get() as { n: number };
    expect(panel.rows[0]?.[1]).toBe(won.n);
  });

  it('a scoped viewer without the scope attribute sees nothing', async () => {
    const out = await project.engine.render('maven-sales', { viewer: scopedViewer({ region: 'East' }) });
    expect(ok(out.panels[1]).rows).toEqual([]);
  });

  it('select options come from the data, within the scope', async () => {
    expect(await project.engine.parameterOptions('maven-sales', 'office')).toEqual(['Central', 'East', 'West']);
    expect(await project.engine.parameterOptions('maven-sales', 'office', { viewer: scopedViewer({ manager: 'Summer Sewald' }) })).toEqual([
      'West',
    ]);
  });
});
