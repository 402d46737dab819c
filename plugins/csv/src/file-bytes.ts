/**
 * @module Byte-level helpers for loading: a file (or its new tail) as a UTF-8 copy DuckDB can read,
 * line counts for reporting line numbers of appended rows, and hashes that prove a file only grew.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { readHead } from './file-format.js';

/**
 * Copies bytes `[start, end)` of `source` to `dest` as UTF-8, streaming (memory stays flat for any
 * file size). UTF-8 input is copied as is; anything else goes through iconv-lite.
 */
export async function copyAsUtf8(
  source: string,
  dest: string,
  encoding: string,
  start: number,
  end: number,
  signal?: AbortSignal,
): Promise<void> {
  const input = createReadStream(source, { start, end: end - 1 });
  const output = createWriteStream(dest);
  if (encoding === 'utf-8') await pipeline(input, output, { signal });
  else await pipeline(input, iconv.decodeStream(encoding), iconv.encodeStream('utf8'), output, { signal });
}

/** Number of `\n` bytes in `[start, end)`: the line number a tail's first row continues from. */
export async function countLines(path: string, start: number, end: number, signal?: AbortSignal): Promise<number> {
  if (end <= start) return 0;
  let lines = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines++;
      done();
    },
  });
  await pipeline(createReadStream(path, { start, end: end - 1 }), counter, { signal });
  return lines;
}

/** How many bytes at each end of the loaded part are hashed. */
export const PROBE_BYTES = 1024;

/** SHA-256 of `[start, end)` (a small range: the first or last kilobyte). */
export async function hashRange(path: string, start: number, end: number): Promise<string> {
  const bytes = await readHead(path, Math.max(0, end - start), start);
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether the byte before `end` is a newline: only then can later bytes be read as whole new rows. */
export async function endsWithNewline(path: string, end: number): Promise<boolean> {
  if (end === 0) return false;
  const last = await readHead(path, 1, end - 1);
  return last[0] === 0x0a;
}
