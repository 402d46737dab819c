/** @module Time grains and parts a time dimension can be grouped by, and `name:grain` references. */

export const TIME_GRAINS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
/** Parts are cyclic: they group by weekday (1 = Monday … 7 = Sunday) or hour of day (0–23). */
export const TIME_PARTS = ['weekday', 'hour_of_day'] as const;

export type TimeGrain = (typeof TIME_GRAINS)[number];
export type TimePart = (typeof TIME_PARTS)[number];
export type TimeBucket = TimeGrain | TimePart;

export const TIME_BUCKETS: readonly TimeBucket[] = [...TIME_GRAINS, ...TIME_PARTS];

export function isTimeGrain(value: string): value is TimeGrain {
  return (TIME_GRAINS as readonly string[]).includes(value);
}

export function isTimeBucket(value: string): value is TimeBucket {
  return (TIME_BUCKETS as readonly string[]).includes(value);
}

/** `time:month` → { name: 'time', bucket: 'month' }; `region` → { name: 'region' }. */
export function parseDimensionRef(ref: string): { name: string; bucket?: string } {
  const at = ref.indexOf(':');
  if (at < 0) return { name: ref };
  return { name: ref.slice(0, at), bucket: ref.slice(at + 1) };
}

/** The implicit dimension over the dataset's `time` column. */
export const TIME_DIMENSION = 'time';
