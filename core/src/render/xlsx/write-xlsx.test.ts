/** XLSX export read back with exceljs: typed cells, number formats, frozen bold header, auto-filter, cover sheet. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultSet } from '../../result/result-set.js';
import { sheetName, writeXlsx } from './write-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const revenue: ResultSet = {
  columns: [
    { name: 'd0', type: 'string', role: 'dimension', label: 'Отдел', labels: { '1': 'Москва' } },
    { name: 'm0', type: 'number', role: 'measure', format: 'currency', label: 'Выручка' },
    { name: 'm1', type: 'number', role: 'measure', format: 'percent', label: '% плана' },
    { name: 'm2', type: 'date', label: 'Дата' },
    { name: 'm3', type: 'integer', format: 'duration', label: 'Разговор' },
  ],
  rows: [
    ['1', 1_250_000, 0.875, '2026-03-01', 3_725],
    ['=cmd|calc', null, null, null, null],
  ],
};

async function written(): Promise<ExcelJS.Workbook> {
  const file = join(dir, 'report.xlsx');
  const out = createWriteStream(file);
  await writeXlsx(out, [{ title: 'Выручка по отделам', result: revenue }], {
    currency: 'RUB',
    cover: {
      title: 'Обзор',
      parameters: [['Период', 'март 2026']],
      generatedAt: '2026-03-31 10:00',
      labels: { parameter: 'Параметр', value: 'Значение', generated: 'Сформирован' },
    },
  });
  await finished(out);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('XLSX export', () => {
  it('writes a cover sheet with the parameters, then one sheet per panel', async () => {
    const book = await written();
    expect(book.worksheets.map((s) => s.name)).toEqual(['Обзор', 'Выручка по отделам']);
    const cover = book.worksheets[0] as ExcelJS.Worksheet;
    expect(cover.getCell('A1').value).toBe('Обзор');
    expect(cover.getRow(3).values).toEqual([undefined, 'Период', 'март 2026']);
  });

  it('keeps numbers and dates typed, with formats, labels and a bold frozen header with a filter', async () => {
    const sheet = (await written()).worksheets[1] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Отдел', 'Выручка', '% плана', 'Дата', 'Разговор']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('A2').value).toBe('Москва');
    expect(sheet.getCell('B2').value).toBe(1_250_000);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0 "₽"');
    expect(sheet.getCell('C2').value).toBe(0.875);
    expect(sheet.getCell('C2').numFmt).toBe('0.0%');
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    // 3,725 s is stored as a fraction of a day with a time format; exceljs reads it back as a time
    // on Excel's epoch: 1 h 2 min 5 s.
    expect(sheet.getCell('E2').value).toEqual(new Date(Date.UTC(1899, 11, 30, 1, 2, 5)));
    expect(sheet.getCell('E2').numFmt).toBe('[h]:mm:ss');
    // Text stays text: an XLSX string cell is never evaluated as a formula.
    expect(sheet.getCell('A3').value).toBe('=cmd|calc');
    expect(sheet.getCell('A3').formula).toBeUndefined();
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(9);
  });

  it('makes sheet names Excel accepts: short, without forbidden characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Calls: plan/fact [2026]?', taken)).toBe('Calls  plan fact  2026');
    expect(sheetName('A very long panel title that Excel would refuse', taken)).toHaveLength(31);
    expect(sheetName('calls  plan fact  2026', taken)).toBe('calls  plan fact  2026 2');
  });
});
