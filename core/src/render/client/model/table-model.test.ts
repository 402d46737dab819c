import { describe, expect, it } from 'vitest';
import { nextSort, paginate, sortRows } from './table-model.js';

const rows = [
  ['Б', 2],
  ['а', null],
  ['В', 10],
  ['Other', 100],
];

describe('sortRows', () => {
  it('sorts numbers as numbers, nulls last, and keeps "Other" at the bottom', () => {
    expect(sortRows(rows, { column: 1, direction: 'desc' }, 'ru', true).map((r) => r[0])).toEqual(['В', 'Б', 'а', 'Other']);
    expect(sortRows(rows, { column: 1, direction: 'asc' }, 'ru', true).map((r) => r[0])).toEqual(['Б', 'В', 'а', 'Other']);
  });
  it('sorts text by the locale, case-insensitively', () => {
    expect(sortRows(rows.slice(0, 3), { column: 0, direction: 'asc' }, 'ru').map((r) => r[0])).toEqual(['а', 'Б', 'В']);
  });
  it('leaves the engine order alone until asked', () => {
    expect(sortRows(rows, null, 'en')).toBe(rows);
  });
});

describe('nextSort', () => {
  it('starts numbers descending, text ascending, then flips', () => {
    expect(nextSort(null, 1, true)).toEqual({ column: 1, direction: 'desc' });
    expect(nextSort(null, 0, false)).toEqual({ column: 0, direction: 'asc' });
    expect(nextSort({ column: 1, direction: 'desc' }, 1, true)).toEqual({ column: 1, direction: 'asc' });
  });
});

describe('paginate', () => {
  it('pages and clamps', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    expect(paginate(list, 3, 20)).toMatchObject({ page: 3, pages: 3, first: 41, last: 45, rows: [40, 41, 42, 43, 44] });
    expect(paginate(list, 9, 20).page).toBe(3);
    expect(paginate([], 1, 20)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0 });
  });
});
