/**
 * @module The table a CSV source becomes: column names (normalised, with the header text they came
 * from), types (inferred or forced), and the number/date formats DuckDB needs to read them.
 */
import { didYouMean, VitrinaError } from '@vitrina/core';
import type { LogicalType } from '@vitrina/core/connector';
import { columnNames } from './column-names.js';
import { type CsvColumnType, type CsvOptions, DEFAULT_SAMPLE_ROWS } from './csv-options.js';
import type { FileFormat } from './file-format.js';
import { type DateLayout, datePattern, guessColumn } from './type-inference.js';

export interface PlannedColumn {
  name: string;
  /** The header cell (or `columns` entry) the name was made from. */
  header: string;
  type: CsvColumnType;
  /** `true` when the type came from `types` in the config. */
  forced: boolean;
}

export interface TablePlan {
  table: string;
  columns: PlannedColumn[];
  /** strptime patterns handed to read_csv; absent for ISO, which DuckDB reads natively. */
  dateFormat?: string;
  timestampFormat?: string;
}

export const DUCKDB_TYPES: Record<CsvColumnType, string> = {
  integer: 'BIGINT',
  number: 'DOUBLE',
  string: 'VARCHAR',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

export const logicalType = (type: CsvColumnType): LogicalType => type;

/** Builds the plan from the readable files' samples (the first one's header names the columns). */
export function planTable(sourceName: string, options: CsvOptions, files: readonly FileFormat[]): TablePlan {
  const header = options.header ?? true;
  const first = files[0]?.rows ?? [];
  const width = header ? (first[0]?.length ?? 0) : Math.max(0, ...first.map((r) => r.length));
  if (options.columns && header && options.columns.length !== width)
    throw configError(sourceName, 'columns', `"columns" lists ${options.columns.length} names but the header has ${width} cells`);
  const named = columnNames(options.columns ?? (header ? (first[0] ?? []) : Array.from({ length: width }, (_, i) => `column_${i + 1}`)));
  if (named.length === 0) throw configError(sourceName, 'path', 'no columns found: the files hold no header and "columns" is not set');

  // Numbers are judged in one spelling: a decimal-comma file's `12,5` is sampled as `12.5`.
  const dotted = (f: FileFormat) => (f.decimal === ',' ? f.rows.map((r) => r.map((v) => v.replace(/^(-?\d*),(\d+)$/, '$1.$2'))) : f.rows);
  const body = files.flatMap((f) => (header ? dotted(f).slice(1) : dotted(f))).slice(0, options.sampleRows ?? DEFAULT_SAMPLE_ROWS);
  const values = named.map((_, i) => body.map((row) => row[i] ?? ''));
  const layouts: DateLayout[] = !options.dateFormat || options.dateFormat === 'auto' ? ['YYYY-MM-DD', 'DD.MM.YYYY'] : [options.dateFormat];
  const guesses = values.map((v) => guessColumn(v, layouts));

  // read_csv takes one date and one timestamp pattern: the first column's layout wins, and a column
  // written differently stays text (its values are kept, just not typed).
  const dateLayout = guesses.find((g) => g.type === 'date')?.layout ?? layouts[0] ?? 'YYYY-MM-DD';
  const stamp = guesses.find((g) => g.type === 'timestamp');
  const stampKey = (g: { layout?: DateLayout; seconds?: boolean }) => `${g.layout ?? dateLayout}:${g.seconds ?? true}`;
  const stampLayout = stamp ?? { layout: dateLayout, seconds: true };
  const columns: PlannedColumn[] = named.map((n, i) => {
    const g = guesses[i] ?? { type: 'string' as const };
    const fits = g.type === 'date' ? g.layout === dateLayout : g.type === 'timestamp' ? stampKey(g) === stampKey(stampLayout) : true;
    return { ...n, type: fits ? g.type : 'string', forced: false };
  });
  applyForcedTypes(sourceName, columns, options.types ?? {});

  const datePart = datePattern(dateLayout);
  const stampDate = datePattern(stampLayout.layout ?? dateLayout);
  return {
    table: options.table ?? sourceName,
    columns,
    ...(datePart ? { dateFormat: datePart } : {}),
    ...(stampDate ? { timestampFormat: `${stampDate} %H:%M${stampLayout.seconds === false ? '' : ':%S'}` } : {}),
  };
}

function applyForcedTypes(sourceName: string, columns: PlannedColumn[], types: Record<string, CsvColumnType>): void {
  for (const [key, type] of Object.entries(types)) {
    const column = columns.find((c) => c.name === key) ?? columns.find((c) => c.header === key);
    if (!column)
      throw configError(
        sourceName,
        `types/${key}`,
        `"types" names a column '${key}' the file does not have`,
        didYouMean(
          key,
          columns.map((c) => c.name),
          'columns:',
        ),
      );
    Object.assign(column, { type, forced: true });
  }
}

function configError(sourceName: string, option: string, message: string, hint?: string): VitrinaError {
  return new VitrinaError('SOURCE_CONFIG_INVALID', `source '${sourceName}': ${message}`, {
    pointer: `/sources/${sourceName}/${option}`,
    hint,
  });
}
