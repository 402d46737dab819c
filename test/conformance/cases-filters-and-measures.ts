/** @module Cases: every filter operator (literal and bound from parameters), every aggregation, and aggregations over no rows. */
import { expect } from 'vitest';
import { avgOf, groupRows, MOSCOW_OFFSET_HOURS, revenue, sumOf, wallClock } from './expected-answers.js';
import { BETWEEN_PARAMETER_FILTER, FILTER_PARAMETER_VALUES, type FilterCase, LITERAL_FILTERS, PARAMETER_FILTERS } from './filter-cases.js';
import { SALES, type Sale } from './fixture.js';
import { MEASURES } from './reports-data.js';
import { approx, conformanceTest, kpi, ok, render, type SuiteContext } from './suite-context.js';

/** Each measure of the aggregations report, worked out over a set of sales. */
function measuresOver(rows: readonly Sale[]): Record<(typeof MEASURES)[number], number | null> {
  const amounts = rows.map((r) => r.amount).filter((a): a is number => a !== null);
  const paid = rows.filter((r) => r.paid === true);
  const qtySum = sumOf(rows.map((r) => r.qty));
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    rows: rows.length,
    amounts: amounts.length,
    products: new Set(rows.map((r) => r.product)).size,
    regions: new Set(rows.map((r) => r.region).filter((r) => r !== null)).size,
    revenue: revenue(rows),
    avg_amount: avgOf(amounts),
    min_amount: amounts.length ? Math.min(...amounts) : null,
    max_amount: amounts.length ? Math.max(...amounts) : null,
    qty_sum: qtySum,
    avg_qty: avgOf(rows.map((r) => r.qty)),
    max_qty: rows.length ? Math.max(...rows.map((r) => r.qty)) : null,
    discount_sum: sumOf(rows.map((r) => r.discount)),
    paid_rows: paid.length,
    paid_revenue: revenue(paid),
    north_avg: avgOf(rows.filter((r) => r.region === 'North' && r.amount !== null && r.amount > 0).map((r) => r.amount)),
    paid_share: ratio(paid.length, rows.length),
    nowhere: 0,
    per_nowhere: null,
    arithmetic: (revenue(rows) - revenue(paid)) * 2 + qtySum / 4,
  };
}

const counts = (out: Awaited<ReturnType<typeof render>>, cases: readonly FilterCase[]) => ({
  actual: cases.map((c) => [c.panel, kpi(out, c.panel)]),
  expected: cases.map((c) => [c.panel, SALES.filter(c.keep).length]),
});

export function filterAndMeasureCases(ctx: SuiteContext): void {
  conformanceTest(ctx, 'filter-operators', 'eq, ne, in, notIn, gt, gte, lt, lte, between and null on every column type', async () => {
    const { actual, expected } = counts(await render(ctx.projects().moscow, 'conf-filters'), LITERAL_FILTERS);
    expect(actual).toEqual(expected);
  });

  conformanceTest(ctx, 'filter-parameters', 'the same operators with values bound from request parameters', async () => {
    const out = await render(ctx.projects().moscow, 'conf-filter-params', { parameters: FILTER_PARAMETER_VALUES });
    const { actual, expected } = counts(out, PARAMETER_FILTERS);
    expect(actual).toEqual(expected);
  });

  conformanceTest(ctx, 'filter-parameters-between', 'between with both ends bound from parameters', async () => {
    const out = await render(ctx.projects().moscow, 'conf-filter-params', { parameters: FILTER_PARAMETER_VALUES });
    const { actual, expected } = counts(out, [BETWEEN_PARAMETER_FILTER]);
    expect(actual).toEqual(expected);
  });

  conformanceTest(
    ctx,
    'aggregations',
    'count, count of a column, count distinct, sum, avg, min, max, filtered and expression measures',
    async () => {
      const out = await render(ctx.projects().moscow, 'conf-measures');
      const all = ok(out, 'all');
      expect(all.columns.map((c) => [c.name, c.type])).toEqual(
        MEASURES.map((m) => [m, ['rows', 'amounts', 'products', 'regions', 'paid_rows', 'nowhere'].includes(m) ? 'integer' : 'number']),
      );
      const expected = measuresOver(SALES);
      // Named, so a wrong value shows which measure it is.
      const named = (values: readonly unknown[]) => Object.fromEntries(MEASURES.map((m, i) => [m, values[i]]));
      expect(named(all.rows[0] ?? [])).toEqual(named(approx([MEASURES.map((m) => expected[m])])[0] ?? []));
      expect(all.rows).toHaveLength(1);
      const byRegion = groupRows(SALES, (s) => s.region, [
        (g) => g.length,
        revenue,
        (g) => avgOf(g.map((s) => s.amount)),
        (g) => g.filter((s) => s.paid === true).length / g.length,
        (g) => new Set(g.map((s) => s.product)).size,
      ]);
      expect(ok(out, 'by_region').rows).toEqual(approx(byRegion));
    },
  );

  conformanceTest(ctx, 'aggregations-empty', 'over no rows: counts and sums 0, averages, extremes and ratios null', async () => {
    const out = await render(ctx.projects().moscow, 'conf-measures');
    const expected = measuresOver([]);
    expect(ok(out, 'empty').rows).toEqual([MEASURES.map((m) => expected[m])]);
  });

  conformanceTest(
    ctx,
    'aggregations-dates',
    'min and max of a date are dates; of a timestamp, wall clocks in the reporting zone',
    async () => {
      const out = await render(ctx.projects().moscow, 'conf-measures');
      const days = SALES.map((s) => s.sold_on)
        .filter((d): d is string => d !== null)
        .sort();
      const instants = SALES.map((s) => s.sold_at)
        .filter((t): t is string => t !== null)
        .sort();
      const moscow = (utc: string | undefined) => (utc === undefined ? null : wallClock(utc, MOSCOW_OFFSET_HOURS));
      expect(ok(out, 'dates').rows).toEqual([[days[0], days.at(-1), moscow(instants[0]), moscow(instants.at(-1))]]);
    },
  );
}
