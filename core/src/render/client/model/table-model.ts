/**
 * @module Table behaviour without the DOM: sorting by a column (nulls last, numbers as numbers,
 * text by the locale's collation) with the "Other" row kept at the bottom, and pagination.
 */
import type { Locale } from '../../../i18n/messages.js';
import { numeric } from './column-roles.js';

export interface SortState {
  column: number;
  direction: 'asc' | 'desc';
}

export function sortRows(rows: unknown[][], sort: SortState | null, locale: Locale, otherRow = false): unknown[][] {
  if (!sort) return rows;
  const tail = otherRow && rows.length ? rows.slice(-1) : [];
  const body = otherRow ? rows.slice(0, -1) : rows.slice();
  const collator = new Intl.Collator(locale === 'ru' ? 'ru-RU' : 'en-US', { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'asc' ? 1 : -1;
  body.sort((a, b) => {
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const nx = numeric(x);
    const ny = numeric(y);
    if (nx !== null && ny !== null) return (nx - ny) * sign;
    return collator.compare(String(x), String(y)) * sign;
  });
  return [...body, ...tail];
}

/** Click on a header: first descending for numbers (largest first is what people look for), then flip. */
export function nextSort(current: SortState | null, column: number, numericColumn: boolean): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: numericColumn ? 'desc' : 'asc' };
}

export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  first: number;
  last: number;
}

export function paginate<T>(rows: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / Math.max(1, size)));
  const at = Math.min(Math.max(1, page), pages);
  const start = (at - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: at, pages, first: slice.length ? start + 1 : 0, last: start + slice.length };
}
