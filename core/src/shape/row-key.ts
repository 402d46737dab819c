/** @module Keys that match rows of two result sets by their dimension values. */

import type { PlannedDimension } from '../query/query-plan.js';
import { addDays, addMonths, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from '../util/calendar-date.js';

export function rowKey(row: readonly unknown[], count: number): string {
  return JSON.stringify(row.slice(0, count));
}

function truncate(date: string, bucket: string, weekStart: 'monday' | 'sunday'): string {
  switch (bucket) {
    case 'week':
      return startOfWeek(date, weekStart);
    case 'month':
      return startOfMonth(date);
    case 'quarter':
      return startOfQuarter(date);
    case 'year':
      return startOfYear(date);
    default:
      return date;
  }
}

/**
 * Moves a time-bucket label of an earlier period forward by the period shift, so that "October
 * last year" lines up with "October this year". Cyclic parts (weekday, hour) stay as they are.
 */
export function shiftBucket(
  value: unknown,
  dim: PlannedDimension,
  shift: { unit: 'day' | 'month'; amount: number },
  weekStart: 'monday' | 'sunday',
): unknown {
  if (!dim.bucket || typeof value !== 'string' || dim.bucket === 'weekday' || dim.bucket === 'hour_of_day') return value;
  const date = value.slice(0, 10);
  const moved = shift.unit === 'day' ? addDays(date, shift.amount) : addMonths(date, shift.amount);
  return dim.bucket === 'hour' ? `${moved}${value.slice(10)}` : truncate(moved, dim.bucket, weekStart);
}
