#!/usr/bin/env node
/**
 * `pnpm bench`: every panel of the demo report pack on the `large` demo CRM (1M deals, 5M calls),
 * through the framework (definition → parameters → plan → Kysely compile → query → typed rows)
 * against the very same SQL hand-run through better-sqlite3 in the same process, plus a cached
 * repeat. Prints the ratio per panel and overall.
 *
 * With `--postgres <url>` the same demo is loaded into that database (schema `vitrina_demo`) by the
 * demo's COPY loader, timed against a plain `COPY FROM STDIN` of the same CSV through
 * pg-copy-streams, and the panels run on PostgreSQL, the raw side through a plain `pg.Client`.
 *
 *   pnpm bench [--scale small|large] [--report id] [--regenerate] [--json out.json] [--postgres url]
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openProject } from '@vitrina/core';
import { createLocalTimeFunction } from '@vitrina/plugin-sqlite';
import Database from 'better-sqlite3';
import pg from 'pg';

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
    postgres: { type: 'string' },
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

/** One CSV field the way PostgreSQL's csv format reads it: strings quoted, NULL as an empty field. */
const csvField = (v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : `"${String(v).replaceAll('"', '""')}"`);

/**
 * Loads the demo with the framework's loader, then times the baseline: the same rows as CSV files
 * (written beforehand, untimed) sent with a plain COPY FROM STDIN into bare tables of the same types.
 */
async function loadPostgres(url) {
  const { loadDemoIntoPostgres } = await import('../../cli/dist/demo/load-demo-into-postgres.js');
  const { DEMO_TABLES } = await import('../../cli/dist/demo/demo-schema.js');
  const file = join(dir, 'data', 'crm.sqlite');
  let started = performance.now();
  const loaded = await loadDemoIntoPostgres({ file, url });
  const frameworkMs = performance.now() - started;

  const csvDir = join(dir, 'csv');
  await mkdir(csvDir, { recursive: true });
  const db = new Database(file, { readonly: true });
  const columns = {};
  for (const table of DEMO_TABLES) {
    columns[table] = db
      .prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)
      .all()
      .map((c) => c.name);
    const out = createWriteStream(join(csvDir, `${table}.csv`));
    await pipeline(function* () {
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY id`).raw(true).iterate()) yield `${row.map(csvField).join(',')}\n`;
    }, out);
  }
  db.close();

  // pg-copy-streams is a dependency of the PostgreSQL plugin only; borrow it from there.
  const copyStreams = createRequire(join(root, 'plugins', 'postgres', 'package.json'))('pg-copy-streams');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'");
  await client.query('DROP SCHEMA IF EXISTS vitrina_bench_plain CASCADE; CREATE SCHEMA vitrina_bench_plain');
  // Same column types as the loaded schema, without its keys and indexes.
  for (const table of DEMO_TABLES) await client.query(`CREATE TABLE vitrina_bench_plain.${table} (LIKE vitrina_demo.${table})`);
  started = performance.now();
  for (const table of DEMO_TABLES) {
    const sql = `COPY vitrina_bench_plain.${table} (${columns[table].join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    await pipeline(createReadStream(join(csvDir, `${table}.csv`), { highWaterMark: 1 << 20 }), client.query(copyStreams.from(sql)));
  }
  const plainMs = performance.now() - started;
  await client.query('DROP SCHEMA vitrina_bench_plain CASCADE');
  await client.end();
  // About 0.7 GB at the large scale, and rewritten on every run anyway.
  await rm(csvDir, { recursive: true, force: true });
  const { copyMs, afterLoadMs, swapMs } = loaded.timings;
  const load = {
    frameworkMs,
    copyMs,
    afterLoadMs,
    swapMs,
    plainCopyMs: plainMs,
    copyRatio: copyMs / plainMs,
    totalRatio: frameworkMs / plainMs,
  };
  console.log(
    `load into PostgreSQL: framework ${(frameworkMs / 1000).toFixed(2)} s (COPY ${(copyMs / 1000).toFixed(2)} s, keys/indexes/ANALYZE ${(afterLoadMs / 1000).toFixed(2)} s, swap ${swapMs.toFixed(0)} ms)` +
      `  · plain COPY of the same CSV ${(plainMs / 1000).toFixed(2)} s  · COPY ratio ${load.copyRatio.toFixed(3)}, with indexes ${load.totalRatio.toFixed(3)}\n`,
  );
  return load;
}

await ensureDemo();
let configPath = join(dir, 'vitrina.config.json');
let load;
if (args.postgres) {
  load = await loadPostgres(args.postgres);
  // The connector takes its URL (a secret) only from the environment.
  process.env.VITRINA_BENCH_PG_URL = args.postgres;
  const config = JSON.parse(await (await import('node:fs/promises')).readFile(configPath, 'utf8'));
  config.plugins = ['@vitrina/plugin-postgres'];
  config.sources = { crm: { plugin: 'postgres', url: { env: 'VITRINA_BENCH_PG_URL' }, schema: 'vitrina_demo' } };
  configPath = join(dir, 'vitrina.postgres.config.json');
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
}
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
// The raw PostgreSQL side: one plain client with the session settings the connector's pool uses.
let pgClient;
if (args.postgres) {
  pgClient = new pg.Client({ connectionString: args.postgres });
  await pgClient.connect();
  await pgClient.query("SET TimeZone = 'UTC'; SET search_path = vitrina_demo; SET default_transaction_read_only = on");
}
const runRaw = async (compiled) => {
  if (pgClient) return (await pgClient.query({ text: compiled.sql, values: compiled.parameters })).rows;
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
    for (const c of sqls) await runRaw(c);
    const [framework, hand] = await timeInterleaved(
      () => uncachedEngine.panel(reportId, panel.id, { now: NOW }),
      async () => {
        for (const c of sqls) await runRaw(c);
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
  database: args.postgres ? 'postgres' : 'sqlite',
  ...(load && { load }),
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
await pgClient?.end();
await project.close();
await cachedProject.close();
