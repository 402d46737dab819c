/**
 * @module A result set as CSV that opens right in Excel: UTF-8 with a BOM (so Cyrillic is not
 * mojibake), `;` and a decimal comma for locales that write numbers that way (Excel there splits
 * on `;`), headings in the viewer's language. Written in chunks so a large table streams.
 */
import type { ResultColumn, ResultSet } from '../../result/result-set.js';
import { type CsvCellOptions, csvCell, neutralise } from './csv-cell.js';

export interface CsvOptions {
  locale: 'en' | 'ru';
  /** Default: `;` for ru (decimal comma), `,` for en. */
  delimiter?: ',' | ';' | '\t';
  /** Default true: Excel needs the BOM to read UTF-8. */
  bom?: boolean;
  /** Rows per chunk. Default 1000. */
  chunkRows?: number;
}

const DECIMAL_COMMA_LOCALES = new Set(['ru']);

export function csvSettings(options: CsvOptions): CsvCellOptions {
  const comma = DECIMAL_COMMA_LOCALES.has(options.locale);
  const delimiter = options.delimiter ?? (comma ? ';' : ',');
  // A comma decimal inside a comma-delimited file would split numbers in two: fall back to '.'.
  return { delimiter, decimalSeparator: comma && delimiter !== ',' ? ',' : '.' };
}

function headingLine(columns: ResultColumn[], settings: CsvCellOptions, bom: boolean): string {
  const heading = columns.map((c) => csvCell(neutralise(c.label ?? c.name), { type: 'string' }, settings)).join(settings.delimiter);
  return `${bom ? '\uFEFF' : ''}${heading}\r\n`;
}

function rowsText(rows: readonly unknown[][], columns: ResultColumn[], settings: CsvCellOptions): string {
  const { delimiter } = settings;
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? delimiter : '') + csvCell(row[i], columns[i] as ResultColumn, settings);
    chunk += `${line}\r\n`;
  }
  return chunk;
}

/** The CSV text in chunks: first the BOM and the heading line, then rows. */
export function* csvChunks(result: ResultSet, options: CsvOptions): Generator<string> {
  const settings = csvSettings(options);
  yield headingLine(result.columns, settings, options.bom !== false);
  const size = options.chunkRows ?? 1000;
  for (let start = 0; start < result.rows.length; start += size)
    yield rowsText(result.rows.slice(start, start + size), result.columns, settings);
}

/**
 * The same text from rows that arrive in batches (a streamed export): one chunk per batch, so a
 * consumer that stops reading (a slow download) stops the reading of rows at the source too.
 */
export async function* csvStream(
  columns: ResultColumn[],
  batches: AsyncIterable<readonly unknown[][]>,
  options: CsvOptions,
): AsyncGenerator<string> {
  const settings = csvSettings(options);
  yield headingLine(columns, settings, options.bom !== false);
  for await (const batch of batches) if (batch.length) yield rowsText(batch, columns, settings);
}
