/** CSV for office programs: BOM, delimiter and decimal separator by locale, labels, formula injection defused. */
import { describe, expect, it } from 'vitest';
import type { ResultSet } from '../../result/result-set.js';
import { csvChunks } from './write-csv.js';

const result: ResultSet = {
  columns: [
    { name: 'd0', type: 'string', role: 'dimension', label: 'Менеджер', labels: { '7': 'Иванов; Пётр' } },
    { name: 'm0', type: 'number', role: 'measure', format: 'currency', label: 'Выручка' },
    { name: 'm1', type: 'date', label: 'Day' },
  ],
  rows: [
    ['7', 1234.5, '2026-03-01'],
    ['=HYPERLINK("http://x","click")', -5, null],
    ['+1 555', 0.25, '2026-03-02'],
    ['@SUM(A1)', null, '2026-03-03'],
    ['line\nbreak "quoted"', 3, '2026-03-04'],
  ],
};

const csv = (options: Parameters<typeof csvChunks>[1]) => [...csvChunks(result, options)].join('');

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and headings in the viewer language', () => {
    const text = csv({ locale: 'ru' });
    expect(text.startsWith('\uFEFFМенеджер;Выручка;Day\r\n')).toBe(true);
  });

  it('uses ; and a decimal comma for Russian, , and a point for English', () => {
    expect(csv({ locale: 'ru' }).split('\r\n')[1]).toBe('"Иванов; Пётр";1234,5;2026-03-01');
    expect(csv({ locale: 'en' }).split('\r\n')[1]).toBe('Иванов; Пётр,1234.5,2026-03-01');
  });

  it('keeps a point as decimal separator when the delimiter is forced to a comma', () => {
    expect(csv({ locale: 'ru', delimiter: ',' }).split('\r\n')[1]).toBe('Иванов; Пётр,1234.5,2026-03-01');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    const lines = csv({ locale: 'en' }).split('\r\n');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""click"")",-5,`);
    expect(lines[3]).toBe(`'+1 555,0.25,2026-03-02`);
    expect(lines[4]).toBe(`'@SUM(A1),,2026-03-03`);
  });

  it('quotes line breaks and quotes', () => {
    expect(csv({ locale: 'en' })).toContain('"line\nbreak ""quoted""",3,2026-03-04\r\n');
  });

  it('streams in chunks of rows', () => {
    const chunks = [...csvChunks(result, { locale: 'en', chunkRows: 2 })];
    expect(chunks).toHaveLength(1 + 3);
  });

  it('can leave the BOM out', () => {
    expect(csv({ locale: 'en', bom: false }).startsWith('Менеджер')).toBe(true);
  });
});
