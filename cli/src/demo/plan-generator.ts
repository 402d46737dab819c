/** @module Monthly plans per active manager, set so that past actuals mostly land at 80–115% of plan. */
import type { OpenTable } from './bulk-insert.js';
import type { DemoCalendar } from './demo-calendar.js';
import type { MonthlyActuals } from './monthly-actuals.js';
import { NEVER, type OrgModel } from './org-generator.js';
import { SeededRandom } from './seeded-random.js';

/** Index of today's month in {@link DemoCalendar.months}; plans run two months past it. */
const CURRENT_MONTH = 23;
const BASELINE_MONTHS = [20, 21, 22];
type Measure = 'calls' | 'meetings' | 'revenue';
const MEASURES: readonly Measure[] = ['calls', 'meetings', 'revenue'];
/** Plans are round numbers, as people set them: three significant digits keep the rounding error under 0.5%. */
function roundPlan(value: number): number {
  if (value < 1000) return Math.round(value);
  const step = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.round(value / step) * step;
}

export function generatePlans(seed: number, calendar: DemoCalendar, org: OrgModel, actuals: MonthlyActuals, open: OpenTable): void {
  const rng = new SeededRandom(seed, 9);
  const active: number[] = [];
  for (let m = 1; m <= org.managerCount; m++) if (org.leftDay[m] === NEVER) active.push(m);
  const firstMonth = (m: number): number => calendar.monthOf(Math.max(0, org.hiredDay[m] ?? 0));
  const baselineOf = (m: number, measure: Measure): number | undefined => {
    const months = BASELINE_MONTHS.filter((month) => month >= firstMonth(m));
    if (months.length === 0) return undefined;
    return months.reduce((sum, month) => sum + (actuals[measure][actuals.at(m, month)] ?? 0), 0) / months.length;
  };
  /** Median of the manager's complete months: robust against the odd giant deal. */
  const typicalOf = (m: number, measure: Measure): number => {
    const values: number[] = [];
    for (let month = firstMonth(m); month < CURRENT_MONTH; month++) values.push(actuals[measure][actuals.at(m, month)] ?? 0);
    values.sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? 0;
  };
  const team = Object.fromEntries(
    MEASURES.map((measure) => {
      const values = active.map((m) => baselineOf(m, measure)).filter((v) => v !== undefined);
      return [measure, values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)];
    }),
  ) as Record<Measure, number>;

  const total = active.reduce((sum, m) => sum + calendar.months.length - firstMonth(m), 0);
  const writer = open('plans', total);
  let id = 0;
  for (const m of active) {
    for (let month = firstMonth(m); month < calendar.months.length; month++) {
      const values = MEASURES.map((measure) => {
        let plan: number;
        const actual = actuals[measure][actuals.at(m, month)] ?? 0;
        if (month < CURRENT_MONTH && (measure === 'calls' || (actual > 0 && actual >= 0.35 * typicalOf(m, measure)))) {
          plan = actual / (0.8 + rng.next() * 0.35);
        } else if (month < CURRENT_MONTH) {
          // Won revenue and meetings are lumpy: nobody plans zero for a month that happened to close nothing.
          plan = Math.max(typicalOf(m, measure), team[measure] * 0.3) * (0.9 + rng.next() * 0.2);
        } else {
          // The current month is still running, so its plan (like the next two) follows the recent run
          // rate; a new hire without complete months gets a ramp-up share of the team's.
          plan = (baselineOf(m, measure) ?? team[measure] * 0.6) * (1 + rng.next() * 0.1);
        }
        return roundPlan(plan);
      });
      writer.add([++id, m, calendar.months[month], ...values]);
    }
  }
  writer.finish();
}
