/** @module Report definitions of the suite over engine features: periods, comparisons, shapes, scope, SQL, errors, cancellation. */
import { BERLIN_DST } from './expected-answers.js';
import { SALES_DIMENSIONS, salesDataset } from './reports-data.js';

const withPeople = (extra: Record<string, unknown> = {}) =>
  salesDataset({
    joins: [{ table: 'people', as: 'p', on: { manager_id: 'id' } }],
    dimensions: { ...SALES_DIMENSIONS, manager: { column: 'p.name' }, team: { column: 'p.team' } },
    ...extra,
  });

export const periodsReport = {
  id: 'conf-periods',
  title: 'Periods and comparisons',
  parameters: [{ id: 'period', type: 'period', default: '2026-Q1' }],
  datasets: {
    sales: salesDataset(),
    by_date: salesDataset({ time: { column: 'sold_on', type: 'date' } }),
  },
  panels: [
    { id: 'rows', type: 'kpi', dataset: 'sales', measure: 'rows' },
    { id: 'rows_by_date', type: 'kpi', dataset: 'by_date', measure: 'rows' },
    { id: 'dst_rows', type: 'kpi', dataset: 'sales', measure: 'rows', filters: { id: { between: [...BERLIN_DST.ids] } } },
    { id: 'revenue_pp', type: 'kpi', dataset: 'sales', measure: 'revenue', compare: 'previous_period' },
    { id: 'revenue_py', type: 'kpi', dataset: 'sales', measure: 'revenue', compare: 'previous_year' },
    { id: 'rows_both', type: 'kpi', dataset: 'by_date', measure: 'rows', compare: ['previous_period', 'previous_year'] },
    { id: 'by_month_py', type: 'bar', dataset: 'sales', dimensions: ['time:month'], measures: ['revenue'], compare: 'previous_year' },
    { id: 'by_region_pp', type: 'table', dataset: 'sales', dimensions: ['region'], measures: ['rows'], compare: 'previous_period' },
    { id: 'all_time', type: 'kpi', dataset: 'sales', measure: 'rows', period: null },
  ],
};

export const shapesReport = {
  id: 'conf-shapes',
  title: 'Breakdown, top-N, joins',
  parameters: [{ id: 'by', type: 'breakdown', options: ['region', 'product', 'manager', 'team', 'time:quarter'], default: 'region' }],
  datasets: {
    sales: withPeople(),
    inner: withPeople({ joins: [{ table: 'people', as: 'p', type: 'inner', on: { manager_id: 'id' } }] }),
  },
  panels: [
    { id: 'by', type: 'bar', dataset: 'sales', dimensions: ['$by'], measures: ['rows', 'revenue'] },
    { id: 'top_products', type: 'table', dataset: 'sales', dimensions: ['product'], measures: ['revenue'], limit: 3, other: true },
    { id: 'top_regions', type: 'pie', dataset: 'sales', dimensions: ['region'], measures: ['rows'], limit: 2, other: true },
    { id: 'by_team', type: 'table', dataset: 'sales', dimensions: ['team'], measures: ['rows', 'revenue'] },
    { id: 'inner_rows', type: 'kpi', dataset: 'inner', measure: 'rows' },
  ],
};

export const scopeReport = {
  id: 'conf-scope',
  title: 'Row scope',
  parameters: [{ id: 'region', type: 'select', dataset: 'sales', dimension: 'region' }],
  datasets: { sales: withPeople({ rowScope: { manager_id: '$user.manager_id', 'p.team': '$user.team' } }) },
  panels: [
    { id: 'rows', type: 'kpi', dataset: 'sales', measure: 'rows' },
    { id: 'revenue', type: 'kpi', dataset: 'sales', measure: 'revenue' },
    { id: 'by_region', type: 'table', dataset: 'sales', dimensions: ['region'], measures: ['rows'], filters: { region: '$region' } },
  ],
};

export const sqlReport = {
  id: 'conf-sql',
  title: 'SQL datasets',
  parameters: [
    { id: 'period', type: 'period', default: '2026-Q1' },
    { id: 'min_qty', type: 'number', default: 5 },
    { id: 'product', type: 'select', options: ['Чайник', "O'Brien's tea", 'Laptop'], default: "O'Brien's tea" },
  ],
  datasets: {
    windowed: {
      source: 'data',
      sql: 'select id, product, amount from sales where qty >= :min_qty and sold_on >= :period_start and sold_on < :period_end',
      dimensions: { product: {} },
      measures: { rows: { agg: 'count' }, revenue: { agg: 'sum', column: 'amount' } },
    },
    by_product: {
      source: 'data',
      sql: "select s.id, s.amount, 'it''s' as quoted from sales s where s.product = :product",
      dimensions: { quoted: {} },
      measures: { rows: { agg: 'count' } },
    },
  },
  panels: [
    { id: 'windowed', type: 'kpi', dataset: 'windowed', measure: 'rows' },
    { id: 'windowed_by_product', type: 'table', dataset: 'windowed', dimensions: ['product'], measures: ['rows', 'revenue'] },
    { id: 'by_product', type: 'table', dataset: 'by_product', dimensions: ['quoted'], measures: ['rows'] },
  ],
};

export const errorsReport = {
  id: 'conf-errors',
  title: 'Error values',
  parameters: [{ id: 'product', type: 'select', dataset: 'good', dimension: 'product' }],
  datasets: {
    good: salesDataset(),
    missing_table: { source: 'data', table: 'no_such_table', measures: { rows: { agg: 'count' } } },
    missing_column: { source: 'data', table: 'sales', measures: { total: { agg: 'sum', column: 'no_such_column' } } },
    bad_sql: { source: 'data', sql: 'select no_such_column from sales', measures: { rows: { agg: 'count' } } },
    broken: { source: 'broken', table: 'sales', measures: { rows: { agg: 'count' } } },
  },
  panels: [
    { id: 'good', type: 'kpi', dataset: 'good', measure: 'rows', filters: { product: '$product' } },
    { id: 'missing_table', type: 'kpi', dataset: 'missing_table', measure: 'rows' },
    { id: 'missing_column', type: 'kpi', dataset: 'missing_column', measure: 'total' },
    { id: 'bad_sql', type: 'kpi', dataset: 'bad_sql', measure: 'rows' },
    { id: 'broken', type: 'kpi', dataset: 'broken', measure: 'rows' },
  ],
};

/** Each cancellation case runs its own report, whose marker column lets a probe find its query among those running at the server. */
export const SLOW_REPORTS = {
  client: 'conf-slow-client',
  running: 'conf-slow-running',
  early: 'conf-slow-early',
} as const;

export const slowMarker = (report: string) => `marker_${report.replace(/-/g, '_')}`;

const slowReport = (id: string) => ({
  id,
  title: 'Cancellation',
  datasets: {
    // 10^10 joined rows: minutes of work on any engine, so only cancellation ends it quickly.
    slow: { source: 'data', sql: `select a.id as ${slowMarker(id)} from big a cross join big b`, measures: { rows: { agg: 'count' } } },
  },
  panels: [{ id: 'slow', type: 'kpi', dataset: 'slow', measure: 'rows' }],
});

export const slowReports = Object.values(SLOW_REPORTS).map(slowReport);

export const largeReport = {
  id: 'conf-large',
  title: 'Large result',
  datasets: {
    big: { source: 'data', table: 'big', dimensions: { id: { type: 'number' } }, measures: { total: { agg: 'sum', column: 'value' } } },
  },
  panels: [{ id: 'rows', type: 'table', dataset: 'big', dimensions: ['id'], measures: ['total'], sort: 'id' }],
};
