/**
 * What the compiler writes, per SQL flavour: identifiers quoted from the definition, every value
 * bound, time buckets in the reporting zone, decimal division that gives null for a zero divisor.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { scopedViewer, UNRESTRICTED_VIEWER } from '../access/viewer.js';
import type { ReportDefinition } from '../definition/report-definition.js';
import { compileQuery } from './compile-query.js';
import { resolvePeriod } from './period.js';
import { planPanel } from './plan-panel.js';
import { flavorRules } from './sql-flavor.js';

// Compiling needs a dialect's adapter and compiler only; the dummy driver never connects.
const sqliteDb = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});
const postgresDb = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const def: ReportDefinition = {
  id: 'calls',
  title: 'Calls',
  parameters: [
    { id: 'period', type: 'period' },
    { id: 'dept', type: 'select', dataset: 'calls', dimension: 'department', multiple: true },
  ],
  datasets: {
    calls: {
      source: 'pbx',
      table: 'calls',
      time: 'started_at',
      joins: [{ table: 'managers', as: 'm', on: { manager_id: 'id' } }],
      dimensions: { department: { column: 'm.department' } },
      measures: {
        calls: { agg: 'count' },
        answered: { agg: 'count', where: { disposition: 'answered' } },
        rate: { expr: 'answered / calls' },
      },
      rowScope: { manager_id: '$user.manager_id' },
    },
  },
  panels: [
    {
      id: 'by_day',
      type: 'line',
      dataset: 'calls',
      dimensions: ['time:day'],
      measures: ['calls', 'rate'],
      filters: { department: '$dept' },
    },
  ],
};

const moscow = { timezone: 'Europe/Moscow', weekStart: 'monday' as const };
const period = resolvePeriod('2026-11', { timezone: 'Europe/Moscow', now: new Date('2026-11-26T12:00:00Z') });
const params = { period, dept: ["Sales' OR 1=1 --", 'Retail'] };

function compile(db: Kysely<unknown>, flavor: 'sqlite' | 'postgres', viewer = UNRESTRICTED_VIEWER) {
  // biome-ignore lint/style/noNonNullAssertion: the definition above has this panel
  const plan = planPanel({ def, params, viewer, today: '2026-11-26' }, def.panels[0]!);
  return compileQuery(db as Kysely<any>, plan, flavorRules(flavor), moscow);
}

describe('compiled SQL', () => {
  it('SQLite: UTC text timestamps bucketed through vitrina_local_time, values bound', () => {
    const q = compile(sqliteDb, 'sqlite', scopedViewer({ manager_id: 7 }));
    expect(q.sql).toBe(
      'select date(vitrina_local_time("base"."started_at", ?)) as "d0", count(*) as "m0", ' +
        '(cast(count(case when "base"."disposition" = ? then 1 end) as real) / nullif(count(*), 0)) as "m1" ' +
        'from "calls" as "base" left join "managers" as "m" on "base"."manager_id" = "m"."id" ' +
        'where "m"."department" in (?, ?) and "base"."manager_id" = ? and "base"."started_at" >= ? and "base"."started_at" < ? ' +
        'group by 1 order by "d0" asc nulls last',
    );
    expect(q.parameters).toEqual([
      'Europe/Moscow',
      'answered',
      "Sales' OR 1=1 --",
      'Retail',
      7,
      '2026-10-31 21:00:00',
      '2026-11-30 21:00:00',
    ]);
  });

  it('PostgreSQL: date_trunc at the time zone, numbered placeholders', () => {
    const q = compile(postgresDb, 'postgres');
    expect(q.sql).toContain(
      `to_char(date_trunc('day', (cast("base"."started_at" as timestamptz) at time zone 'Europe/Moscow')), 'YYYY-MM-DD') as "d0"`,
    );
    expect(q.sql).toContain(
      '(cast(count(case when "base"."disposition" = $1 then 1 end) as double precision) / nullif(count(*), 0)) as "m1"',
    );
    expect(q.sql).toContain('where "m"."department" in ($2, $3) and "base"."started_at" >= $4 and "base"."started_at" < $5');
    expect(q.parameters.slice(0, 5)).toEqual([
      'answered',
      "Sales' OR 1=1 --",
      'Retail',
      '2026-10-31T21:00:00.000Z',
      '2026-11-30T21:00:00.000Z',
    ]);
  });

  it('a scoped viewer without the scope attribute gets a query that returns nothing', () => {
    expect(compile(sqliteDb, 'sqlite', scopedViewer({ region: 'North' })).sql).toContain(' and 1 = 0 ');
  });

  it('an unrestricted viewer gets no scope condition', () => {
    expect(compile(sqliteDb, 'sqlite').sql).not.toContain('"base"."manager_id" = ?');
  });
});

describe('computed columns are written in each database’s own SQL', () => {
  const complaints: ReportDefinition = {
    id: 'complaints',
    title: 'Complaints',
    datasets: {
      complaints: {
        source: 'crm',
        table: 'complaints',
        columns: { hours: { duration: { from: 'created_at', to: 'resolved_at', unit: 'hour' } }, idle: { daysSince: 'last_contact_on' } },
        filters: { idle: { gte: 30 } },
        measures: { hours: { agg: 'avg', column: 'hours' } },
      },
    },
    panels: [{ id: 'p', type: 'kpi', dataset: 'complaints', measure: 'hours' }],
  };
  const planFor = () =>
    // biome-ignore lint/style/noNonNullAssertion: the definition above has this panel
    planPanel({ def: complaints, params: {}, viewer: UNRESTRICTED_VIEWER, today: '2026-11-26' }, complaints.panels[0]!);

  it('SQLite: julianday arithmetic, today bound', () => {
    const q = compileQuery(sqliteDb as Kysely<any>, planFor(), flavorRules('sqlite'), moscow);
    expect(q.sql).toBe(
      'select avg((((julianday("base"."resolved_at") - julianday("base"."created_at")) * 86400.0) / 3600)) as "m0" from "complaints" as "base" ' +
        'where cast(julianday(?) - julianday(date("base"."last_contact_on")) as integer) >= ?',
    );
    expect(q.parameters).toEqual(['2026-11-26', 30]);
  });

  it('PostgreSQL: epoch of an interval, date subtraction', () => {
    const q = compileQuery(postgresDb as Kysely<any>, planFor(), flavorRules('postgres'), moscow);
    expect(q.sql).toContain(
      'avg((extract(epoch from (cast("base"."resolved_at" as timestamptz) - cast("base"."created_at" as timestamptz))) / 3600))',
    );
    expect(q.sql).toContain('where (cast($1 as date) - cast("base"."last_contact_on" as date)) >= $2');
  });
});
