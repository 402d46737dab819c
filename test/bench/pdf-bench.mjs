#!/usr/bin/env node
/**
 * `pnpm bench:pdf`: time to PDF for each demo dashboard through the framework (warm Chromium pool,
 * warm result cache: render the static page, load it, wait for every panel, print) against the
 * floor — the same Chromium printing the same dashboard already loaded and drawn on a warm page
 * (`page.pdf` alone) — in the same run. Medians over --runs.
 *
 *   pnpm bench:pdf [--scale small|large] [--runs 5] [--json out.json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openProject } from '@vitrina/core';
import { BrowserPool, exportPdf } from '@vitrina/core/export';
import { renderStaticDashboard } from '@vitrina/core/server';

const root = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { scale: { type: 'string', default: 'small' }, runs: { type: 'string', default: '5' }, json: { type: 'string' } },
});
const TODAY = '2026-11-26';
const dir = join(root, '.vitrina', `bench-${args.scale}`);
const config = join(dir, 'vitrina.config.json');
if (!existsSync(config)) {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [join(root, 'cli', 'dist', 'bin.js'), 'demo', '--dir', dir, '--scale', args.scale, '--seed', '42', '--today', TODAY, '--no-serve'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 2);
}
const now = new Date(`${TODAY}T12:00:00Z`);
const project = await openProject({ configPath: config, resolveFrom: [join(root, 'cli')], now: () => now });
const pool = new BrowserPool({ maxPages: 1 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(args.runs);
const results = {};
try {
  console.log(`PDF on the ${args.scale} demo, warm Chromium and warm result cache, median of ${runs}\n`);
  for (const reportId of project.definitions.reports.keys()) {
    const request = { project, reportId, now };
    await exportPdf(request, { pool });
    const framework = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await exportPdf(request, { pool });
      framework.push(performance.now() - t);
    }
    const html = await renderStaticDashboard({ project, reportId, now });
    const floor = await pool.withPage(async (page) => {
      await page.emulateMediaType('print');
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction('document.documentElement.dataset.vitrinaState === "ready"', { timeout: 60_000 });
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await page.pdf({ format: 'A4', landscape: true, printBackground: true, tagged: false });
        samples.push(performance.now() - t);
      }
      return samples;
    });
    results[reportId] = { frameworkMs: median(framework), floorMs: median(floor), ratio: median(framework) / median(floor) };
    const r = results[reportId];
    console.log(
      `${reportId.padEnd(20)} framework ${r.frameworkMs.toFixed(0).padStart(5)} ms   floor ${r.floorMs.toFixed(0).padStart(5)} ms   ratio ${r.ratio.toFixed(2)}`,
    );
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
} finally {
  await pool.close();
  await project.close();
}
