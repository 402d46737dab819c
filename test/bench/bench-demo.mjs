/**
 * @module The demo project a print bench works on: `.vitrina/bench-<scale>`, generated once (seed 42,
 * today 2026-11-26) and opened with a fixed clock, so every run prints the same numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openProject } from '@vitrina/core';

export const BENCH_TODAY = '2026-11-26';
const root = join(import.meta.dirname, '..', '..');

/** Opens the bench demo of `scale`, generating it first if missing; exits with the CLI's code if that fails. */
export async function openBenchDemo(scale) {
  const dir = join(root, '.vitrina', `bench-${scale}`);
  const config = join(dir, 'vitrina.config.json');
  if (!existsSync(config)) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync(
      process.execPath,
      [join(root, 'cli', 'dist', 'bin.js'), 'demo', '--dir', dir, '--scale', scale, '--seed', '42', '--today', BENCH_TODAY, '--no-serve'],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) process.exit(r.status ?? 2);
  }
  const now = new Date(`${BENCH_TODAY}T12:00:00Z`);
  const project = await openProject({ configPath: config, resolveFrom: [join(root, 'cli')], now: () => now });
  return { project, now };
}
