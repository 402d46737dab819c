/**
 * @module What a load reads: per file, the byte range that is new (all of it on a full load, the
 * tail after the previous offset when a log only grew), or why the file cannot be read at all.
 */
import { createHash } from 'node:crypto';
import { type CdrFile, completeLength, prefixFingerprint } from './cdr-files.js';

/** What the next load needs to know about one file. */
export interface FileState {
  /** End of the last complete line read. */
  offset: number;
  /** `prefixFingerprint` of the bytes before `offset`. */
  fingerprint: string;
}

export interface LoadState {
  /** Hash of the options: changing the config reloads everything. */
  options: string;
  files: Record<string, FileState>;
}

export interface FileSlice {
  file: CdrFile;
  /** First byte to read (0, or the previous offset on an append). */
  start: number;
  /** End of the last complete line (the whole file for formats that are not line logs). */
  end: number;
}

/** Hash of the options and zone, the same whatever order the config lists keys in (arrays keep theirs). */
export function optionsKey(options: unknown, timezone: string): string {
  return createHash('sha256')
    .update(canonicalJson([options, timezone]))
    .digest('hex')
    .slice(0, 16);
}

/** JSON with every object's keys sorted, `undefined` members left out. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether a previous state is usable to append: same options, every known file still there and only grown. */
export async function appendable(state: unknown, files: readonly CdrFile[], key: string): Promise<boolean> {
  const previous = state as LoadState | undefined;
  if (!previous || previous.options !== key || typeof previous.files !== 'object') return false;
  for (const [path, known] of Object.entries(previous.files)) {
    const file = files.find((f) => f.path === path);
    if (!file || file.size < known.offset) return false;
    if ((await prefixFingerprint(path, known.offset)) !== known.fingerprint) return false;
  }
  return true;
}

/** The slice of each file to read. `lineLog`: stop at the last newline (a partial line is still being written). */
export async function planSlices(files: readonly CdrFile[], previous: LoadState | undefined, lineLog: boolean): Promise<FileSlice[]> {
  return Promise.all(
    files.map(async (file) => ({
      file,
      start: previous?.files[file.path]?.offset ?? 0,
      end: lineLog ? await completeLength(file.path, file.size) : file.size,
    })),
  );
}
