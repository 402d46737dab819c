/** @module Options of the CSV connector, as a JSON Schema (validated by the core) and a type. */

/** Logical types a column can be forced to with `types`. */
export type CsvColumnType = 'integer' | 'number' | 'string' | 'date' | 'timestamp' | 'boolean';

/** Date layouts the connector reads; `auto` recognises ISO and `DD.MM.YYYY` (slashes are ambiguous, so they need config). */
export type CsvDateFormat = 'auto' | 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'MM/DD/YYYY' | 'DD/MM/YYYY';

export interface CsvOptions {
  /** A file or a glob (`exports/*.csv`), relative to vitrina.config.json and inside the allowed data folders. */
  path: string;
  /** Name of the table in the extract. Default: the source's name. */
  table?: string;
  /** Default `true`: the first line of every file names the columns. */
  header?: boolean;
  /** Column names in file order: replace the header (or name a file without one). */
  columns?: string[];
  /** Default `auto`: detected per file among `,` `;` tab `|`. */
  delimiter?: 'auto' | ',' | ';' | '\t' | '|';
  /** Default `"`; doubled inside a quoted field. */
  quote?: string;
  /** Default `auto`: UTF-8 (with or without BOM), UTF-16 by its BOM, otherwise Windows-1251. Any iconv-lite name is accepted. */
  encoding?: string;
  /** Default `auto`: `,` when the file is not comma-separated and its numbers look like `12,5`. */
  decimalSeparator?: 'auto' | '.' | ',';
  /** Default `auto` (ISO or `DD.MM.YYYY`). Timestamps are the date followed by `HH:MM[:SS]`. */
  dateFormat?: CsvDateFormat;
  /** Forced column types by column name (normalised or as in the header); other columns are inferred. */
  types?: Record<string, CsvColumnType>;
  /** Default `strict`: a bad row fails the load. `skip`: bad rows are reported and the rest load. */
  badRows?: 'strict' | 'skip';
  /** Default `true`: new files and files that only grew are appended instead of reloading everything. */
  append?: boolean;
  /** Rows sampled (from the top of the files) to infer types and the delimiter. Default 5000. */
  sampleRows?: number;
}

const columnTypes = ['integer', 'number', 'string', 'date', 'timestamp', 'boolean'];

export const csvOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: {
      type: 'string',
      minLength: 1,
      description: 'A CSV file or a glob of files read as one table, relative to vitrina.config.json.',
    },
    table: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Table name in the extract. Default: the source name.' },
    header: { type: 'boolean', default: true, description: 'The first line of each file names the columns.' },
    columns: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      description: 'Column names in file order; replace the header or name a file without one.',
    },
    delimiter: { enum: ['auto', ',', ';', '\t', '|'], default: 'auto', description: 'Field delimiter; auto-detected per file.' },
    quote: { type: 'string', minLength: 1, maxLength: 1, default: '"', description: 'Quote character.' },
    encoding: {
      type: 'string',
      minLength: 1,
      default: 'auto',
      description: 'auto (UTF-8 with or without BOM, UTF-16 by BOM, else Windows-1251), utf-8, windows-1251, or any iconv-lite encoding.',
    },
    decimalSeparator: { enum: ['auto', '.', ','], default: 'auto', description: 'Decimal separator of numbers.' },
    dateFormat: {
      enum: ['auto', 'YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY'],
      default: 'auto',
      description: 'Layout of dates; timestamps are the date followed by HH:MM[:SS].',
    },
    types: {
      type: 'object',
      additionalProperties: { enum: columnTypes },
      description: 'Column types forced by column name; the rest are inferred from a sample.',
    },
    badRows: {
      enum: ['strict', 'skip'],
      default: 'strict',
      description: 'strict: a bad row fails the load; skip: bad rows are reported and skipped.',
    },
    append: { type: 'boolean', default: true, description: 'Append new files and grown files instead of reloading everything.' },
    sampleRows: { type: 'integer', minimum: 10, default: 5000, description: 'Rows sampled to infer types and the delimiter.' },
  },
} as const;

/** Enough rows to see a column's typical values; csv-parse reads them in a fraction of a second. */
export const DEFAULT_SAMPLE_ROWS = 5000;
