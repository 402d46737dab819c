/**
 * @module Runs the `vitrina` program in this process and captures what it prints, optionally with
 * text on stdin (stdout is not a terminal here, so commands print plain lines, not progress bars).
 */
import { Readable } from 'node:stream';
import { runCli } from '../../cli/src/program.js';

export interface CapturedRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCaptured(argv: string[], stdin?: string): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  const realStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    err += chunk;
    return true;
  }) as typeof process.stderr.write;
  if (stdin !== undefined) Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(stdin)]), configurable: true });
  try {
    return { code: await runCli(argv), out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    if (realStdin) Object.defineProperty(process, 'stdin', realStdin);
  }
}
