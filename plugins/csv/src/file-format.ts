/** @module How one file is written (encoding, delimiter, header row), read from its first bytes. */
import { open } from 'node:fs/promises';
import { detectDelimiter, sampleRows } from './csv-dialect.js';
import { decodeSample, detectEncoding } from './csv-encoding.js';
import type { CsvFile } from './csv-files.js';
import type { CsvOptions } from './csv-options.js';
import { looksDecimalComma } from './type-inference.js';

/** One file as the loader will read it. `problem` is set when it cannot be read as CSV at all. */
export interface FileFormat extends CsvFile {
  encoding: string;
  delimiter: string;
  /** `,` when the file writes numbers as `12,5` (see `decimalSeparator`). */
  decimal: '.' | ',';
  /** Parsed rows from the top of the file (the header first, when there is one). */
  rows: string[][];
  problem?: string;
}

/** Bytes of the first files read for the sample; later files are only checked for their header. */
export const SAMPLE_BYTES = 1 << 20;
export const HEADER_BYTES = 64 << 10;

export async function readHead(path: string, bytes: number, start = 0): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function inspectFile(file: CsvFile, options: CsvOptions, bytes: number, maxRows: number): Promise<FileFormat> {
  const quote = options.quote ?? '"';
  const base = {
    ...file,
    encoding: 'utf-8',
    delimiter: options.delimiter === 'auto' ? ',' : (options.delimiter ?? ','),
    decimal: '.' as const,
    rows: [],
  };
  if (file.size === 0) return { ...base, problem: 'the file is empty (0 bytes)' };
  const head = await readHead(file.path, Math.min(bytes, file.size));
  const complete = head.length >= file.size;
  const detected = detectEncoding(head, options.encoding ?? 'auto', complete);
  if ('binary' in detected)
    return { ...base, problem: 'the file is not text (it holds NUL bytes): is it an Excel workbook? Save it as CSV' };
  const text = decodeSample(head, detected.encoding, complete);
  if (text.trim() === '') return { ...base, encoding: detected.encoding, problem: 'the file holds no rows (only blank lines)' };
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(text, quote) : options.delimiter;
  const rows = sampleRows(text, delimiter, quote, maxRows);
  // Per file, like the delimiter: a glob may mix exports from differently configured machines.
  const option = options.decimalSeparator ?? 'auto';
  const decimal = option !== 'auto' ? option : delimiter !== ',' && looksDecimalComma(rows.flat()) ? ',' : '.';
  return { ...base, encoding: detected.encoding, delimiter, decimal, rows };
}
