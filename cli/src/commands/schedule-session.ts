/** @module A project with its scheduler state opened for one CLI command, closed afterwards whatever happens. */
import { openProject, type Project } from '@vitrina/core';
import { openScheduler, type RunningScheduler } from '@vitrina/core/schedule';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';

export async function withScheduler<T>(
  options: { config?: string; now?: Date },
  work: (project: Project, running: RunningScheduler) => Promise<T>,
): Promise<T> {
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    const now = options.now;
    const running = await openScheduler(project, now ? { now: () => now } : {});
    try {
      return await work(project, running);
    } finally {
      await running.stop();
    }
  } finally {
    await project.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A fixed-width table for the terminal. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) process.stdout.write(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')}\n`);
}
