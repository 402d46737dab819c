/**
 * @module A rendered report as an Excel workbook: a cover sheet (title, parameters, time), then
 * one sheet per panel. A failed panel gets a sheet that says so, never a silently missing one.
 */
import type { Writable } from 'node:stream';
import type { ReportOutput } from '../../engine/report-engine.js';
import { isPanelError, type ResultSet } from '../../result/result-set.js';
import { writeXlsx, type XlsxSheet } from '../xlsx/write-xlsx.js';

export interface WorkbookLabels {
  parameter: string;
  value: string;
  generated: string;
  /** Heading of the message column on the sheet of a failed panel. */
  error: string;
}

export interface WorkbookOptions {
  currency: string;
  /** Only these panels (in report order). Default: all. */
  panels?: string[];
  parameters: [string, string][];
  generatedAt: string;
  labels: WorkbookLabels;
}

function errorSheet(message: string, label: string): ResultSet {
  return { columns: [{ name: 'error', type: 'string', label }], rows: [[message]] };
}

export async function writeReportWorkbook(stream: Writable, output: ReportOutput, options: WorkbookOptions): Promise<void> {
  const wanted = options.panels ? new Set(options.panels) : undefined;
  const sheets: XlsxSheet[] = output.panels
    .filter((panel) => !wanted || wanted.has(panel.id))
    .map((panel) => ({
      title: panel.title ?? panel.id,
      result: isPanelError(panel)
        ? errorSheet(`${panel.error.message}${panel.error.hint ? ` — ${panel.error.hint}` : ''}`, options.labels.error)
        : { columns: panel.columns, rows: panel.rows },
    }));
  await writeXlsx(stream, sheets, {
    currency: options.currency,
    cover: { title: output.title, parameters: options.parameters, generatedAt: options.generatedAt, labels: options.labels },
  });
}
