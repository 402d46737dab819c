/**
 * @module Rows DuckDB rejected (its `store_rejects` table) as the contract's bad rows, and as the
 * error a `strict` load fails with: file, line, column, what was wrong, and what to do about it.
 */

import { VitrinaError } from '@vitrina/core';
import type { BadRow } from '@vitrina/core/connector';
import type { TablePlan } from './table-plan.js';

/** One row of DuckDB's rejects table, as selected by {@link REJECTS_COLUMNS}. */
export interface Reject {
  line: number;
  column_idx: number | null;
  column_name: string | null;
  error_type: string;
  error_message: string;
  csv_line: string | null;
}

export const REJECTS_COLUMNS = 'line, column_idx, column_name, error_type, error_message, csv_line';

/** A bad row of `file` (lines counted from the file's start, `linesBefore` added for a tail). */
export function badRowOf(reject: Reject, file: string, linesBefore: number, plan: TablePlan): BadRow & { hint: string; position?: number } {
  const column = reject.column_name ?? undefined;
  const excerpt = (reject.csv_line ?? '').replace(/\r?\n/g, '⏎');
  const reason = `${reasonOf(reject, plan)}${excerpt ? ` (line: ${excerpt.length > 80 ? `${excerpt.slice(0, 80)}…` : excerpt})` : ''}`;
  return {
    file,
    line: Number(reject.line) + linesBefore,
    ...(column ? { column } : {}),
    reason,
    hint: hintOf(reject, plan),
    ...(reject.column_idx ? { position: Number(reject.column_idx) } : {}),
  };
}

function reasonOf(reject: Reject, plan: TablePlan): string {
  const type = plan.columns.find((c) => c.name === reject.column_name)?.type;
  switch (reject.error_type) {
    case 'CAST':
      return `${reject.error_message.replace(/^Error when converting column "[^"]*"\. /, '')} (column type ${type})`;
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return 'bytes that are not valid UTF-8';
    case 'UNQUOTED VALUE':
      return 'a quoted field is never closed (truncated line or stray quote)';
    default:
      return reject.error_message;
  }
}

function hintOf(reject: Reject, plan: TablePlan): string {
  const column = plan.columns.find((c) => c.name === reject.column_name);
  const skip = 'or set "badRows": "skip" to load the other rows';
  switch (reject.error_type) {
    case 'CAST':
      if (column?.type === 'date' || column?.type === 'timestamp')
        return `fix the value, set "dateFormat" to how the file writes dates, or "types": {"${column.name}": "string"}, ${skip}`;
      return `fix the value, check "decimalSeparator", or set "types": {"${column?.name}": "string"} to keep such values as text, ${skip}`;
    case 'MISSING COLUMNS':
    case 'TOO MANY COLUMNS':
      return `every row needs ${plan.columns.length} fields: check the delimiter and quotes on that line (a cut-off last line is common), ${skip}`;
    case 'INVALID ENCODING':
    case 'INVALID UNICODE':
      return `set "encoding" to the file's encoding (e.g. "windows-1251"), or re-save the file as UTF-8, ${skip}`;
    default:
      return `fix the line, ${skip}`;
  }
}

/** The error a strict load fails with: the first bad row, with the next few as problems. */
export function strictError(source: string, rows: ReturnType<typeof badRowOf>[], total = rows.length): VitrinaError {
  const one = (r: ReturnType<typeof badRowOf>) =>
    new VitrinaError('DATA_INVALID', `source '${source}': bad row${r.column ? ` in column '${r.column}'` : ''}: ${r.reason}`, {
      file: r.file,
      line: r.line,
      ...(r.position ? { column: r.position } : {}),
      hint: r.hint,
    });
  const [first, ...rest] = rows.map(one) as [VitrinaError, ...VitrinaError[]];
  const more = total > 1 ? ` (and ${total - 1} more bad row${total > 2 ? 's' : ''})` : '';
  return new VitrinaError(first.code, `${first.message}${more}`, { ...first.location, hint: first.hint, problems: rest.slice(0, 9) });
}

/** A whole file that cannot be read (empty, not text, a different header). */
export function fileProblem(file: string, reason: string, hint: string): BadRow & { hint: string } {
  return { file, line: 1, reason, hint };
}
