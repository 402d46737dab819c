#!/usr/bin/env node
/**
 * `pnpm bench`: every panel of the demo report pack on the `large` demo CRM (1M deals, 5M calls),
 * through the framework (definition → parameters → plan → Kysely compile → query → typed rows)
 * against the very same SQL hand-run through better-sqlite3 in the same process, plus a cached
 * repeat. Prints the ratio per panel and overall.
 *
 *   pnpm bench [--scale small|large] [--report id] [--regenerate] [--json out.json]
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openProject } from '@vitrina/core';
import { createLocalTimeFunction } from '@vitrina/plugin-sqlite';
import Database from 'better-sqlite3';

const root = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  // `pnpm bench -- --scale small` passes the `--` along.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'large' },
    report: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    json: { type: 'string' },
    'min-runs': { type: 'string', default: '5' },
  },
});
const TODAY = '2026-11-26';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const dir = join(root, '.vitrina', `bench-${args.scale}`);
const minRuns = Number(args['min-runs']);

async function ensureDemo() {
  if (existsSync(join(dir, 'data', 'crm.sqlite')) && !args.regenerate) return;
  const { spawnSync } = await import('node:child_process');
  await mkdir(dir, { recursive: true });
  console.error(`generating the ${args.scale} demo into ${dir} (once; --regenerate to redo)…`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'cli', 'dist', 'bin.js'), 'demo', '--dir', dir, '--scale', args.scale, '--seed', '42', '--today', TODAY, '--no-serve'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the functions in turn, at least `minRuns` rounds and until 2 s have passed (at most 50
 * rounds); interleaving keeps background noise from favouring either side. Medians in ms.
 */
async function timeInterleaved(...fns) {
  const samples = fns.map(() => []);
  const start = performance.now();
  while (samples[0].length < minRuns || (performance.now() - start < 2000 && samples[0].length < 50)) {
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      samples[i].push(performance.now() - t);
    }
  }
  return samples.map(median);
}

await ensureDemo();
const configPath = join(dir, 'vitrina.config.json');
const resolveFrom = [join(root, 'cli')];
// Uncached: cache TTL 0, so every call compiles and queries.
const project = await openProject({ configPath, resolveFrom, now: () => NOW, overrides: { cache: { ttlSeconds: 0 } } });
const uncachedEngine = project.engine;
const cachedProject = await openProject({ configPath, resolveFrom, now: () => NOW });

// Capture the SQL the framework sends, to hand-run exactly the same statements.
const source = project.sources.get('crm');
const captured = [];
const query = source.query.bind(source);
source.query = (compiled, options) => {
  captured.push(compiled);
  return query(compiled, options);
};
const raw = new Database(join(dir, 'data', 'crm.sqlite'), { readonly: true });
raw.function('vitrina_local_time', { deterministic: true }, createLocalTimeFunction());
const statements = new Map();
const runRaw = (compiled) => {
  let stmt = statements.get(compiled.sql);
  if (!stmt) {
    stmt = raw.prepare(compiled.sql);
    statements.set(compiled.sql, stmt);
  }
  return stmt.all(...compiled.parameters);
};

const rows = [];
const reports = [...project.definitions.reports.keys()].filter((id) => !args.report || id === args.report);
for (const reportId of reports) {
  const def = project.engine.report(reportId);
  for (const panel of def.panels) {
    captured.length = 0;
    const first = await uncachedEngine.panel(reportId, panel.id, { now: NOW });
    if ('error' in first) {
      rows.push({ report: reportId, panel: panel.id, error: first.error.message });
      continue;
    }
    const sqls = [...captured];
    // Warm both sides once (page cache, prepared statements), then alternate measurements.
    for (const c of sqls) runRaw(c);
    const [framework, hand] = await timeInterleaved(
      () => uncachedEngine.panel(reportId, panel.id, { now: NOW }),
      () => {
        for (const c of sqls) runRaw(c);
      },
    );
    // A cached repeat is what the next viewer of the same dashboard gets: measured on its own,
    // after a collection, so the garbage of the big queries above is not billed to it.
    await cachedProject.engine.panel(reportId, panel.id, { now: NOW });
    globalThis.gc?.();
    const cachedSamples = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await cachedProject.engine.panel(reportId, panel.id, { now: NOW });
      cachedSamples.push(performance.now() - t);
    }
    const cached = median(cachedSamples);
    const row = {
      report: reportId,
      panel: panel.id,
      queries: sqls.length,
      frameworkMs: framework,
      rawMs: hand,
      ratio: framework / hand,
      cachedMs: cached,
    };
    rows.push(row);
    console.log(
      `${`${reportId}/${panel.id}`.padEnd(44)} ${String(sqls.length).padStart(2)} q  framework ${framework.toFixed(2).padStart(9)} ms  raw ${hand.toFixed(2).padStart(9)} ms  ratio ${row.ratio.toFixed(3)}  cached ${cached.toFixed(3)} ms`,
    );
  }
}
const ok = rows.filter((r) => r.error === undefined);
const totalFw = ok.reduce((s, r) => s + r.frameworkMs, 0);
const totalRaw = ok.reduce((s, r) => s + r.rawMs, 0);
const summary = {
  scale: args.scale,
  panels: ok.length,
  failed: rows.filter((r) => r.error).map((r) => `${r.report}/${r.panel}: ${r.error}`),
  frameworkMs: totalFw,
  rawMs: totalRaw,
  overallRatio: totalFw / totalRaw,
  medianPanelRatio: median(ok.map((r) => r.ratio)),
  cachedMedianMs: median(ok.map((r) => r.cachedMs)),
};
console.log(
  `\noverall (sum of panel medians): framework ${totalFw.toFixed(1)} ms / raw ${totalRaw.toFixed(1)} ms = ${summary.overallRatio.toFixed(3)}` +
    `  · median panel ratio ${summary.medianPanelRatio.toFixed(3)}  · cached repeat median ${summary.cachedMedianMs.toFixed(3)} ms  (${ok.length} panels)`,
);
for (const f of summary.failed) console.log(`FAILED ${f}`);
if (args.json) await writeFile(args.json, `${JSON.stringify({ summary, rows }, null, 2)}\n`);
raw.close();
await project.close();
await cachedProject.close();
