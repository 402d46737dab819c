/**
 * @module Every matched file inspected before loading: files that cannot be read as this table
 * (empty, not text, a different header) are handed to the bad-input policy, the rest are returned.
 */

import { VitrinaError } from '@vitrina/core';
import type { ConnectorContext } from '@vitrina/core/connector';
import { fileProblem } from './bad-rows.js';
import type { CsvFile } from './csv-files.js';
import { type CsvOptions, DEFAULT_SAMPLE_ROWS } from './csv-options.js';
import { type FileFormat, HEADER_BYTES, inspectFile, SAMPLE_BYTES } from './file-format.js';

/** Files sampled in full (1 MiB each) for type inference; later ones are only checked. */
const SAMPLED_FILES = 8;

export function sameHeader(row: readonly string[] | undefined, header: readonly string[] | undefined): boolean {
  if (!header) return true;
  return !!row && row.length === header.length && row.every((cell, i) => cell.trim() === header[i]?.trim());
}

export async function inspectFiles(
  options: CsvOptions,
  context: ConnectorContext,
  files: readonly CsvFile[],
  onProblem: (problem: ReturnType<typeof fileProblem>) => void,
): Promise<{ formats: FileFormat[]; header?: string[] }> {
  const withHeader = options.header ?? true;
  const rows = (options.sampleRows ?? DEFAULT_SAMPLE_ROWS) + 1;
  const formats: FileFormat[] = [];
  let header: string[] | undefined;
  let first = '';
  for (const [i, file] of files.entries()) {
    const format = await inspectFile(file, options, i < SAMPLED_FILES ? SAMPLE_BYTES : HEADER_BYTES, i < SAMPLED_FILES ? rows : 2);
    if (format.problem) {
      onProblem(fileProblem(file.path, format.problem, 'fix or remove the file, or set "badRows": "skip" to load the other files'));
      continue;
    }
    if (withHeader && header && !sameHeader(format.rows[0], header)) {
      onProblem(
        fileProblem(
          file.path,
          `its header (${format.rows[0]?.join(', ')}) differs from the header of ${first} (${header.join(', ')})`,
          'files matched by one glob make one table: give them the same columns, or narrow "path"',
        ),
      );
      continue;
    }
    if (withHeader && !header) [header, first] = [format.rows[0] ?? [], file.path];
    formats.push(format);
  }
  if (formats.length === 0)
    throw new VitrinaError('DATA_INVALID', `source '${context.sourceName}': none of the ${files.length} file(s) can be read as CSV`, {
      pointer: `/sources/${context.sourceName}/path`,
      hint: 'see the problems reported for each file',
    });
  return { formats, ...(header ? { header } : {}) };
}
