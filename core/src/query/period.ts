/**
 * @module Period parameters: presets (this_month, last_30_days…) and custom ranges, resolved in
 * the reporting time zone to half-open [start, end) local dates and UTC instants.
 */
import { didYouMean, VitrinaError } from '../errors/index.js';
import {
  addDays,
  addMonths,
  daysBetween,
  parseDate,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from '../util/calendar-date.js';
import { instantOf, localDateOf } from '../util/time-zone.js';

export const PERIOD_PRESETS = [
  'today',
  'yesterday',
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'last_12_months',
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
type Unit = 'day' | 'month';

export interface ResolvedPeriod {
  /** What was asked for: a preset name or the custom text. */
  value: string;
  /** First local day, inclusive ('YYYY-MM-DD'). */
  start: string;
  /** First local day after the period, exclusive. */
  end: string;
  startInstant: Date;
  endInstant: Date;
  /** How the period steps back for "previous period": whole months for calendar periods, else days. */
  unit: Unit;
  length: number;
}

export interface PeriodContext {
  timezone: string;
  now: Date;
  weekStart?: 'monday' | 'sunday';
}

export const PERIOD_FORMS = 'a preset (today, this_month, last_30_days, …), YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY';

function make(value: string, start: string, end: string, unit: Unit, context: PeriodContext): ResolvedPeriod {
  const length = unit === 'day' ? daysBetween(start, end) : monthsBetween(start, end);
  return {
    value,
    start,
    end,
    startInstant: localMidnight(start, context.timezone),
    endInstant: localMidnight(end, context.timezone),
    unit,
    length,
  };
}

function monthsBetween(start: string, end: string): number {
  return (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7));
}

// Intl lookups cost tens of microseconds each and every request asks for the same few midnights.
const midnights = new Map<string, Date>();

export function localMidnight(date: string, timezone: string): Date {
  const key = `${timezone}|${date}`;
  let instant = midnights.get(key);
  if (!instant) {
    const p = parseDate(date);
    if (!p) throw new Error(`not a date: ${date}`);
    instant = instantOf(p.year, p.month, p.day, 0, timezone);
    if (midnights.size > 10_000) midnights.clear();
    midnights.set(key, instant);
  }
  return new Date(instant.getTime());
}

function presetRange(preset: PeriodPreset, today: string, weekStart: 'monday' | 'sunday'): [string, string, Unit] {
  const week = startOfWeek(today, weekStart);
  const month = startOfMonth(today);
  const quarter = startOfQuarter(today);
  const year = startOfYear(today);
  switch (preset) {
    case 'today':
      return [today, addDays(today, 1), 'day'];
    case 'yesterday':
      return [addDays(today, -1), today, 'day'];
    case 'this_week':
      return [week, addDays(week, 7), 'day'];
    case 'last_week':
      return [addDays(week, -7), week, 'day'];
    case 'this_month':
      return [month, addMonths(month, 1), 'month'];
    case 'last_month':
      return [addMonths(month, -1), month, 'month'];
    case 'this_quarter':
      return [quarter, addMonths(quarter, 3), 'month'];
    case 'last_quarter':
      return [addMonths(quarter, -3), quarter, 'month'];
    case 'this_year':
      return [year, addMonths(year, 12), 'month'];
    case 'last_year':
      return [addMonths(year, -12), year, 'month'];
    case 'last_7_days':
      return [addDays(today, -6), addDays(today, 1), 'day'];
    case 'last_30_days':
      return [addDays(today, -29), addDays(today, 1), 'day'];
    case 'last_90_days':
      return [addDays(today, -89), addDays(today, 1), 'day'];
    case 'last_12_months':
      return [addMonths(month, -11), addMonths(month, 1), 'month'];
  }
}

function customRange(text: string): [string, string, Unit] | undefined {
  let m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m) {
    const [from, to] = [m[1] as string, m[2] as string];
    if (!parseDate(from) || !parseDate(to) || to < from) return undefined;
    const end = addDays(to, 1);
    const wholeMonths = from.endsWith('-01') && end.endsWith('-01');
    return [from, end, wholeMonths ? 'month' : 'day'];
  }
  if (parseDate(text)) return [text, addDays(text, 1), 'day'];
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return [`${text}-01`, addMonths(`${text}-01`, 1), 'month'];
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const start = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return [start, addMonths(start, 3), 'month'];
  }
  if (/^\d{4}$/.test(text)) return [`${text}-01-01`, `${Number(text) + 1}-01-01`, 'month'];
  return undefined;
}

/** Resolves a period text; throws PERIOD_INVALID with a hint for anything else. */
export function resolvePeriod(text: string, context: PeriodContext): ResolvedPeriod {
  const trimmed = text.trim();
  const today = localDateOf(context.now, context.timezone);
  if ((PERIOD_PRESETS as readonly string[]).includes(trimmed)) {
    const [start, end, unit] = presetRange(trimmed as PeriodPreset, today, context.weekStart ?? 'monday');
    return make(trimmed, start, end, unit, context);
  }
  const custom = customRange(trimmed);
  if (custom) return make(trimmed, custom[0], custom[1], custom[2], context);
  const near = didYouMean(trimmed, PERIOD_PRESETS as unknown as string[], 'presets:');
  throw new VitrinaError('PERIOD_INVALID', `'${text}' is not a period`, {
    hint: near.startsWith('did you mean') ? near : `write ${PERIOD_FORMS}`,
  });
}

export function isValidPeriodText(text: string): boolean {
  return (PERIOD_PRESETS as readonly string[]).includes(text.trim()) || customRange(text.trim()) !== undefined;
}

function shift(date: string, unit: Unit, amount: number): string {
  return unit === 'day' ? addDays(date, amount) : addMonths(date, amount);
}

/** The period of the same length right before this one (the previous month for "this_month"). */
export function previousPeriod(period: ResolvedPeriod, context: PeriodContext): ResolvedPeriod {
  const start = shift(period.start, period.unit, -period.length);
  const end = shift(period.end, period.unit, -period.length);
  return make(`previous(${period.value})`, start, end, period.unit, context);
}

/** The same dates one year earlier. */
export function previousYear(period: ResolvedPeriod, context: PeriodContext): ResolvedPeriod {
  return make(`previous_year(${period.value})`, addMonths(period.start, -12), addMonths(period.end, -12), period.unit, context);
}

/** Share of the period already elapsed at `now` (0–1), for run-rate projections. */
export function elapsedShare(period: ResolvedPeriod, now: Date): number {
  const total = period.endInstant.getTime() - period.startInstant.getTime();
  const done = Math.min(Math.max(now.getTime() - period.startInstant.getTime(), 0), total);
  return total > 0 ? done / total : 1;
}
