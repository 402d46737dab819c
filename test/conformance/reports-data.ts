/** @module Report definitions of the suite over plain data: types and NULLs, time grains, filters, aggregations. */

import { BERLIN_DST, BUCKETS, ZONE_EDGES } from './expected-answers.js';
import { BETWEEN_PARAMETER_FILTER, type FilterCase, LITERAL_FILTERS, PARAMETER_FILTERS } from './filter-cases.js';

/** The fixture's `sales` table with a dimension per column, typed so values come back as numbers, booleans and dates. */
export const salesDataset = (extra: Record<string, unknown> = {}) => ({
  source: 'data',
  table: 'sales',
  time: 'sold_at',
  dimensions: SALES_DIMENSIONS,
  measures: { rows: { agg: 'count' }, revenue: { agg: 'sum', column: 'amount' } },
  ...extra,
});

export const SALES_DIMENSIONS = {
  id: { type: 'number' },
  product: {},
  region: {},
  manager_id: { type: 'number' },
  qty: { type: 'number' },
  amount: { type: 'number' },
  discount: { type: 'number' },
  paid: { type: 'boolean' },
  note: {},
  sold_on: { type: 'date' },
  sold_at: { type: 'time' },
};

const COLUMNS = ['id', 'product', 'region', 'manager_id', 'qty', 'amount', 'discount', 'paid', 'note', 'sold_on'];

export const typesReport = {
  id: 'conf-types',
  title: 'Types and NULLs',
  parameters: [{ id: 'product', type: 'select', dataset: 'sales', dimension: 'product' }],
  datasets: {
    sales: salesDataset(),
    people: {
      source: 'data',
      table: 'people',
      dimensions: { id: { type: 'number' }, name: {}, team: {} },
      measures: { n: { agg: 'count' } },
    },
  },
  panels: [
    { id: 'all_rows', type: 'table', dataset: 'sales', dimensions: COLUMNS, measures: ['rows'], sort: 'id' },
    { id: 'by_product', type: 'table', dataset: 'sales', dimensions: ['product'], measures: ['rows'], filters: { product: '$product' } },
    { id: 'people', type: 'table', dataset: 'people', dimensions: ['id', 'name', 'team'], measures: ['n'], sort: 'id' },
    { id: 'timestamps', type: 'table', dataset: 'sales', dimensions: ['id', 'sold_at'], measures: ['rows'], sort: 'id' },
  ],
};

/** Every bucket on the timestamp column (`time:<b>`) and on the date column (`sold_on:<b>`), plus the edge rows alone. */
export const timeReport = {
  id: 'conf-time',
  title: 'Time grains',
  datasets: { sales: salesDataset() },
  panels: [
    ...BUCKETS.map((b) => ({ id: `ts_${b}`, type: 'table', dataset: 'sales', dimensions: [`time:${b}`], measures: ['rows'] })),
    ...BUCKETS.map((b) => ({ id: `date_${b}`, type: 'table', dataset: 'sales', dimensions: [`sold_on:${b}`], measures: ['rows'] })),
    ...(['month', 'quarter', 'year'] as const).map((b) => ({
      id: `edge_${b}`,
      type: 'table',
      dataset: 'sales',
      dimensions: ['id', `sold_at:${b}`],
      measures: ['rows'],
      filters: { id: { between: [...ZONE_EDGES.ids] } },
      sort: 'id',
    })),
    ...(['hour', 'day', 'hour_of_day', 'weekday'] as const).map((b) => ({
      id: `dst_${b}`,
      type: 'table',
      dataset: 'sales',
      dimensions: [`time:${b}`],
      measures: ['rows'],
      filters: { id: { between: [...BERLIN_DST.ids] } },
    })),
  ],
};

const kpi = (c: FilterCase) => ({ id: c.panel, type: 'kpi', dataset: 'sales', measure: 'rows', filters: c.filters });

export const filtersReport = {
  id: 'conf-filters',
  title: 'Filter operators',
  datasets: { sales: salesDataset() },
  panels: LITERAL_FILTERS.map(kpi),
};

export const filterParametersReport = {
  id: 'conf-filter-params',
  title: 'Filters bound to parameters',
  parameters: [
    { id: 'regions', type: 'select', dataset: 'sales', dimension: 'region', multiple: true },
    { id: 'not_regions', type: 'select', dataset: 'sales', dimension: 'region', multiple: true },
    { id: 'product', type: 'select', dataset: 'sales', dimension: 'product' },
    { id: 'min_amount', type: 'number' },
    { id: 'paid', type: 'boolean' },
    { id: 'lo', type: 'number' },
    { id: 'hi', type: 'number' },
    { id: 'unset', type: 'select', dataset: 'sales', dimension: 'region' },
  ],
  datasets: { sales: salesDataset() },
  panels: [...PARAMETER_FILTERS, BETWEEN_PARAMETER_FILTER].map(kpi),
};

export const MEASURES = [
  'rows',
  'amounts',
  'products',
  'regions',
  'revenue',
  'avg_amount',
  'min_amount',
  'max_amount',
  'qty_sum',
  'avg_qty',
  'max_qty',
  'discount_sum',
  'paid_rows',
  'paid_revenue',
  'north_avg',
  'paid_share',
  'nowhere',
  'per_nowhere',
  'arithmetic',
] as const;

export const measuresReport = {
  id: 'conf-measures',
  title: 'Aggregations',
  datasets: {
    sales: salesDataset({
      measures: {
        rows: { agg: 'count' },
        amounts: { agg: 'count', column: 'amount' },
        products: { agg: 'count_distinct', column: 'product' },
        regions: { agg: 'count_distinct', column: 'region' },
        revenue: { agg: 'sum', column: 'amount' },
        avg_amount: { agg: 'avg', column: 'amount' },
        min_amount: { agg: 'min', column: 'amount' },
        max_amount: { agg: 'max', column: 'amount' },
        qty_sum: { agg: 'sum', column: 'qty' },
        avg_qty: { agg: 'avg', column: 'qty' },
        max_qty: { agg: 'max', column: 'qty' },
        discount_sum: { agg: 'sum', column: 'discount' },
        paid_rows: { agg: 'count', where: { paid: true } },
        paid_revenue: { agg: 'sum', column: 'amount', where: { paid: true } },
        north_avg: { agg: 'avg', column: 'amount', where: { region: 'North', amount: { gt: 0 } } },
        paid_share: { expr: 'paid_rows / rows' },
        nowhere: { agg: 'count', where: { region: 'Nowhere' } },
        per_nowhere: { expr: 'revenue / nowhere' },
        arithmetic: { expr: '(revenue - paid_revenue) * 2 + qty_sum / 4' },
        first_day: { agg: 'min', column: 'sold_on' },
        last_day: { agg: 'max', column: 'sold_on' },
        first_at: { agg: 'min', column: 'sold_at' },
        last_at: { agg: 'max', column: 'sold_at' },
      },
    }),
  },
  panels: [
    { id: 'all', type: 'table', dataset: 'sales', measures: [...MEASURES] },
    { id: 'empty', type: 'table', dataset: 'sales', measures: [...MEASURES], filters: { region: 'Nowhere' } },
    { id: 'dates', type: 'table', dataset: 'sales', measures: ['first_day', 'last_day', 'first_at', 'last_at'] },
    {
      id: 'by_region',
      type: 'table',
      dataset: 'sales',
      dimensions: ['region'],
      measures: ['rows', 'revenue', 'avg_amount', 'paid_share', 'products'],
    },
  ],
};
