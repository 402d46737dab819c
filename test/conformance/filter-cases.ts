/** @module Every filter operator, written once as a definition condition and once as the predicate a reader means. */
// `ne` and `notIn` keep rows whose value is NULL (a sale with no region is "not in the North"), as
// the query compiler defines them.
import type { Sale } from './fixture.js';

export interface FilterCase {
  panel: string;
  filters: Record<string, unknown>;
  keep(sale: Sale): boolean;
}

const between = (v: number | string | null, lo: number | string, hi: number | string) => v !== null && v >= lo && v <= hi;

export const LITERAL_FILTERS: readonly FilterCase[] = [
  { panel: 'eq_text', filters: { region: 'North' }, keep: (s) => s.region === 'North' },
  { panel: 'eq_cyrillic', filters: { product: 'Чайник' }, keep: (s) => s.product === 'Чайник' },
  { panel: 'eq_apostrophe', filters: { product: "O'Brien's tea" }, keep: (s) => s.product === "O'Brien's tea" },
  { panel: 'eq_integer', filters: { manager_id: 3 }, keep: (s) => s.manager_id === 3 },
  { panel: 'eq_true', filters: { paid: true }, keep: (s) => s.paid === true },
  { panel: 'eq_false', filters: { paid: false }, keep: (s) => s.paid === false },
  { panel: 'eq_null', filters: { region: null }, keep: (s) => s.region === null },
  { panel: 'eq_op', filters: { region: { eq: 'South' } }, keep: (s) => s.region === 'South' },
  { panel: 'ne', filters: { region: { ne: 'North' } }, keep: (s) => s.region !== 'North' },
  { panel: 'ne_null', filters: { region: { ne: null } }, keep: (s) => s.region !== null },
  { panel: 'in_list', filters: { region: ['North', 'South'] }, keep: (s) => s.region === 'North' || s.region === 'South' },
  { panel: 'in_op', filters: { manager_id: { in: [2, 3] } }, keep: (s) => s.manager_id === 2 || s.manager_id === 3 },
  { panel: 'not_in', filters: { region: { notIn: ['North', 'South'] } }, keep: (s) => s.region !== 'North' && s.region !== 'South' },
  { panel: 'gt_decimal', filters: { amount: { gt: 259.75 } }, keep: (s) => s.amount !== null && s.amount > 259.75 },
  { panel: 'gte_integer', filters: { qty: { gte: 8 } }, keep: (s) => s.qty >= 8 },
  { panel: 'lt_real', filters: { discount: { lt: 0.5 } }, keep: (s) => s.discount !== null && s.discount < 0.5 },
  { panel: 'lte_decimal', filters: { amount: { lte: 111.75 } }, keep: (s) => s.amount !== null && s.amount <= 111.75 },
  { panel: 'between_integer', filters: { qty: { between: [3, 5] } }, keep: (s) => between(s.qty, 3, 5) },
  {
    panel: 'between_dates',
    filters: { sold_on: { between: ['2026-01-01', '2026-03-31'] } },
    keep: (s) => between(s.sold_on, '2026-01-01', '2026-03-31'),
  },
  { panel: 'gte_date', filters: { sold_on: { gte: '2026-07-01' } }, keep: (s) => s.sold_on !== null && s.sold_on >= '2026-07-01' },
  { panel: 'is_null', filters: { note: { null: true } }, keep: (s) => s.note === null },
  { panel: 'is_not_null', filters: { note: { null: false } }, keep: (s) => s.note !== null },
  {
    panel: 'combined',
    filters: { region: 'West', paid: true, qty: { gte: 2, lte: 9 } },
    keep: (s) => s.region === 'West' && s.paid === true && s.qty >= 2 && s.qty <= 9,
  },
];

/** Parameter values as a URL would carry them: strings, a comma list, 'true'. 16 sales have an amount of exactly 10. */
export const FILTER_PARAMETER_VALUES = {
  regions: ['North', 'West'],
  product: "O'Brien's tea",
  min_amount: '10',
  paid: 'true',
  not_regions: 'North,South',
  lo: '3',
  hi: '5',
};

export const PARAMETER_FILTERS: readonly FilterCase[] = [
  { panel: 'p_select_multi', filters: { region: '$regions' }, keep: (s) => s.region === 'North' || s.region === 'West' },
  { panel: 'p_in', filters: { region: { in: '$regions' } }, keep: (s) => s.region === 'North' || s.region === 'West' },
  { panel: 'p_not_in', filters: { region: { notIn: '$not_regions' } }, keep: (s) => s.region !== 'North' && s.region !== 'South' },
  { panel: 'p_eq', filters: { product: '$product' }, keep: (s) => s.product === "O'Brien's tea" },
  { panel: 'p_eq_op', filters: { product: { eq: '$product' } }, keep: (s) => s.product === "O'Brien's tea" },
  { panel: 'p_ne', filters: { product: { ne: '$product' } }, keep: (s) => s.product !== "O'Brien's tea" },
  { panel: 'p_boolean', filters: { paid: '$paid' }, keep: (s) => s.paid === true },
  { panel: 'p_gt', filters: { amount: { gt: '$min_amount' } }, keep: (s) => s.amount !== null && s.amount > 10 },
  { panel: 'p_gte', filters: { amount: { gte: '$min_amount' } }, keep: (s) => s.amount !== null && s.amount >= 10 },
  { panel: 'p_lt', filters: { qty: { lt: '$hi' } }, keep: (s) => s.qty < 5 },
  { panel: 'p_lte', filters: { qty: { lte: '$hi' } }, keep: (s) => s.qty <= 5 },
  { panel: 'p_empty', filters: { region: '$unset' }, keep: () => true },
];

/** `between` with bound ends: kept apart so that a failure here does not hide the other operators. */
export const BETWEEN_PARAMETER_FILTER: FilterCase = {
  panel: 'p_between',
  filters: { qty: { between: ['$lo', '$hi'] } },
  keep: (s) => between(s.qty, 3, 5),
};
