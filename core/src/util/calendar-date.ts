/** @module Arithmetic on calendar dates written 'YYYY-MM-DD' (no time, no zone). */

export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function formatDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
}

function toUtc(text: string): Date {
  const p = parseDate(text);
  if (!p) throw new Error(`not a date: ${text}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

export function addDays(text: string, days: number): string {
  const d = toUtc(text);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(text: string, months: number): string {
  const p = parseDate(text);
  if (!p) throw new Error(`not a date: ${text}`);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatDate(year, month, Math.min(p.day, last));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(text: string): number {
  return ((toUtc(text).getUTCDay() + 6) % 7) + 1;
}

export function startOfMonth(text: string): string {
  return `${text.slice(0, 7)}-01`;
}

export function startOfQuarter(text: string): string {
  const month = Number(text.slice(5, 7));
  return `${text.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

export function startOfYear(text: string): string {
  return `${text.slice(0, 4)}-01-01`;
}

export function startOfWeek(text: string, weekStart: 'monday' | 'sunday' = 'monday'): string {
  const weekday = weekdayOf(text);
  return addDays(text, weekStart === 'monday' ? -(weekday - 1) : -(weekday % 7));
}
