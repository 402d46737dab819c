/**
 * @module Rows with no start time: DuckDB reads an empty date as NULL (not a parse error), so such
 * rows are found after the load and located in the file with csv-parse — only when there are any,
 * which keeps the common path entirely in DuckDB.
 */
import { createReadStream } from 'node:fs';
import type { ExtractTarget } from '@vitrina/core/connector';
import { parse } from 'csv-parse';
import type { FormatSpec } from './formats/format-spec.js';
import type { ReadFile } from './load-calls.js';

export interface MissingStart {
  file: string;
  line: number;
  column: string;
  read: ReadFile;
}

/**
 * The rows of `table` with no start time, located in their files; `count` of them (passed when the
 * caller has counted already) bounds the search.
 */
export async function findMissingStarts(
  target: ExtractTarget,
  table: string,
  spec: FormatSpec,
  reads: readonly ReadFile[],
  counted?: number,
): Promise<MissingStart[]> {
  const count = counted ?? Number((await target.all(`SELECT count(*) AS n FROM ${table} WHERE started_at IS NULL`))[0]?.n ?? 0);
  if (count === 0) return [];
  const column = spec.fields.start.replace(/^"|"$/g, '').replaceAll('""', '"');
  const index = spec.columns.findIndex((c) => c.name === column);
  const found: MissingStart[] = [];
  for (const read of reads) {
    const parser = createReadStream(read.path).pipe(
      parse({
        bom: true,
        delimiter: spec.delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        info: true,
        from_line: spec.header ? 2 : 1,
      }),
    );
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.length === spec.columns.length && (record[index] ?? '').trim() === '')
        found.push({ file: read.slice.file.path, line: info.lines, column, read });
      if (found.length >= count) return found;
    }
  }
  return found;
}
