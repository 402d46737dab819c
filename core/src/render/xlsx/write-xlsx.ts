/**
 * @module Panels as an Excel workbook: a cover sheet with the report, its parameters and the
 * time, then one sheet per panel with typed cells, number formats, a bold frozen header row, an
 * auto-filter and fitted column widths. Written with exceljs's streaming writer, row by row.
 */
import type { Writable } from 'node:stream';
import type { ResultSet } from '../../result/result-set.js';
import { cellWidth, xlsxCell } from './xlsx-cell.js';
import { xlsxNumberFormat } from './xlsx-number-format.js';

export interface XlsxSheet {
  title: string;
  result: ResultSet;
}

export interface XlsxCover {
  title: string;
  /** Label → value as the viewer saw them ("Period" → "1–31 March 2026"). */
  parameters: [string, string][];
  generatedAt: string;
  labels: { parameter: string; value: string; generated: string };
}

export interface XlsxOptions {
  currency: string;
  cover?: XlsxCover;
}

/** Excel refuses sheet names over 31 characters, with []:*?/\ or repeated. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Widths from the heading and the first rows: the streaming writer needs them before any row. */
function widths(result: ResultSet): number[] {
  return result.columns.map((column, i) => {
    let width = (column.label ?? column.name).length;
    for (const row of result.rows.slice(0, 500)) width = Math.max(width, cellWidth(xlsxCell(row[i], column)));
    return Math.min(Math.max(width + 2, 8), 60);
  });
}

export async function writeXlsx(stream: Writable, sheets: XlsxSheet[], options: XlsxOptions): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const taken = new Set<string>();
  if (options.cover) {
    const { cover } = options;
    const sheet = workbook.addWorksheet(sheetName(cover.title, taken));
    sheet.columns = [{ width: 28 }, { width: 60 }];
    const title = sheet.addRow([cover.title]);
    title.font = { bold: true, size: 16 };
    title.commit();
    sheet.addRow([]).commit();
    for (const [label, value] of cover.parameters) sheet.addRow([label, value]).commit();
    sheet.addRow([cover.labels.generated, cover.generatedAt]).commit();
    sheet.commit();
  }
  for (const { title, result } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const fitted = widths(result);
    sheet.columns = result.columns.map((column, i) => ({
      header: column.label ?? column.name,
      key: column.name,
      width: fitted[i],
      style: { numFmt: xlsxNumberFormat(column, options.currency) },
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(result.columns.length, 1) } };
    for (const row of result.rows) sheet.addRow(result.columns.map((column, i) => xlsxCell(row[i], column))).commit();
    sheet.commit();
  }
  await workbook.commit();
}
