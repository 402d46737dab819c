/**
 * @module Which text encoding a file is in. DuckDB reads UTF-8 only (the encodings extension is a
 * download), so anything else is transcoded first; this decides when, from the file's first bytes.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** `utf-8` is read by DuckDB as is (a BOM included); anything else is an iconv-lite name to transcode from. */
export type Detected = { encoding: string } | { binary: true };

/**
 * `auto`: a UTF-16 BOM wins; bytes that are valid UTF-8 are UTF-8; NUL bytes without a BOM mean
 * the file is not text at all (an .xlsx renamed to .csv); anything else is taken for Windows-1251,
 * which is what Russian Excel saves as "CSV". Only the sample is checked: invalid UTF-8 later in the
 * file surfaces as bad rows naming their line.
 */
export function detectEncoding(head: Buffer, option: string, complete: boolean): Detected {
  if (option !== 'auto') return { encoding: normalise(option) };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be' };
  if (head.includes(0)) return { binary: true };
  return { encoding: isUtf8(complete ? head : cutAtLine(head)) ? 'utf-8' : 'windows-1251' };
}

/** The sample up to its last complete line, so a multi-byte character is never cut in half. */
function cutAtLine(head: Buffer): Buffer {
  const end = head.lastIndexOf(0x0a);
  return end < 0 ? head : head.subarray(0, end + 1);
}

/** `UTF8`, `cp1251`… → the spelling used in state and messages; refuses what iconv-lite cannot decode. */
export function normalise(encoding: string): string {
  const lower = encoding.toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  if (!iconv.encodingExists(lower)) throw new Error(`unknown encoding '${encoding}'`);
  return lower === 'cp1251' || lower === 'win1251' ? 'windows-1251' : lower;
}

/** Decodes a sample for detection and inference (a BOM dropped, the last partial line kept out). */
export function decodeSample(head: Buffer, encoding: string, complete: boolean): string {
  let text = encoding === 'utf-8' ? head.toString('utf8') : iconv.decode(head, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Cut after decoding: a character split by the sample's end sits in the dropped partial line.
  return complete ? text : text.slice(0, text.lastIndexOf('\n') + 1);
}
