/**
 * @module Reading a text sample with csv-parse: the rows DuckDB will see, and the delimiter that
 * makes them most regular. Detection is ours rather than DuckDB's sniffer because the sniffer
 * misreads small files with a ragged row (it took `a;b;c` for one `|`-separated column).
 */
import { parse } from 'csv-parse/sync';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The first `maxRows` records of `text`. A sample ends where the byte budget ran out, possibly
 * inside a quoted field, so a parse error keeps the records read before it.
 */
export function sampleRows(text: string, delimiter: string, quote: string, maxRows: number): string[][] {
  const rows: string[][] = [];
  try {
    parse(text, {
      delimiter,
      quote,
      escape: quote,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: maxRows,
      on_record: (record: string[]) => {
        rows.push(record);
        return record;
      },
    });
  } catch {
    // Keep what was read: the rest of the file is judged by DuckDB, row by row.
  }
  return rows;
}

/**
 * The delimiter under which the sample's rows most often have the same number of fields (more
 * than one). A one-column file gets `,`, which reads it the same as any other.
 */
export function detectDelimiter(text: string, quote: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = sampleRows(text, delimiter, quote, 100);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const [width, hits] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] as [number, number];
    if (width < 2) continue;
    // Regularity first; among equally regular readings, the one that splits into more fields.
    const score = hits / rows.length + width / 10_000;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}
