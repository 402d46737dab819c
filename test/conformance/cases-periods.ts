/** @module Cases: period presets and custom ranges on timestamp and date columns, previous-period and previous-year comparisons. */
import { expect } from 'vitest';
import { bucketOf, change, count, groupRows, inDates, inPeriod, MOSCOW_OFFSET_HOURS, revenue, wallClock } from './expected-answers.js';
import { SALES } from './fixture.js';
import { approx, conformanceTest, kpi, ok, render, type SuiteContext } from './suite-context.js';

/** Period text → its local days [start, end) in Moscow on Sunday 2026-11-15 (weeks start on Monday). */
const PRESETS: readonly [string, string, string][] = [
  ['today', '2026-11-15', '2026-11-16'],
  ['yesterday', '2026-11-14', '2026-11-15'],
  ['this_week', '2026-11-09', '2026-11-16'],
  ['last_week', '2026-11-02', '2026-11-09'],
  ['this_month', '2026-11-01', '2026-12-01'],
  ['last_month', '2026-10-01', '2026-11-01'],
  ['this_quarter', '2026-10-01', '2027-01-01'],
  ['last_quarter', '2026-07-01', '2026-10-01'],
  ['this_year', '2026-01-01', '2027-01-01'],
  ['last_year', '2025-01-01', '2026-01-01'],
  ['last_7_days', '2026-11-09', '2026-11-16'],
  ['last_30_days', '2026-10-17', '2026-11-16'],
  ['last_90_days', '2026-08-18', '2026-11-16'],
  ['last_12_months', '2025-12-01', '2026-12-01'],
];

const CUSTOM: readonly [string, string, string][] = [
  ['2026-02-10..2026-02-19', '2026-02-10', '2026-02-20'],
  ['2025-12-01..2026-01-31', '2025-12-01', '2026-02-01'],
  ['2026-03-15', '2026-03-15', '2026-03-16'],
  ['2026-02', '2026-02-01', '2026-03-01'],
  ['2026-Q2', '2026-04-01', '2026-07-01'],
  ['2025', '2025-01-01', '2026-01-01'],
];

/** Period → [current, previous period, same period a year before], each as [start, end). */
const COMPARED: readonly [string, [string, string], [string, string], [string, string]][] = [
  ['2026-Q1', ['2026-01-01', '2026-04-01'], ['2025-10-01', '2026-01-01'], ['2025-01-01', '2025-04-01']],
  ['this_month', ['2026-11-01', '2026-12-01'], ['2026-10-01', '2026-11-01'], ['2025-11-01', '2025-12-01']],
  ['2026-02-10..2026-02-19', ['2026-02-10', '2026-02-20'], ['2026-01-31', '2026-02-10'], ['2025-02-10', '2025-02-20']],
  ['last_30_days', ['2026-10-17', '2026-11-16'], ['2026-09-17', '2026-10-17'], ['2025-10-17', '2025-11-16']],
];

function periodCounts(ctx: SuiteContext, periods: readonly [string, string, string][]) {
  return async () => {
    const project = ctx.projects().moscow;
    const actual: unknown[] = [];
    const expected: unknown[] = [];
    for (const [period, start, end] of periods) {
      const out = await render(project, 'conf-periods', { parameters: { period } });
      actual.push([period, kpi(out, 'rows'), kpi(out, 'rows_by_date'), kpi(out, 'all_time')]);
      expected.push([period, count(inPeriod(start, end)), count(inDates(start, end)), SALES.length]);
    }
    expect(actual).toEqual(expected);
  };
}

export function periodCases(ctx: SuiteContext): void {
  conformanceTest(
    ctx,
    'period-presets',
    'every preset resolves in the reporting zone and filters both column kinds',
    periodCounts(ctx, PRESETS),
  );
  conformanceTest(ctx, 'period-custom', 'custom ranges, single days, months, quarters and years', periodCounts(ctx, CUSTOM));

  conformanceTest(ctx, 'compare-previous-period', 'the period of the same length right before', async () => {
    for (const [period, now, before] of COMPARED) {
      const out = await render(ctx.projects().moscow, 'conf-periods', { parameters: { period } });
      const [cur, prev] = [revenue(inPeriod(...now)), revenue(inPeriod(...before))];
      expect([period, ok(out, 'revenue_pp').rows]).toEqual([period, approx([[cur, prev, ...change(cur, prev)]])]);
    }
  });

  conformanceTest(ctx, 'compare-previous-year', 'the same dates a year before, alone and together with the previous period', async () => {
    for (const [period, now, before, lastYear] of COMPARED) {
      const out = await render(ctx.projects().moscow, 'conf-periods', { parameters: { period } });
      const [cur, ly] = [revenue(inPeriod(...now)), revenue(inPeriod(...lastYear))];
      expect([period, ok(out, 'revenue_py').rows]).toEqual([period, approx([[cur, ly, ...change(cur, ly)]])]);
      const [n, p, y] = [count(inDates(...now)), count(inDates(...before)), count(inDates(...lastYear))];
      expect([period, ok(out, 'rows_both').rows]).toEqual([period, approx([[n, p, ...change(n, p), y, ...change(n, y)]])]);
    }
  });

  conformanceTest(ctx, 'compare-by-month', 'grouped comparisons line up by month and by region', async () => {
    const out = await render(ctx.projects().moscow, 'conf-periods', { parameters: { period: '2026-Q1' } });
    const month = (utc: string | null) => (utc === null ? null : bucketOf(wallClock(utc, MOSCOW_OFFSET_HOURS), 'month'));
    const q1 = inPeriod('2026-01-01', '2026-04-01');
    const lastYear = inPeriod('2025-01-01', '2025-04-01');
    const byMonth = [...new Set(q1.map((s) => month(s.sold_at) as string))].sort().map((m) => {
      const cur = revenue(q1.filter((s) => month(s.sold_at) === m));
      const ly = revenue(lastYear.filter((s) => month(s.sold_at) === `2025${m.slice(4)}`));
      return [m, cur, ly, ...change(cur, ly)];
    });
    expect(ok(out, 'by_month_py').rows).toEqual(approx(byMonth));
    const q4 = inPeriod('2025-10-01', '2026-01-01');
    const byRegion = groupRows(q1, (s) => s.region, [count]).map(([region, n]) => {
      const before = q4.filter((s) => s.region === region).length;
      return [region, n, before, ...change(n as number, before)];
    });
    expect(ok(out, 'by_region_pp').rows).toEqual(approx(byRegion));
  });
}
