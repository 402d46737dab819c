/**
 * @module A result set as CSV that opens right in Excel: UTF-8 with a BOM (so Cyrillic is not
 * mojibake), `;` and a decimal comma for locales that write numbers that way (Excel there splits
 * on `;`), headings in the viewer's language. Written in chunks so a large table streams.
 */
import type { ResultSet } from '../../result/result-set.js';
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

/** The CSV text in chunks: first the BOM and the heading line, then rows. */
export function* csvChunks(result: ResultSet, options: CsvOptions): Generator<string> {
  const settings = csvSettings(options);
  const { delimiter } = settings;
  const heading = result.columns.map((c) => csvCell(neutralise(c.label ?? c.name), { type: 'string' }, settings)).join(delimiter);
  yield `${options.bom === false ? '' : '\uFEFF'}${heading}\r\n`;
  const size = options.chunkRows ?? 1000;
  for (let start = 0; start < result.rows.length; start += size) {
    let chunk = '';
    for (const row of result.rows.slice(start, start + size)) {
      chunk += `${result.columns.map((column, i) => csvCell(row[i], column, settings)).join(delimiter)}\r\n`;
    }
    yield chunk;
  }
}
