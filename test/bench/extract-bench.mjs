#!/usr/bin/env node
/**
 * `pnpm bench:extract`: the DuckDB extract engine on generated Asterisk call logs (Master.csv,
 * cdr_csv with the newer columns), all in one run:
 *  - ingest of each size through the framework (`project.extracts.refresh`, the telephony plugin's
 *    `load`: read_csv + its normalising SELECT) against DuckDB's own `read_csv` of the same file into
 *    a table (the floor), each in a child process so its peak RSS is its own;
 *  - on the largest extract, three call-panel queries through the framework (definition → plan →
 *    Kysely → extract) against the same SQL run directly on DuckDB, and against the same data in
 *    SQLite through the framework (better-sqlite3);
 *  - an append of 10k new log lines to the largest extract against its full reload.
 *
 *   pnpm bench:extract [--sizes 1000000,5000000] [--append 10000] [--json out.json]
 *   pnpm bench:extract --sizes 100000,300000        (a quick run)
 *   pnpm bench:extract --skip-ingest                 (queries and append again, on the extracts of the last run)
 *   pnpm bench:extract --only append                 (the append alone, on the extracts of the last run)
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendCalls, writeCalls } from './generate-cdr.mjs';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.vitrina', 'bench-extract');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: '1000000,5000000' },
    append: { type: 'string', default: '10000' },
    json: { type: 'string' },
    child: { type: 'string' },
    file: { type: 'string' },
    config: { type: 'string' },
    'min-runs': { type: 'string', default: '7' },
    // Reuse the extracts of a previous run: only the queries and the append are measured again.
    'skip-ingest': { type: 'boolean', default: false },
    // `append`: only the append (implies --skip-ingest, no queries).
    only: { type: 'string' },
  },
});
const requireFromCore = createRequire(join(root, 'core', 'package.json'));
const CLI_DIR = join(root, 'cli');

// ——— child processes: one ingest each, reporting time and peak RSS ———
if (args.child === 'floor') {
  const { DuckDBInstance } = requireFromCore('@duckdb/node-api');
  const target = `${args.file}.floor.duckdb`;
  rmSync(target, { force: true });
  const started = performance.now();
  const instance = await DuckDBInstance.create(target);
  const connection = await instance.connect();
  await connection.run(`create table calls as select * from read_csv('${args.file}', header = false)`);
  await connection.run('checkpoint');
  const rows = Number((await connection.runAndReadAll('select count(*) from calls')).getRows()[0][0]);
  connection.closeSync();
  instance.closeSync();
  const ms = performance.now() - started;
  rmSync(target, { force: true });
  process.stdout.write(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
if (args.child === 'framework') {
  const { openProject } = await import('@vitrina/core');
  const project = await openProject({ configPath: args.config, resolveFrom: [CLI_DIR] });
  const started = performance.now();
  const [report] = await project.extracts.refresh(['calls'], { full: true });
  const ms = performance.now() - started;
  await project.close();
  if (report.status === 'failed') throw report.error;
  process.stdout.write(JSON.stringify({ ms, rows: report.rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function child(kind, extra) {
  const r = spawnSync(process.execPath, [import.meta.filename, '--child', kind, ...extra], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${kind} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ——— the parent ———
mkdirSync(dir, { recursive: true });
const sizes = args.sizes.split(',').map(Number);
/** A project over the generated log (or, for the SQLite side, over a copy of its calls in SQLite). */
const projectConfig = (
  n,
  name = 'extract',
  source = { plugin: 'telephony', file: `cdr-${n}.csv`, format: 'asterisk-csv', timezone: 'UTC' },
) => {
  const file = join(dir, `vitrina.${name}.${n}.config.json`);
  writeFileSync(
    file,
    JSON.stringify({
      plugins: ['@vitrina/plugin-telephony', '@vitrina/plugin-sqlite', join(import.meta.dirname, 'bench-csv-plugin.mjs')],
      sources: { calls: source },
      // Each project its own extracts (the generic contender must not replace the telephony extract).
      dataDir: name === 'extract' ? `.data-${n}` : `.data-${name}-${n}`,
      definitions: 'report-definitions',
      timezone: 'UTC',
      cache: { ttlSeconds: 0 },
    }),
  );
  return file;
};

const { writeBenchDefinitions } = await import('./extract-bench-reports.mjs');
writeBenchDefinitions(join(dir, 'report-definitions'));

const ingest = [];
for (const n of args['skip-ingest'] || args.only === 'append' ? [] : sizes) {
  const file = join(dir, `cdr-${n}.csv`);
  if (!existsSync(file)) {
    console.error(`generating ${n.toLocaleString('en')} call records into ${file} (once)…`);
    await writeCalls(file, n);
  }
  const config = projectConfig(n);
  const floor = child('floor', ['--file', file]);
  const framework = child('framework', ['--config', config]);
  // The same read_csv through the engine: its own cost without the telephony plugin's normalising.
  const generic = child('framework', ['--config', projectConfig(n, 'generic', { plugin: 'bench-csv', file: `cdr-${n}.csv` })]);
  const row = {
    rows: n,
    mb: statSync(file).size / 2 ** 20,
    floorMs: floor.ms,
    floorRowsPerS: n / (floor.ms / 1000),
    floorRssMb: floor.maxRssMb,
    frameworkMs: framework.ms,
    frameworkRowsPerS: n / (framework.ms / 1000),
    frameworkRssMb: framework.maxRssMb,
    ofFloor: floor.ms / framework.ms,
    genericMs: generic.ms,
    genericRssMb: generic.maxRssMb,
    genericOfFloor: floor.ms / generic.ms,
  };
  ingest.push(row);
  console.log(
    `ingest ${n.toLocaleString('en').padStart(10)} rows (${row.mb.toFixed(0)} MB): framework ${(framework.ms / 1000).toFixed(2)} s ` +
      `(${(row.frameworkRowsPerS / 1e6).toFixed(2)}M rows/s, peak RSS ${framework.maxRssMb.toFixed(0)} MB) · read_csv floor ` +
      `${(floor.ms / 1000).toFixed(2)} s (${(row.floorRowsPerS / 1e6).toFixed(2)}M rows/s, peak RSS ${floor.maxRssMb.toFixed(0)} MB) · ${row.ofFloor.toFixed(2)}× the floor`,
  );
  console.log(
    `       the same read_csv through the extract engine (generic CSV row source): ${(generic.ms / 1000).toFixed(2)} s, ` +
      `peak RSS ${generic.maxRssMb.toFixed(0)} MB · ${row.genericOfFloor.toFixed(2)}× the floor`,
  );
}

const largest = sizes[sizes.length - 1];
const { benchQueries } = await import('./extract-bench-queries.mjs');
const queries =
  args.only === 'append'
    ? undefined
    : await benchQueries({
        dir,
        n: largest,
        configPath: join(dir, `vitrina.extract.${largest}.config.json`),
        projectConfig,
        minRuns: Number(args['min-runs']),
      });

// Append: new lines at the end of the largest log, loaded incrementally; then the log and the
// extract are put back as they were (same bytes and mtime), so the next run starts from the same state.
const { openProject } = await import('@vitrina/core');
const file = join(dir, `cdr-${largest}.csv`);
const before = statSync(file);
const extracts = join(dir, `.data-${largest}`, 'extracts');
const backup = join(dir, 'extract-backup');
rmSync(backup, { recursive: true, force: true });
cpSync(extracts, backup, { recursive: true });
// The backup's 200+ MB of dirty pages would otherwise be flushed by the append's first fsync.
syncFiles(backup);
const manifest = JSON.parse(readFileSync(join(extracts, 'calls.json'), 'utf8'));
// With --skip-ingest the full reload's time is the one the extract's manifest recorded.
const full = ingest.length ? ingest[ingest.length - 1].frameworkMs : manifest.durationMs;
const appendRows = Number(args.append);
let append;
try {
  appendCalls(file, largest, appendRows);
  // A PBX writes these lines over minutes; the kernel has flushed them by the time a refresh runs.
  syncFiles(file);
  const project = await openProject({ configPath: join(dir, `vitrina.extract.${largest}.config.json`), resolveFrom: [CLI_DIR] });
  // As in `serve`, the extract engine is already loaded when a log grows: its first use (loading
  // DuckDB's native module, ~0.3 s) is not part of the append.
  await project.sources.get('calls').checkHealth({});
  const started = performance.now();
  const [report] = await project.extracts.refresh(['calls']);
  const ms = performance.now() - started;
  // An in-place append is published (queryable, durable in DuckDB's log) before its checkpoint,
  // which follows under the load lock: the next refresh (skipped: nothing new) waits for it.
  const settling = performance.now();
  await project.extracts.refresh(['calls']);
  const settleMs = performance.now() - settling;
  await project.close();
  if (report.status === 'failed') throw report.error;
  append = {
    rows: appendRows,
    status: report.status,
    added: report.added,
    ms,
    timings: report.timings,
    settleMs,
    fullReloadMs: full,
    share: ms / full,
  };
  console.log(
    `append ${appendRows.toLocaleString('en')} rows to the ${largest.toLocaleString('en')}-row extract: ${report.status} ${report.timings?.where} ${ms.toFixed(0)} ms ` +
      `(copy ${report.timings?.copyMs} ms, plugin ${report.timings?.fillMs} ms, publish ${report.timings?.publishMs} ms) = ` +
      `${(append.share * 100).toFixed(2)}% of a full reload (${(full / 1000).toFixed(2)} s); then the checkpoint, ${settleMs.toFixed(0)} ms under the load lock`,
  );
} finally {
  truncateSync(file, before.size);
  utimesSync(file, before.atime, before.mtime);
  rmSync(extracts, { recursive: true, force: true });
  renameSync(backup, extracts);
}

/** fsync of a file, or of every file in a folder. */
function syncFiles(path) {
  for (const f of statSync(path).isDirectory() ? readdirSync(path).map((n) => join(path, n)) : [path]) {
    const fd = openSync(f, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
}

if (args.json) writeFileSync(args.json, `${JSON.stringify({ ingest, queries, append }, null, 2)}\n`);
