/** @module The truth the suite checks against, worked out by hand over the fixture rows. */
// Wall clocks with fixed offsets (Moscow has kept +3 all year since 2014), calendar buckets, counts
// and sums in plain JS. Nothing here calls the engine or shares its code.
import { SALES, type Sale } from './fixture.js';

export type Bucket = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'weekday' | 'hour_of_day';
export const BUCKETS: readonly Bucket[] = ['hour', 'day', 'week', 'month', 'quarter', 'year', 'weekday', 'hour_of_day'];

/** Reporting zones the suite opens a project in, with the fixed offset where one exists. */
export const MOSCOW_OFFSET_HOURS = 3;
export const UTC_OFFSET_HOURS = 0;

/** The moment every request runs at, so presets resolve the same on every run. Moscow: Sunday 2026-11-15 12:00. */
export const NOW = new Date('2026-11-15T09:00:00Z');

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM:SS' in a zone with a fixed offset. */
export function wallClock(utc: string, offsetHours: number): string {
  return new Date(Date.parse(`${utc.replace(' ', 'T')}Z`) + offsetHours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The bucket label the engine promises: start day of the bucket, 'YYYY-MM-DD HH:00', or 1 = Monday … 7 = Sunday, 0–23. */
export function bucketOf(local: string, bucket: Bucket, weekStart: 'monday' | 'sunday' = 'monday'): string | number {
  const [y, m, d] = [Number(local.slice(0, 4)), Number(local.slice(5, 7)), Number(local.slice(8, 10))];
  const day = Date.UTC(y, m - 1, d);
  const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  switch (bucket) {
    case 'hour':
      return `${local.slice(0, 13)}:00`;
    case 'day':
      return local.slice(0, 10);
    case 'week':
      return date(day - (weekStart === 'monday' ? isoWeekday - 1 : isoWeekday % 7) * DAY);
    case 'month':
      return `${y}-${pad(m)}-01`;
    case 'quarter':
      return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case 'year':
      return `${y}-01-01`;
    case 'weekday':
      return isoWeekday;
    case 'hour_of_day':
      return Number(local.slice(11, 13));
  }
}

/** Local wall clock of a sale's timestamp, or its date at midnight for the date column. */
export function localOf(sale: Sale, column: 'sold_at' | 'sold_on', offsetHours: number): string | null {
  if (column === 'sold_on') return sale.sold_on === null ? null : `${sale.sold_on} 00:00:00`;
  return sale.sold_at === null ? null : wallClock(sale.sold_at, offsetHours);
}

type Key = string | number | null;

/** Ascending, NULL last: the order the engine promises for time buckets. */
export function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Rows per bucket of a time column, in bucket order. */
export function countsByBucket(
  column: 'sold_at' | 'sold_on',
  bucket: Bucket,
  offsetHours: number,
  weekStart: 'monday' | 'sunday' = 'monday',
  rows: readonly Sale[] = SALES,
): [Key, number][] {
  const counts = new Map<Key, number>();
  for (const sale of rows) {
    const local = localOf(sale, column, offsetHours);
    const key = local === null ? null : bucketOf(local, bucket, weekStart);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => compareKeys(a[0], b[0]));
}

export const count = (rows: readonly Sale[]) => rows.length;
export const sumOf = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
export const revenue = (rows: readonly Sale[]) => sumOf(rows.map((r) => r.amount));

export function avgOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? sumOf(present) / present.length : null;
}

/** Sales whose timestamp falls in [start, end) of local days, at a fixed offset. */
export function inPeriod(start: string, end: string, offsetHours = MOSCOW_OFFSET_HOURS, rows: readonly Sale[] = SALES): Sale[] {
  return rows.filter((r) => {
    const local = r.sold_at === null ? null : wallClock(r.sold_at, offsetHours).slice(0, 10);
    return local !== null && local >= start && local < end;
  });
}

/** Sales whose date column falls in [start, end). */
export function inDates(start: string, end: string, rows: readonly Sale[] = SALES): Sale[] {
  return rows.filter((r) => r.sold_on !== null && r.sold_on >= start && r.sold_on < end);
}

/** Groups sales and orders the groups as the engine does without a sort: first measure descending, then the key ascending, NULL last. */
export function groupRows(rows: readonly Sale[], key: (s: Sale) => Key, measures: ((group: Sale[]) => number | null)[]): unknown[][] {
  const groups = new Map<Key, Sale[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  const out = [...groups].map(([k, group]) => [k, ...measures.map((m) => m(group))]);
  return out.sort((a, b) => (b[1] as number) - (a[1] as number) || compareKeys(a[0] as Key, b[0] as Key));
}

/** delta and delta % as a reader expects them: % against the earlier value, none when that was 0. */
export function change(now: number, before: number): [number, number | null] {
  return [now - before, before === 0 ? null : (now - before) / Math.abs(before)];
}

/**
 * Europe/Berlin around its 2026 clock changes, for sales 907–915 (see the fixture's comments).
 * 29 March has 23 hours: 02:00–03:00 does not exist. 25 October has 25: 02:00–03:00 happens twice,
 * and both sales in it fall into one wall-clock hour.
 */
export const BERLIN_DST = {
  ids: [907, 915] as const,
  hour: [
    ['2026-03-29 00:00', 1],
    ['2026-03-29 01:00', 1],
    ['2026-03-29 03:00', 1],
    ['2026-03-30 00:00', 1],
    ['2026-10-25 00:00', 1],
    ['2026-10-25 02:00', 2],
    ['2026-10-25 23:00', 1],
    ['2026-10-26 00:00', 1],
  ],
  day: [
    ['2026-03-29', 3],
    ['2026-03-30', 1],
    ['2026-10-25', 4],
    ['2026-10-26', 1],
  ],
  hour_of_day: [
    [0, 4],
    [1, 1],
    [2, 2],
    [3, 1],
    [23, 1],
  ],
  weekday: [
    [1, 2],
    [7, 7],
  ],
  /** Period text → sales 907–915 inside it: the 23-hour day, the 25-hour day, and both. */
  periods: [
    ['2026-03-29', 3],
    ['2026-10-25', 4],
    ['2026-03-29..2026-03-30', 4],
    ['2026-10-25..2026-10-26', 5],
  ],
} as const;

/** Month, quarter and year of sales 901–906 in Moscow and in UTC (see the fixture's comments). */
export const ZONE_EDGES = {
  ids: [901, 906] as const,
  moscow: {
    month: ['2025-12-01', '2026-01-01', '2026-03-01', '2026-04-01', '2026-07-01', '2026-07-01'],
    quarter: ['2025-10-01', '2026-01-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-07-01'],
    year: ['2025-01-01', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01'],
  },
  utc: {
    month: ['2025-12-01', '2025-12-01', '2026-03-01', '2026-03-01', '2026-06-01', '2026-07-01'],
    quarter: ['2025-10-01', '2025-10-01', '2026-01-01', '2026-01-01', '2026-04-01', '2026-07-01'],
    year: ['2025-01-01', '2025-01-01', '2026-01-01', '2026-01-01', '2026-01-01', '2026-01-01'],
  },
} as const;
