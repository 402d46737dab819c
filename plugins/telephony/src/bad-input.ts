/**
 * @module Bad input, one policy: under `strict` the first problem fails the load as a VitrinaError
 * naming file, line and column (the previous extract keeps serving); under `skip` each problem is
 * reported through `target.badRow` and the rest loads.
 */

import { VitrinaError } from '@vitrina/core';
import type { BadRow, BadRowPolicy, ExtractTarget } from '@vitrina/core/connector';

/** The load cannot use the data as it is (the previous extract keeps serving until the file is fixed). */
export function badInputError(sourceName: string, row: BadRow): VitrinaError {
  const where = `${row.file}${row.line ? `:${row.line}` : ''}${row.column ? ` (column ${row.column})` : ''}`;
  return new VitrinaError('DATA_INVALID', `source '${sourceName}': ${where}: ${row.reason}`, {
    file: row.file,
    line: row.line,
    hint: `fix the line${row.column ? ` (column ${row.column})` : ''}, check "format", "columns" and "dateFormat", or set "badRows": "skip" on the source to load the other rows and report this one`,
  });
}

/** Applies the policy to one problem: throws under `strict`, reports under `skip`. */
export function rejectRow(policy: BadRowPolicy, sourceName: string, target: Pick<ExtractTarget, 'badRow'>, row: BadRow): void {
  if (policy === 'strict') throw badInputError(sourceName, row);
  target.badRow(row);
}
