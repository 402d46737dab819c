/**
 * @module Runs the built `vitrina` binary as a long-lived process (`serve`, `demo`): waits for the
 * URL it prints, collects its output, and stops it with a signal as a supervisor would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN } from './run-vitrina.js';

export interface RunningVitrina {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The `http://…` URL printed on "Serving … at <url>/"; rejects if the process exits first. */
  url: Promise<string>;
  /** Resolves with the exit code (null when killed by a signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit (SIGKILL after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnVitrina(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; urlTimeoutMs?: number } = {},
): RunningVitrina {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'pnpm build' (pnpm test does it first)`);
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL after ${options.urlTimeoutMs ?? 60_000} ms\n${out}\n${err}`)),
      options.urlTimeoutMs ?? 60_000,
    );
    const check = () => {
      const m = /Serving \d+ dashboards? at (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`vitrina exited with ${code} before serving\n${out}\n${err}`));
    });
  });
  url.catch(() => {}); // awaited by the test; never an unhandled rejection
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    url,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(killer);
      return result;
    },
  };
}
