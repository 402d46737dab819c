/**
 * @module Alert conditions as pure functions over numbers the engine computed: a threshold on
 * one value, or a trend over the last complete periods (N declines in a row, a drop of more than
 * X% from the period before, falling below the band of the K periods before). Each answer carries
 * a sentence saying why, for the notification.
 */
import type { AlertCondition } from '../schedule-types.js';

export interface Verdict {
  fired: boolean;
  reason: string;
}

const show = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 3 : 1));

export function thresholdVerdict(label: string, value: number | null, bounds: { below?: number; above?: number }): Verdict {
  if (value === null) return { fired: false, reason: `${label} has no value for the period` };
  if (bounds.below !== undefined && value < bounds.below)
    return { fired: true, reason: `${label} is ${show(value)}, below ${show(bounds.below)}` };
  if (bounds.above !== undefined && value > bounds.above)
    return { fired: true, reason: `${label} is ${show(value)}, above ${show(bounds.above)}` };
  return { fired: false, reason: `${label} is ${show(value)}, within bounds` };
}

/** How many complete periods a trend condition reads, the current incomplete one excluded. */
export function periodsNeeded(condition: AlertCondition): number {
  switch (condition.type) {
    case 'declines':
      return condition.periods + 1;
    case 'drop':
      return 2;
    case 'band':
      return condition.periods + 1;
    default:
      return 1;
  }
}

/** `series`: oldest first, one value per complete period; null = no data. */
export function trendVerdict(label: string, condition: AlertCondition, series: (number | null)[]): Verdict {
  const values = series.slice(-periodsNeeded(condition));
  if (values.length < periodsNeeded(condition) || values.some((v) => v === null))
    return {
      fired: false,
      reason: `${label}: not enough complete periods with data (${values.map((v) => (v === null ? '—' : show(v))).join(', ')})`,
    };
  const v = values as number[];
  const last = v.at(-1) as number;
  const path = v.map(show).join(' → ');
  if (condition.type === 'declines') {
    const fired = v.every((x, i) => i === 0 || x < (v[i - 1] as number));
    return {
      fired,
      reason: fired
        ? `${label} fell ${condition.periods} ${condition.grain}s in a row: ${path}`
        : `${label} did not fall ${condition.periods} ${condition.grain}s in a row: ${path}`,
    };
  }
  if (condition.type === 'drop') {
    const before = v[0] as number;
    const drop = before > 0 ? ((before - last) / before) * 100 : 0;
    const fired = drop > condition.percent;
    return {
      fired,
      reason: `${label} ${drop > 0 ? `fell ${drop.toFixed(1)}%` : 'did not fall'} ${condition.grain} over ${condition.grain} (${path}); the limit is ${condition.percent}%`,
    };
  }
  if (condition.type === 'band') {
    const window = v.slice(0, -1);
    const mean = window.reduce((a, b) => a + b, 0) / window.length;
    const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / window.length);
    const floor = condition.deviations === undefined ? Math.min(...window) : mean - condition.deviations * sd;
    const fired = last < floor;
    const band =
      condition.deviations === undefined
        ? `the lowest of the ${window.length} ${condition.grain}s before`
        : `the mean minus ${condition.deviations}σ of the ${window.length} ${condition.grain}s before`;
    return { fired, reason: `${label} is ${show(last)}, ${fired ? 'below' : 'not below'} ${band} (${show(floor)})` };
  }
  return { fired: false, reason: 'not a trend condition' };
}
