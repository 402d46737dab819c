/**
 * @module A file written by a stream completely or not at all: the writer fills a temporary file
 * in the target's folder (so the rename stays on one file system), which is renamed over the
 * target once closed; on any failure the temporary file is removed and the target left as it was.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** Runs `write` into a temporary file, then renames it to `path`. Returns the bytes written. */
export async function streamFileAtomic(path: string, write: (out: Writable) => Promise<void>): Promise<number> {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const out = createWriteStream(temp, { flags: 'wx' });
  const closed = once(out, 'close');
  // Errors surface through `write` (a failed file write fails the export); don't let one go unhandled.
  closed.catch(() => {});
  try {
    await write(out);
    if (!out.writableEnded) out.end();
    await closed;
    renameSync(temp, path);
    return out.bytesWritten;
  } catch (error) {
    // Closed first: removing the file before a still-pending open would leave it behind.
    out.destroy();
    await closed.catch(() => {});
    rmSync(temp, { force: true });
    throw error;
  }
}
