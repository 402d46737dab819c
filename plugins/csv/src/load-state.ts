/**
 * @module What a load remembers for the next one (`LoadOutcome.state`): the table plan and, per
 * file, how far it was read with hashes of the first and last kilobyte there. The next load
 * appends only when every known file is unchanged or has only grown past that point.
 */
import { createHash } from 'node:crypto';
import type { CsvFile } from './csv-files.js';
import type { CsvOptions } from './csv-options.js';
import { endsWithNewline, hashRange, PROBE_BYTES } from './file-bytes.js';
import type { TablePlan } from './table-plan.js';

/** How a file is written, as the loader reads it. */
export interface FileLayout {
  encoding: string;
  delimiter: string;
  decimal: '.' | ',';
}

export const layoutOf = ({ encoding, delimiter, decimal }: FileLayout): FileLayout => ({ encoding, delimiter, decimal });

export interface FileState extends FileLayout {
  size: number;
  mtimeMs: number;
  /** Newlines in the loaded bytes: line numbers of appended rows continue from here. */
  lines: number;
  head: string;
  tail: string;
  /** False when new bytes cannot be read as whole rows (no final newline, UTF-16, changed during the load). */
  appendable: boolean;
}

export interface CsvState {
  v: 1;
  /** Hash of the options: any change in the config means a full reload. */
  options: string;
  plan: TablePlan;
  /** The header cells of the first file: a new file joins the table only with the same header. */
  header?: string[];
  files: Record<string, FileState>;
}

/**
 * Hash of the options, the same whatever order the config lists keys in (also inside objects such
 * as `types`); arrays (`columns`) keep their order, which matters.
 */
export function optionsHash(options: CsvOptions): string {
  return createHash('sha256').update(canonicalJson(options)).digest('hex').slice(0, 32);
}

/** JSON with every object's keys sorted (by code unit, not by `"key,value"` text), `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function readState(state: Record<string, unknown> | undefined, options: CsvOptions): CsvState | undefined {
  const s = state as Partial<CsvState> | undefined;
  return s?.v === 1 && s.options === optionsHash(options) && s.plan && s.files ? (s as CsvState) : undefined;
}

/** State of one file after its bytes up to `file.size` were loaded. */
export async function fileState(file: CsvFile, format: FileLayout, lines: number, stable: boolean): Promise<FileState> {
  const { path, size } = file;
  return {
    size,
    mtimeMs: file.mtimeMs,
    ...layoutOf(format),
    lines,
    head: await hashRange(path, 0, Math.min(PROBE_BYTES, size)),
    tail: await hashRange(path, Math.max(0, size - PROBE_BYTES), size),
    appendable: stable && !format.encoding.startsWith('utf-16') && (await endsWithNewline(path, size)),
  };
}

/** What changed in one file since its state: nothing, new bytes at the end only, or anything else. */
export async function fileChange(file: CsvFile, known: FileState): Promise<'same' | 'grown' | 'changed'> {
  if (file.size === known.size && file.mtimeMs === known.mtimeMs) return 'same';
  if (!known.appendable || file.size <= known.size) return 'changed';
  const head = await hashRange(file.path, 0, Math.min(PROBE_BYTES, known.size));
  const tail = await hashRange(file.path, Math.max(0, known.size - PROBE_BYTES), known.size);
  return head === known.head && tail === known.tail ? 'grown' : 'changed';
}
