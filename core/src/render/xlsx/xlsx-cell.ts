/** @module One result value as an Excel cell value: numbers stay numbers, dates become dates. */
import type { ResultColumn } from '../../result/result-set.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Excel has no time zone: the wall-clock time of the reporting zone is written as UTC so it shows unchanged. */
function wallClockDate(text: string): Date | string {
  const m = DATE.exec(text);
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

export function xlsxCell(
  value: unknown,
  column: Pick<ResultColumn, 'type' | 'format' | 'labels'>,
): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  const label = column.labels?.[String(value)];
  if (label !== undefined) return label;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return column.format === 'duration' ? value / 86_400 : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && (column.type === 'date' || column.type === 'timestamp')) return wallClockDate(value);
  return String(value);
}

/** Display width of a value in characters, for fitting columns. */
export function cellWidth(value: unknown): number {
  if (value instanceof Date) return 16;
  if (typeof value === 'number') return Math.min(String(Math.round(value)).length + 5, 20);
  return value === null || value === undefined ? 0 : String(value).length;
}
