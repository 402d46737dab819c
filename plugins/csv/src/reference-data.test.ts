/**
 * The real Maven Analytics CRM sample (shared/reference-data/crm-maven): every CSV loads as its own
 * table, with row counts and aggregates checked against figures computed here with csv-parse,
 * independently of the connector's code path (sampling, typing, DuckDB's reader).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvProject } from './test-support/csv-project.js';

/** `shared/` sits beside the checkout (as in CI); VITRINA_REFERENCE_DATA points elsewhere. */
const MAVEN_DIR = join(
  process.env.VITRINA_REFERENCE_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference-data'),
  'crm-maven',
);
const project = new CsvProject(MAVEN_DIR);
afterAll(() => project.remove());

const records = (file: string) => parse(readFileSync(join(MAVEN_DIR, file)), { columns: true }) as Record<string, string>[];
const sum = (rows: Record<string, string>[], column: string) => rows.reduce((s, r) => s + (r[column] ? Number(r[column]) : 0), 0);

describe('CSV connector: the Maven CRM reference files', () => {
  const files = readdirSync(MAVEN_DIR).filter((f) => f.endsWith('.csv'));

  it('finds the four reference files', () => {
    expect(files.sort()).toEqual(['accounts.csv', 'products.csv', 'sales_pipeline.csv', 'sales_teams.csv']);
  });

  it.each(files)('%s loads with as many rows as its data lines', async (file) => {
    const table = file.replace('.csv', '');
    const lines =
      readFileSync(join(MAVEN_DIR, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '').length - 1;
    const { outcome, rows } = await project.load({ path: file }, 'full', `select count(*) as n from ${table}`, table);
    expect(outcome).toMatchObject({ status: 'loaded', rows: lines });
    expect(rows).toEqual([{ n: lines }]);
  });

  it('sales_pipeline: typed columns, won deals and their value, open deals without a close date', async () => {
    const expected = records('sales_pipeline.csv');
    const won = expected.filter((r) => r.deal_stage === 'Won');
    const [table] = await project.source({ path: 'sales_pipeline.csv' }, 'sales_pipeline').introspect({});
    expect(table?.columns.map((c) => [c.name, c.type, c.fidelity])).toEqual([
      ['opportunity_id', 'string', 'inferred'],
      ['sales_agent', 'string', 'inferred'],
      ['product', 'string', 'inferred'],
      ['account', 'string', 'inferred'],
      ['deal_stage', 'string', 'inferred'],
      ['engage_date', 'date', 'inferred'],
      ['close_date', 'date', 'inferred'],
      ['close_value', 'integer', 'inferred'],
    ]);
    const query = `select count(*) filter (where deal_stage = 'Won') as won, sum(close_value) filter (where deal_stage = 'Won') as won_value,
      count(*) filter (where close_date is null) as open, count(distinct sales_agent) as agents,
      min(engage_date) as first_engaged, max(close_date) as last_closed from sales_pipeline`;
    const { rows } = await project.load({ path: 'sales_pipeline.csv' }, 'full', query, 'sales_pipeline');
    expect(rows).toEqual([
      {
        won: won.length,
        won_value: sum(won, 'close_value'),
        open: expected.filter((r) => r.close_date === '').length,
        agents: new Set(expected.map((r) => r.sales_agent)).size,
        first_engaged: expected
          .map((r) => r.engage_date)
          .filter(Boolean)
          .sort()[0],
        last_closed: expected
          .map((r) => r.close_date)
          .filter(Boolean)
          .sort()
          .at(-1),
      },
    ]);
  });

  it('accounts: revenue with decimals, employees, and empty subsidiary_of as NULL', async () => {
    const expected = records('accounts.csv');
    const query =
      'select round(sum(revenue), 2) as revenue, sum(employees) as employees, count(subsidiary_of) as subsidiaries from accounts';
    const { rows } = await project.load({ path: 'accounts.csv' }, 'full', query, 'accounts');
    expect(rows).toEqual([
      {
        revenue: Math.round(sum(expected, 'revenue') * 100) / 100,
        employees: sum(expected, 'employees'),
        subsidiaries: expected.filter((r) => r.subsidiary_of !== '').length,
      },
    ]);
  });

  it('sales_teams and products: managers per office, total list price', async () => {
    const teams = records('sales_teams.csv');
    const { rows } = await project.load(
      { path: 'sales_teams.csv' },
      'full',
      'select regional_office, count(distinct manager) as managers from sales_teams group by 1 order by 1',
      'sales_teams',
    );
    const offices = [...new Set(teams.map((t) => t.regional_office))].sort();
    expect(rows).toEqual(
      offices.map((o) => ({
        regional_office: o,
        managers: new Set(teams.filter((t) => t.regional_office === o).map((t) => t.manager)).size,
      })),
    );
    const products = records('products.csv');
    const priced = await project.load({ path: 'products.csv' }, 'full', 'select sum(sales_price) as total from products', 'products');
    expect(priced.rows).toEqual([{ total: sum(products, 'sales_price') }]);
  });
});
