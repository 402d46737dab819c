/**
 * @module Cells, axis ticks and instants as text for the viewer's locale. Numbers go through the
 * engine's own formatValue (same text as CSV/PDF); dates and time buckets are formatted here
 * because the browser shows them per grain (a month is "Nov 2026", a weekday is "Mon").
 */
import { formatValue } from '../../../i18n/format-value.js';
import type { ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from './chart-context.js';
import { numeric } from './column-roles.js';

type Column = Pick<ResultColumn, 'name' | 'type' | 'format' | 'labels'>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(ctx: Pick<ChartContext, 'locale'>, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${ctx.locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.locale === 'ru' ? 'ru-RU' : 'en-US', options);
    dateFormats.set(key, f);
  }
  return f;
}

/** The time bucket of a column named `dimension:bucket`, e.g. `time:month` → month. */
export function bucketOf(column: Pick<ResultColumn, 'name'>): string | undefined {
  const at = column.name.indexOf(':');
  return at < 0 ? undefined : column.name.slice(at + 1);
}

/** Result dates are calendar dates on the reporting clock: read and print them in UTC so no zone shifts them. */
function calendarDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return new Date(Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6)));
}

function formatDate(value: unknown, column: Column, ctx: ChartContext, short: boolean): string {
  const date = calendarDate(String(value));
  if (!date) return String(value);
  const utc = { timeZone: 'UTC' } as const;
  switch (bucketOf(column)) {
    case 'year':
      return String(date.getUTCFullYear());
    case 'quarter': {
      const q = Math.floor(date.getUTCMonth() / 3) + 1;
      return ctx.locale === 'ru' ? `${q} кв. ${date.getUTCFullYear()}` : `Q${q} ${date.getUTCFullYear()}`;
    }
    case 'month':
      return dateFormat(ctx, { ...utc, month: short ? 'short' : 'long', year: 'numeric' }).format(date);
    case 'hour':
      return dateFormat(ctx, { ...utc, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
    case 'day':
    case 'week':
      return dateFormat(ctx, short ? { ...utc, day: 'numeric', month: 'short' } : { ...utc, dateStyle: 'medium' }).format(date);
    default:
      return column.type === 'timestamp'
        ? dateFormat(ctx, { ...utc, dateStyle: 'medium', timeStyle: 'short' }).format(date)
        : dateFormat(ctx, { ...utc, dateStyle: 'medium' }).format(date);
  }
}

function formatPart(value: number, bucket: string, ctx: ChartContext, short: boolean): string {
  if (bucket === 'hour_of_day') return `${String(value).padStart(2, '0')}:00`;
  // 1 = Monday … 7 = Sunday; 2024-01-01 was a Monday.
  return dateFormat(ctx, { timeZone: 'UTC', weekday: short ? 'short' : 'long' }).format(new Date(Date.UTC(2024, 0, value)));
}

/** A cell as people read it: dimension labels, dates per grain, numbers per format and locale. */
export function formatCell(value: unknown, column: Column, ctx: ChartContext, short = false): string {
  if (value === null || value === undefined) return '—';
  const label = column.labels?.[String(value)];
  if (label !== undefined) return label;
  const bucket = bucketOf(column);
  if ((bucket === 'weekday' || bucket === 'hour_of_day') && typeof value === 'number') return formatPart(value, bucket, ctx, short);
  if (column.type === 'date' || column.type === 'timestamp' || column.format === 'date') return formatDate(value, column, ctx, short);
  // A BIGINT that reached JSON as a string (DuckDB) still prints as a number.
  if (typeof value === 'string' && (column.type === 'integer' || column.type === 'number') && numeric(value) !== null)
    value = numeric(value);
  return formatValue(value, column, ctx.currency ? { locale: ctx.locale, currency: ctx.currency } : { locale: ctx.locale });
}

const compact = new Map<string, Intl.NumberFormat>();

/** Axis ticks: short ("1.2M", "45%") so a phone-width axis stays readable. */
export function formatTick(value: number, column: Column | undefined, ctx: ChartContext): string {
  const style = column?.format === 'percent' ? 'percent' : column?.format === 'currency' ? 'currency' : 'decimal';
  const key = `${ctx.locale}|${style}|${ctx.currency ?? ''}`;
  let f = compact.get(key);
  if (!f) {
    f = new Intl.NumberFormat(ctx.locale === 'ru' ? 'ru-RU' : 'en-US', {
      notation: style === 'percent' ? 'standard' : 'compact',
      maximumFractionDigits: 1,
      style,
      ...(style === 'currency' ? { currency: ctx.currency ?? (ctx.locale === 'ru' ? 'RUB' : 'USD') } : {}),
    });
    compact.set(key, f);
  }
  if (column?.format === 'duration') return formatCell(value, column, ctx);
  return f.format(value);
}

/** An ISO instant ("data as of") in the reporting time zone. */
export function formatInstant(iso: string, ctx: ChartContext): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // en-GB, as the server writes it (render-dashboard's dateTimeText): "26 Nov 2026, 15:04" both before and after a refresh.
  const tag = ctx.locale === 'ru' ? 'ru-RU' : 'en-GB';
  try {
    return new Intl.DateTimeFormat(tag, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(ctx.timezone ? { timeZone: ctx.timezone } : {}),
    }).format(date);
  } catch {
    // An unknown zone name must not blank the header.
    return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
