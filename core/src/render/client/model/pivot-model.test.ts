import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { pivotModel } from './pivot-model.js';

describe('pivotModel', () => {
  it('adds row and column totals over counts', () => {
    const result: PanelResult = {
      id: 'p',
      columns: [
        { name: 'segment', type: 'string', role: 'dimension' },
        { name: 'Moscow', type: 'integer', role: 'measure' },
        { name: 'Kazan', type: 'integer', role: 'measure' },
      ],
      rows: [
        ['small', 3, 4],
        ['key', 1, null],
      ],
    };
    const m = pivotModel(result);
    expect(m.headerRows).toEqual([
      [
        { text: 'Moscow', span: 1, column: 1 },
        { text: 'Kazan', span: 1, column: 2 },
      ],
    ]);
    expect(m.rowTotals).toEqual([7, 1]);
    expect(m.columnTotals).toEqual([4, 4, 8]);
  });
  it('groups "value · measure" columns under two header rows and never adds measures together', () => {
    const result: PanelResult = {
      id: 'p',
      columns: [
        { name: 'category', type: 'string', role: 'dimension' },
        { name: 'email · complaints', type: 'integer', role: 'measure' },
        { name: 'email · unresolved', type: 'integer', role: 'measure' },
        { name: 'web · complaints', type: 'integer', role: 'measure' },
      ],
      rows: [
        ['a', 1, 0, 2],
        ['b', 3, 1, 4],
      ],
    };
    const m = pivotModel(result);
    expect(m.headerRows[0]).toEqual([
      { text: 'email', span: 2 },
      { text: 'web', span: 1 },
    ]);
    expect(m.headerRows[1]?.map((c) => c.text)).toEqual(['complaints', 'unresolved', 'complaints']);
    expect(m.rowTotals).toBeNull();
    expect(m.columnTotals).toEqual([4, 1, 6]);
  });
  it('does not total averages or shares', () => {
    const result: PanelResult = {
      id: 'p',
      columns: [
        { name: 'd', type: 'string', role: 'dimension' },
        { name: 'x', type: 'number', role: 'measure' },
      ],
      rows: [
        ['a', 0.5],
        ['b', 0.7],
      ],
    };
    expect(pivotModel(result).columnTotals).toBeNull();
  });
});
