/**
 * @module Column types guessed from sampled values (reported with fidelity `inferred`). The guess is
 * conservative: a column becomes a number or a date only when every sampled value parses as one,
 * and codes with leading zeros (`007`, postcodes) stay text.
 */
import type { CsvColumnType, CsvDateFormat } from './csv-options.js';

/** How dates (and the date part of timestamps) are written; `iso` is DuckDB's native reading. */
export type DateLayout = Exclude<CsvDateFormat, 'auto'>;

const DATE: Record<DateLayout, RegExp> = {
  'YYYY-MM-DD': /^\d{4}-\d{2}-\d{2}$/,
  'DD.MM.YYYY': /^\d{1,2}\.\d{1,2}\.\d{4}$/,
  'MM/DD/YYYY': /^(0?[1-9]|1[0-2])\/\d{1,2}\/\d{4}$/,
  'DD/MM/YYYY': /^\d{1,2}\/(0?[1-9]|1[0-2])\/\d{4}$/,
};
const ISO_TIME = /^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const CLOCK = /^ \d{1,2}:\d{2}(:\d{2})?$/;
const INTEGER = /^-?(0|[1-9]\d{0,17})$/;
const NUMBER = /^-?(0|[1-9]\d*)?(\.\d+)?([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/** What the sample says about one column. */
export interface ColumnGuess {
  type: CsvColumnType;
  /** For dates and timestamps: the layout of the date part. */
  layout?: DateLayout;
  /** For non-ISO timestamps: whether the clock has seconds. */
  seconds?: boolean;
}

/** Values that decide the decimal separator: `12,5` against `12.5`. */
export function looksDecimalComma(values: Iterable<string>): boolean {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    if (/^-?\d+,\d+$/.test(v)) comma++;
    else if (/^-?\d*\.\d+$/.test(v)) dot++;
  }
  return comma > 0 && dot === 0;
}

/** The narrowest type every non-empty sampled value (numbers spelt with `.`) fits, given the allowed date layouts. */
export function guessColumn(values: readonly string[], layouts: readonly DateLayout[]): ColumnGuess {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return { type: 'string' };
  if (present.every((v) => BOOLEAN.test(v))) return { type: 'boolean' };
  if (present.every((v) => INTEGER.test(v))) return { type: 'integer' };
  // `0` alone is a number, `00123` is a code.
  if (present.every((v) => NUMBER.test(v) && /\d/.test(v) && !/^-?0\d/.test(v))) return { type: 'number' };
  for (const layout of layouts) {
    const date = DATE[layout];
    if (present.every((v) => date.test(v))) return { type: 'date', layout };
    const split = (v: string) => {
      const at = v.search(/[T ]/);
      return at < 0 ? [v, ''] : [v.slice(0, at), v.slice(at)];
    };
    const parts = present.map(split) as [string, string][];
    if (!parts.every(([d]) => date.test(d))) continue;
    if (layout === 'YYYY-MM-DD') {
      // DuckDB reads ISO timestamps (T or space, fractions, offsets) and bare ISO dates natively.
      if (parts.every(([, t]) => t === '' || ISO_TIME.test(t))) return { type: 'timestamp', layout };
    } else if (parts.every(([, t]) => CLOCK.test(t))) {
      // One strptime pattern per read: the clock must be written the same way in every value.
      const withSeconds = parts.filter(([, t]) => t.split(':').length === 3).length;
      if (withSeconds === 0 || withSeconds === parts.length) return { type: 'timestamp', layout, seconds: withSeconds > 0 };
    }
  }
  return { type: 'string' };
}

/** strptime pattern of a date layout (undefined for ISO, which DuckDB parses natively). */
export function datePattern(layout: DateLayout): string | undefined {
  return { 'YYYY-MM-DD': undefined, 'DD.MM.YYYY': '%d.%m.%Y', 'MM/DD/YYYY': '%m/%d/%Y', 'DD/MM/YYYY': '%d/%m/%Y' }[layout];
}
