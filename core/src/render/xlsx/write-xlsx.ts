/**
 * @module Panels as an Excel workbook: a cover sheet with the report, its parameters and the
 * time, then one sheet per panel with typed cells, number formats, a bold frozen header row, an
 * auto-filter and fitted column widths. Written with exceljs's streaming writer, a batch of rows
 * at a time as the rows arrive, waiting for the file or the client to take the bytes: memory
 * stays flat however many rows a sheet has.
 */
import type { Writable } from 'node:stream';
import type { ResultColumn, ResultSet } from '../../result/result-set.js';
import { drained, zipBacklog } from './xlsx-backpressure.js';
import { cellWidth, xlsxCell } from './xlsx-cell.js';
import { xlsxNumberFormat } from './xlsx-number-format.js';

/** A sheet's rows in batches, read once and lazily (a streamed panel), in `columns` order. */
export interface XlsxRowsSheet {
  title: string;
  columns: ResultColumn[];
  batches: Iterable<readonly unknown[][]> | AsyncIterable<readonly unknown[][]>;
}

/** A sheet whose rows are already in memory (a chart's, a KPI's: small). */
export interface XlsxResultSheet {
  title: string;
  result: ResultSet;
}

export type XlsxSheet = XlsxRowsSheet | XlsxResultSheet;

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

/** Rows looked at to fit column widths. */
const FIT_ROWS = 500;

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

/**
 * Widths from the heading and the first batch only: the streaming writer writes the column
 * widths before the first row and cannot go back, and measuring every row first would mean
 * holding them all. A longer value further down is shown cut, as Excel does with any column.
 */
function widths(columns: ResultColumn[], first: readonly unknown[][]): number[] {
  const sample = first.slice(0, FIT_ROWS);
  return columns.map((column, i) => {
    let width = (column.label ?? column.name).length;
    for (const row of sample) width = Math.max(width, cellWidth(xlsxCell(row[i], column)));
    return Math.min(Math.max(width + 2, 8), 60);
  });
}

function rowsSheet(sheet: XlsxSheet): XlsxRowsSheet {
  return 'result' in sheet ? { title: sheet.title, columns: sheet.result.columns, batches: [sheet.result.rows] } : sheet;
}

type Batches = AsyncIterator<readonly unknown[][]> | Iterator<readonly unknown[][]>;

function iterate(batches: XlsxRowsSheet['batches']): Batches {
  return Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
}

/** The first non-empty batch (or none), so widths fit real rows. */
async function firstBatch(iterator: Batches): Promise<readonly unknown[][]> {
  for (;;) {
    const next = await iterator.next();
    if (next.done) return [];
    if (next.value.length) return next.value;
  }
}

export async function writeXlsx(
  stream: Writable,
  sheets: Iterable<XlsxSheet> | AsyncIterable<XlsxSheet>,
  options: XlsxOptions,
): Promise<void> {
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
  for await (const given of sheets) {
    const { title, columns, batches } = rowsSheet(given);
    const iterator = iterate(batches);
    try {
      const first = await firstBatch(iterator);
      const fitted = widths(columns, first);
      const sheet = workbook.addWorksheet(sheetName(title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((column, i) => ({
        header: column.label ?? column.name,
        key: column.name,
        width: fitted[i],
        style: { numFmt: xlsxNumberFormat(column, options.currency) },
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(columns.length, 1) } };
      const width = columns.length;
      let batch = first;
      while (batch.length) {
        for (const row of batch) {
          const cells = new Array(width);
          for (let i = 0; i < width; i++) cells[i] = xlsxCell(row[i], columns[i] as ResultColumn);
          sheet.addRow(cells).commit();
        }
        // Wait until the zip and the consumer took what this batch made: the rows are not read
        // from the source faster than the file or the client takes them.
        await drained(stream, zipBacklog(sheet));
        const next = await iterator.next();
        batch = next.done ? [] : next.value;
      }
      sheet.commit();
    } finally {
      // Stopped early (the client went away, a write failed): close the source's cursor.
      await iterator.return?.();
    }
  }
  await workbook.commit();
}
