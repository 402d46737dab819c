/** @module The demo's time axis: day indices relative to the window start, volume weights and fast UTC formatting. */
import { cumulative, type SeededRandom } from './seeded-random.js';

const DAY_MS = 86_400_000;
export const DAY_SECONDS = 86_400;

/** Russian B2B seasonality: quiet January and May holidays, a year-end rush in December. */
const MONTH_FACTOR = [0.7, 0.95, 1.05, 1.05, 0.85, 0.95, 0.9, 0.88, 1.05, 1.1, 1.1, 1.2];
/** Monday first; Friday afternoons and weekends are quiet. */
const WEEKDAY_FACTOR = [1.05, 1.1, 1.05, 1.0, 0.85, 0.12, 0.06];
/** Public holidays (MM-DD) when offices are closed; January 1–8 is the long New Year break. */
const HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
]);
/**
 * Activity per UTC hour. Moscow is UTC+3, so 06–16 UTC is the 09–19 working day, with a lunch dip
 * at 10 UTC; weekend work is thin and flatter.
 */
const WEEKDAY_HOURS = [0, 0, 0, 0, 0.05, 0.3, 3, 6.5, 8, 7.5, 4.5, 7.5, 8, 7.5, 6, 4, 1.5, 0.6, 0.25, 0.1, 0.03, 0, 0, 0];
const WEEKEND_HOURS = [0, 0, 0, 0, 0, 0.1, 0.6, 1.5, 2.5, 3, 3, 2.8, 2.5, 2, 1.4, 0.8, 0.4, 0.2, 0.1, 0.05, 0, 0, 0, 0];

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export interface DemoCalendar {
  /** Index of `today`; day 0 is the first day of the month 23 months earlier, so the window holds 24 calendar months. */
  readonly todayIndex: number;
  /** Last second that may appear in the data: today 23:59:59, in seconds since day 0. */
  readonly nowSecond: number;
  /** 'YYYY-MM-01' for the 24 window months followed by the 2 months after today's. */
  readonly months: readonly string[];
  /** Volume weight of each day 0..todayIndex: seasonality × weekday × holidays × slow growth. */
  readonly dayWeights: Float64Array;
  dayString(day: number): string;
  /** 0 = Monday … 6 = Sunday. */
  weekday(day: number): number;
  /** Index into {@link months}. */
  monthOf(day: number): number;
  /** 'YYYY-MM-DD HH:MM:SS' for seconds since day 0 (UTC). */
  timestamp(second: number): string;
  /** A second of the day drawn from the working-hours profile of that day. */
  workSecond(rng: SeededRandom, day: number): number;
  /** `count` working-hours instants of `day` (seconds since day 0), in time order. */
  workSeconds(rng: SeededRandom, day: number, count: number): Int32Array;
  /** Splits `total` rows over days 0..todayIndex in proportion to `weights`, summing exactly to `total`. */
  spread(total: number, weights?: Float64Array): Int32Array;
}

export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    throw new Error(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return ms;
}

export function createDemoCalendar(today: string): DemoCalendar {
  const todayMs = parseIsoDate(today);
  const t = new Date(todayMs);
  const startMs = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 23, 1);
  const todayIndex = Math.round((todayMs - startMs) / DAY_MS);
  // Enough days ahead for open activities due in the next two weeks.
  const cachedDays = todayIndex + 31;
  const dayStrings: string[] = [];
  const weekdays = new Uint8Array(cachedDays);
  const monthIndex = new Uint8Array(cachedDays);
  const dayWeights = new Float64Array(todayIndex + 1);
  for (let day = 0; day < cachedDays; day++) {
    const date = new Date(startMs + day * DAY_MS);
    const iso = date.toISOString().slice(0, 10);
    dayStrings.push(iso);
    weekdays[day] = (date.getUTCDay() + 6) % 7;
    monthIndex[day] = (date.getUTCFullYear() - t.getUTCFullYear()) * 12 + date.getUTCMonth() - t.getUTCMonth() + 23;
    if (day <= todayIndex) {
      const holiday = HOLIDAYS.has(iso.slice(5)) ? 0.08 : 1;
      const growth = 0.85 + (0.3 * day) / todayIndex;
      dayWeights[day] = (MONTH_FACTOR[date.getUTCMonth()] ?? 1) * (WEEKDAY_FACTOR[weekdays[day] ?? 0] ?? 1) * holiday * growth;
    }
  }
  const months = Array.from({ length: 26 }, (_, i) => monthStart(startMs, i));
  const weekdayHours = cumulative(WEEKDAY_HOURS);
  const weekendHours = cumulative(WEEKEND_HOURS);

  const dayString = (day: number): string => dayStrings[day] ?? new Date(startMs + day * DAY_MS).toISOString().slice(0, 10);
  const weekday = (day: number): number => weekdays[day] ?? (new Date(startMs + day * DAY_MS).getUTCDay() + 6) % 7;
  const workSecond = (rng: SeededRandom, day: number): number => {
    const hour = rng.weighted(weekday(day) >= 5 ? weekendHours : weekdayHours);
    return hour * 3600 + Math.floor(rng.next() * 3600);
  };
  return {
    todayIndex,
    nowSecond: (todayIndex + 1) * DAY_SECONDS - 1,
    months,
    dayWeights,
    dayString,
    weekday,
    monthOf: (day) => monthIndex[day] ?? 0,
    timestamp(second) {
      const day = Math.floor(second / DAY_SECONDS);
      const s = second - day * DAY_SECONDS;
      const hh = Math.floor(s / 3600);
      const mm = Math.floor((s % 3600) / 60);
      return `${dayString(day)} ${PAD2[hh]}:${PAD2[mm]}:${PAD2[s % 60]}`;
    },
    workSecond,
    workSeconds(rng, day, count) {
      const seconds = new Int32Array(count);
      for (let k = 0; k < count; k++) seconds[k] = day * DAY_SECONDS + workSecond(rng, day);
      return seconds.sort();
    },
    spread(total, weights = dayWeights) {
      const counts = new Int32Array(weights.length);
      let sum = 0;
      for (const w of weights) sum += w;
      let running = 0;
      let assigned = 0;
      for (let day = 0; day < weights.length; day++) {
        running += weights[day] ?? 0;
        const upTo = Math.round((total * running) / sum);
        counts[day] = upTo - assigned;
        assigned = upTo;
      }
      return counts;
    },
  };
}

function monthStart(startMs: number, offset: number): string {
  const start = new Date(startMs);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}
