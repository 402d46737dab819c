/**
 * @module A report as an Excel workbook: a cover sheet (title, parameters, time), then one sheet
 * per panel, given rendered or as a stream of sheets (large tables read as they are written). A
 * failed panel gets a sheet that says so, never a silently missing one.
 */
import type { Writable } from 'node:stream';
import type { ReportOutput } from '../../engine/report-engine.js';
import { isPanelError, type PanelOutcome, type ResultSet } from '../../result/result-set.js';
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

/** A panel's outcome as its sheet: its rows, or the error message and hint. */
export function outcomeSheet(panel: PanelOutcome, errorLabel: string): XlsxSheet {
  return {
    title: panel.title ?? panel.id,
    result: isPanelError(panel)
      ? errorSheet(`${panel.error.message}${panel.error.hint ? ` — ${panel.error.hint}` : ''}`, errorLabel)
      : { columns: panel.columns, rows: panel.rows },
  };
}

/** A failure while opening a panel's stream, on the panel's sheet. */
export function failureSheet(title: string, error: unknown, errorLabel: string): XlsxSheet {
  const { message, hint } = error as { message?: string; hint?: string };
  return { title, result: errorSheet(`${message ?? String(error)}${hint ? ` — ${hint}` : ''}`, errorLabel) };
}

/** Cover, then the sheets in order as they come (each may stream its rows). */
export async function writeWorkbook(
  stream: Writable,
  title: string,
  sheets: Iterable<XlsxSheet> | AsyncIterable<XlsxSheet>,
  options: Omit<WorkbookOptions, 'panels'>,
): Promise<void> {
  await writeXlsx(stream, sheets, {
    currency: options.currency,
    cover: { title, parameters: options.parameters, generatedAt: options.generatedAt, labels: options.labels },
  });
}

/** A rendered report (every panel in memory) as a workbook. */
export async function writeReportWorkbook(stream: Writable, output: ReportOutput, options: WorkbookOptions): Promise<void> {
  const wanted = options.panels ? new Set(options.panels) : undefined;
  const sheets = output.panels.filter((panel) => !wanted || wanted.has(panel.id)).map((panel) => outcomeSheet(panel, options.labels.error));
  await writeWorkbook(stream, output.title, sheets, options);
}
