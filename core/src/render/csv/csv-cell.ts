/**
 * @module One CSV cell: formatted for the spreadsheet that will open it, quoted when needed, and
 * neutralised when text could be read as a formula (`= + - @`, tab, CR: CSV/formula injection).
 */
import type { ResultColumn } from '../../result/result-set.js';

/** Text Excel, LibreOffice and Google Sheets would evaluate as a formula or DDE command. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvCellOptions {
  delimiter: string;
  /** `,` writes 1234.5 as 1234,5 so a decimal-comma Excel reads a number, not text. */
  decimalSeparator: '.' | ',';
}

/** Needs quotes: the delimiter, a quote, a line break, or edge spaces a spreadsheet would drop. One regex per delimiter. */
const NEEDS_QUOTES = new Map<string, RegExp>();

function quote(text: string, delimiter: string): string {
  let needs = NEEDS_QUOTES.get(delimiter);
  if (!needs) {
    needs = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]|^\\s|\\s$`);
    NEEDS_QUOTES.set(delimiter, needs);
  }
  return needs.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Text cells: an apostrophe in front defuses a formula and spreadsheets show the text as is. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown, column: Pick<ResultColumn, 'type' | 'labels'>, options: CsvCellOptions): string {
  if (value === null || value === undefined) return '';
  const label = column.labels?.[String(value)];
  if (label !== undefined) return quote(neutralise(label), options.delimiter);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return options.decimalSeparator === ',' ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quote(neutralise(String(value)), options.delimiter);
}
