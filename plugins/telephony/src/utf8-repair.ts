/**
 * @module Bytes that are not valid UTF-8 stay readable: a copy of the file where each line that is
 * not valid UTF-8 is decoded with a fallback single-byte encoding (Windows-1252 by default; e.g.
 * `windows-1251` for Cyrillic caller names) and written as UTF-8. Valid lines are copied untouched,
 * and line numbers stay the same, so bad rows are still reported where they are in the original.
 */
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';

/** Writes a UTF-8 copy of `path` to `dest`; returns how many lines needed the fallback. */
export async function repairUtf8(path: string, dest: string, fallbackEncoding: string): Promise<number> {
  const out = createWriteStream(dest);
  let carry: Buffer = Buffer.alloc(0);
  let repaired = 0;
  const write = async (bytes: Buffer) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const writeLines = async (bytes: Buffer, last: boolean) => {
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0 || (last && start < bytes.length); nl = bytes.indexOf(10, start)) {
      const end = nl >= 0 ? nl + 1 : bytes.length;
      const line = bytes.subarray(start, end);
      if (isUtf8(line)) await write(line);
      else {
        repaired++;
        await write(Buffer.from(iconv.decode(line, fallbackEncoding), 'utf8'));
      }
      start = end;
      if (nl < 0) break;
    }
    return bytes.subarray(start);
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    carry = await writeLines(carry.length ? Buffer.concat([carry, chunk]) : chunk, false);
  }
  await writeLines(carry, true);
  out.end();
  await once(out, 'finish');
  return repaired;
}
