/** @module Runs the built `vitrina` binary as a user would, capturing output and exit code. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'cli', 'dist', 'bin.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function vitrina(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'pnpm build' (pnpm test does it first)`);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A user error or a bug must never print a JavaScript stack trace. */
export const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)/;
