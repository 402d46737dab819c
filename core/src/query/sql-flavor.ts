/**
 * @module What differs between the SQL dialects the compiler writes: time buckets in the reporting
 * time zone, casts, and how instants and booleans are bound. Everything else is plain SQL that
 * Kysely compiles for the source's dialect.
 */
import { type RawBuilder, sql } from 'kysely';
import type { SqlFlavor } from '../connector/connector-types.js';
import type { TimeColumnType } from '../definition/report-definition.js';
import type { TimeBucket } from './time-grain.js';

export interface FlavorOptions {
  timezone: string;
  weekStart: 'monday' | 'sunday';
}

export interface SqlFlavorRules {
  name: SqlFlavor;
  /** A real-number cast, so that integer counts divide as decimals. */
  toDouble(expr: RawBuilder<unknown>): RawBuilder<unknown>;
  /** The bucket label of a time column: 'YYYY-MM-DD' (start of the bucket), 'YYYY-MM-DD HH:00', or an integer part. */
  bucket(column: RawBuilder<unknown>, bucket: TimeBucket, columnType: TimeColumnType, options: FlavorOptions): RawBuilder<unknown>;
  /** Time from one timestamp to another, in seconds (the caller scales to the unit). */
  secondsBetween(from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Whole days from a date or timestamp to `today` ('YYYY-MM-DD', bound). */
  daysSince(column: RawBuilder<unknown>, today: string): RawBuilder<unknown>;
  /** An instant as 'YYYY-MM-DD HH:MM:SS' on the reporting zone's clock. */
  wallClock(expr: RawBuilder<unknown>, timezone: string): RawBuilder<unknown>;
  /** A date (or the date part of a value) as 'YYYY-MM-DD'. */
  dateText(expr: RawBuilder<unknown>): RawBuilder<unknown>;
  /** How an instant is bound when compared with a timestamp column. */
  instant(date: Date): unknown;
  /** How a scalar from a definition or a request is bound. */
  value(value: unknown): unknown;
}

function sqliteTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * SQLite has no time zones: timestamps are stored as UTC text and shifted to the reporting zone
 * by `vitrina_local_time(ts, zone)`, which the SQLite connector registers (DST-correct, via Intl).
 * In UTC no function call is needed, so the common case stays fully native.
 */
const sqlite: SqlFlavorRules = {
  name: 'sqlite',
  toDouble: (expr) => sql`cast(${expr} as real)`,
  bucket(column, bucket, columnType, { timezone, weekStart }) {
    const local = columnType === 'timestamp' && timezone !== 'UTC' ? sql`vitrina_local_time(${column}, ${timezone})` : column;
    switch (bucket) {
      case 'hour':
        return sql`strftime('%Y-%m-%d %H:00', ${local})`;
      case 'day':
        return sql`date(${local})`;
      case 'week':
        return weekStart === 'monday' ? sql`date(${local}, 'weekday 0', '-6 days')` : sql`date(${local}, '+1 day', 'weekday 0', '-7 days')`;
      case 'month':
        return sql`strftime('%Y-%m-01', ${local})`;
      case 'quarter':
        return sql`(strftime('%Y-', ${local}) || printf('%02d', ((cast(strftime('%m', ${local}) as integer) - 1) / 3) * 3 + 1) || '-01')`;
      case 'year':
        return sql`strftime('%Y-01-01', ${local})`;
      case 'weekday':
        return sql`((cast(strftime('%w', ${local}) as integer) + 6) % 7 + 1)`;
      case 'hour_of_day':
        return sql`cast(strftime('%H', ${local}) as integer)`;
    }
  },
  secondsBetween: (from, to) => sql`((julianday(${to}) - julianday(${from})) * 86400.0)`,
  wallClock: (expr, timezone) =>
    timezone === 'UTC' ? sql`strftime('%Y-%m-%d %H:%M:%S', ${expr})` : sql`vitrina_local_time(${expr}, ${timezone})`,
  dateText: (expr) => sql`date(${expr})`,
  daysSince: (column, today) => sql`cast(julianday(${today}) - julianday(date(${column})) as integer)`,
  instant: sqliteTimestamp,
  value: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value),
};

/** PostgreSQL and DuckDB share date_trunc and AT TIME ZONE; they differ in formatting functions. */
function pgLike(
  name: SqlFlavor,
  text: (expr: RawBuilder<unknown>, pattern: 'date' | 'timestamp') => RawBuilder<unknown>,
  secondsBetween: SqlFlavorRules['secondsBetween'],
  daysSince: SqlFlavorRules['daysSince'],
  format: (expr: RawBuilder<unknown>, pattern: 'day' | 'hour') => RawBuilder<unknown>,
  toDouble: string,
  utcClock?: (instant: RawBuilder<unknown>) => RawBuilder<unknown>,
): SqlFlavorRules {
  // An instant on the reporting zone's clock; in UTC a flavour may have a cheaper form than AT TIME ZONE.
  const clock = (expr: RawBuilder<unknown>, timezone: string) =>
    timezone === 'UTC' && utcClock
      ? utcClock(sql`cast(${expr} as timestamptz)`)
      : sql`(cast(${expr} as timestamptz) at time zone ${sql.lit(timezone)})`;
  return {
    name,
    wallClock: (expr, timezone) => text(clock(expr, timezone), 'timestamp'),
    dateText: (expr) => text(sql`cast(${expr} as date)`, 'date'),
    secondsBetween,
    daysSince,
    toDouble: (expr) => sql`cast(${expr} as ${sql.raw(toDouble)})`,
    bucket(column, bucket, columnType, { timezone, weekStart }) {
      const local = columnType === 'timestamp' ? clock(column, timezone) : sql`cast(${column} as timestamp)`;
      switch (bucket) {
        case 'hour':
          return format(sql`date_trunc('hour', ${local})`, 'hour');
        case 'week':
          return weekStart === 'monday'
            ? format(sql`date_trunc('week', ${local})`, 'day')
            : format(sql`(date_trunc('week', ${local} + interval '1 day') - interval '1 day')`, 'day');
        case 'weekday':
          return sql`cast(extract(isodow from ${local}) as integer)`;
        case 'hour_of_day':
          return sql`cast(extract(hour from ${local}) as integer)`;
        default:
          return format(sql`date_trunc(${sql.lit(bucket)}, ${local})`, 'day');
      }
    },
    instant: (date) => date.toISOString(),
    value: (value) => value,
  };
}

const postgres = pgLike(
  'postgres',
  (expr, p) => (p === 'date' ? sql`to_char(${expr}, 'YYYY-MM-DD')` : sql`to_char(${expr}, 'YYYY-MM-DD HH24:MI:SS')`),
  (from, to) => sql`extract(epoch from (cast(${to} as timestamptz) - cast(${from} as timestamptz)))`,
  (column, today) => sql`(cast(${today} as date) - cast(${column} as date))`,
  (expr, p) => (p === 'day' ? sql`to_char(${expr}, 'YYYY-MM-DD')` : sql`to_char(${expr}, 'YYYY-MM-DD HH24:00')`),
  'double precision',
);
const duckdb = pgLike(
  'duckdb',
  (expr, p) => (p === 'date' ? sql`strftime(${expr}, '%Y-%m-%d')` : sql`strftime(${expr}, '%Y-%m-%d %H:%M:%S')`),
  (from, to) => sql`(epoch(cast(${to} as timestamp)) - epoch(cast(${from} as timestamp)))`,
  (column, today) => sql`date_diff('day', cast(${column} as date), cast(${today} as date))`,
  (expr, p) => (p === 'day' ? sql`strftime(${expr}, '%Y-%m-%d')` : sql`strftime(${expr}, '%Y-%m-%d %H:00')`),
  'double',
  // The UTC clock from the instant's microseconds: AT TIME ZONE goes through ICU's calendar per row,
  // which made a month bucket over 1M calls 3-4x slower than the group-by itself.
  (instant) => sql`make_timestamp(epoch_us(${instant}))`,
);

const FLAVORS: Record<SqlFlavor, SqlFlavorRules> = { sqlite, postgres, duckdb };

export function flavorRules(flavor: SqlFlavor): SqlFlavorRules {
  return FLAVORS[flavor];
}
