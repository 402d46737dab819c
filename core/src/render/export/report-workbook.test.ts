/** A rendered report as a workbook: cover with the parameters as the viewer saw them, a sheet per panel, failed panels said so. */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../../definition/report-definition.js';
import type { ReportOutput } from '../../engine/report-engine.js';
import { parameterLines } from './parameter-lines.js';
import { writeReportWorkbook } from './report-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const def = {
  id: 'sales',
  title: 'Sales',
  datasets: {},
  panels: [],
  parameters: [
    { id: 'period', type: 'period', label: { en: 'Period', ru: 'Период' } },
    { id: 'region', type: 'select', multiple: true },
  ],
} as unknown as ReportDefinition;

const output: ReportOutput = {
  report: 'sales',
  title: 'Продажи',
  locale: 'ru',
  parameters: { period: { value: 'last_month', start: '2026-10-01', end: '2026-11-01' }, region: ['Север', 'Юг'] },
  panels: [
    { id: 'revenue', title: 'Выручка', columns: [{ name: 'm0', type: 'number', format: 'currency', label: 'Выручка' }], rows: [[42]] },
    {
      id: 'calls',
      title: 'Звонки',
      error: { code: 'SOURCE_UNAVAILABLE', message: "source 'pbx' is unavailable", hint: 'run vitrina ingest pbx' },
    },
  ],
};

describe('report workbook', () => {
  it('describes the parameters with their resolved ranges', () => {
    expect(parameterLines(def, output.parameters, 'ru')).toEqual([
      ['Период', '2026-10-01 – 2026-10-31 (last_month)'],
      ['region', 'Север, Юг'],
    ]);
  });

  it('writes a cover sheet and one sheet per panel, with the failure spelled out', async () => {
    const file = join(dir, 'sales.xlsx');
    const out = createWriteStream(file);
    await writeReportWorkbook(out, output, {
      currency: 'RUB',
      parameters: parameterLines(def, output.parameters, 'ru'),
      generatedAt: '2026-11-26 10:00',
      labels: { parameter: 'Параметр', value: 'Значение', generated: 'Сформирован', error: 'Ошибка' },
    });
    await finished(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Продажи', 'Выручка', 'Звонки']);
    expect(book.getWorksheet('Выручка')?.getCell('A2').value).toBe(42);
    expect(book.getWorksheet('Звонки')?.getCell('A2').value).toBe("source 'pbx' is unavailable — run vitrina ingest pbx");
    expect(book.getWorksheet('Продажи')?.getCell('B3').value).toBe('2026-10-01 – 2026-10-31 (last_month)');
  });
});
