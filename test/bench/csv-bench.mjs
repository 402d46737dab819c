#!/usr/bin/env node
/**
 * `pnpm bench:csv`: CSV and XLSX export of a table panel with 100k and 1M rows through the streaming path
 * (connector rows → CSV writer → file, with backpressure), from SQLite (its own cursor) and from a
 * DuckDB extract of the same table, against the floor: better-sqlite3 `iterate()` of the very SQL
 * the framework ran, joined into CSV lines by hand and written to a file. Each run is a fresh
 * process, so its peak RSS (VmHWM) is its own; memory is flat when 1M rows peak about where 100k do.
 * The materialised path (the whole panel in memory, then CSV) is shown at 100k for scale.
 * XLSX: the panel workbook (cover + the table's sheet, exceljs's streaming writer) from SQLite,
 * against the floor of better-sqlite3 `iterate()` of the same SQL into an exceljs WorkbookWriter
 * by hand (same number formats, bold frozen header, auto-filter; row.commit, waiting for the
 * file's drain every 1000 rows).
 *
 * `--heap-mb N` caps each child's V8 old space (--max-old-space-size): peak RSS then shows what an
 * export keeps alive, not how far V8 lets garbage pile up before collecting it.
 *
 *   pnpm bench:csv [--rows 1000000] [--formats csv,xlsx] [--heap-mb 96] [--json out.json]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, '.vitrina', 'bench-csv');
const self = join(import.meta.dirname, 'csv-bench.mjs');
const peakRssMB = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

async function child(mode, panel, out, sql, limit) {
  // Timed from the first query: module loading and opening the project are not the export's cost.
  let t = performance.now();
  let rows = 0;
  let recorded;
  /** Remembers the panel's SQL as better-sqlite3 prepares it, so the floor runs the very same statement. */
  async function recordPanelSql() {
    const { default: Database } = await import('better-sqlite3');
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (text) {
      if (text.includes('"calls"') && /group by/i.test(text)) recorded = text;
      return prepare.call(this, text);
    };
  }
  if (mode === 'xlsx-floor') {
    const { default: Database } = await import('better-sqlite3');
    const { default: ExcelJS } = await import('exceljs');
    const db = new Database(join(dir, 'calls.sqlite'), { readonly: true });
    t = performance.now();
    const file = createWriteStream(out);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    const cover = workbook.addWorksheet('Calls');
    cover.addRow(['Calls']).commit();
    cover.commit();
    const sheet = workbook.addWorksheet('Calls table', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: 'id', width: 10, style: { numFmt: '#,##0' } },
      { header: 'manager', width: 14 },
      { header: 'note', width: 24 },
      { header: 'day', width: 12 },
      { header: 'amount', width: 12, style: { numFmt: '#,##0.00' } },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
    for (const [id, manager, note, day, amount] of db
      .prepare(sql)
      .raw(true)
      .iterate(...(limit > 0 ? [limit] : []))) {
      sheet.addRow([id, manager, note, day, amount]).commit();
      if (++rows % 1000 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (file.writableNeedDrain) await new Promise((resolve) => file.once('drain', resolve));
      }
    }
    sheet.commit();
    await workbook.commit();
    db.close();
  } else if (mode === 'xlsx') {
    await recordPanelSql();
    const { openProject } = await import('@vitrina/core');
    const { exportPanelXlsx } = await import('@vitrina/core/export');
    const project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(root, 'cli')] });
    t = performance.now();
    const file = createWriteStream(out);
    await exportPanelXlsx(file, { project, reportId: 'calls' }, panel);
    await new Promise((resolve) => (file.closed ? resolve() : file.once('close', resolve)));
    const seconds = (performance.now() - t) / 1000;
    await project.close();
    t = performance.now() - seconds * 1000;
    // Rows as the table holds them (counted by the floor on the same SQL); the tests read files back.
    rows = limit;
  } else if (mode === 'floor') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 'calls.sqlite'), { readonly: true });
    t = performance.now();
    const file = createWriteStream(out);
    const write = (text) => (file.write(text) ? undefined : new Promise((resolve) => file.once('drain', resolve)));
    await write('\uFEFFid;manager;note;day;amount\r\n');
    let chunk = '';
    // The framework's SQL with its parameters; the same cells, escaped the simple way (no quotes needed here but ';').
    // Raw rows (arrays), the fastest better-sqlite3 reads.
    for (const [id, manager, text, day, amount] of db
      .prepare(sql)
      .raw(true)
      .iterate(...(limit > 0 ? [limit] : []))) {
      const note = text.includes(';') || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : /^[=+\-@]/.test(text) ? `'${text}` : text;
      chunk += `${id};${manager};${note};${day};${String(amount).replace('.', ',')}\r\n`;
      if (++rows % 1000 === 0) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
    await new Promise((resolve) => file.end(resolve));
    db.close();
  } else {
    await recordPanelSql();
    const { openProject } = await import('@vitrina/core');
    const { exportPanelCsv, exportPanelCsvStream } = await import('@vitrina/core/export');
    const project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(root, 'cli')] });
    const request = { project, reportId: 'calls' };
    t = performance.now();
    const chunks = mode === 'materialised' ? await exportPanelCsv(request, panel) : await exportPanelCsvStream(request, panel);
    await pipeline(Readable.from(chunks), createWriteStream(out));
    const seconds = (performance.now() - t) / 1000;
    await project.close();
    t = performance.now() - seconds * 1000;
    // Counted afterwards, a megabyte at a time, so counting costs neither time nor memory above.
    let lines = 0;
    for await (const chunk of createReadStream(out, { highWaterMark: 1 << 20 }))
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
    rows = lines - 1;
  }
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(
    JSON.stringify({ rows, seconds, rowsPerSecond: rows / seconds, peakRssMB: peakRssMB(), bytes: statSync(out).size, sql: recorded }),
  );
}

function run(mode, panel, extra = []) {
  const out = join(dir, `out-${mode}-${panel}.${mode.startsWith('xlsx') ? 'xlsx' : 'csv'}`);
  const heap = args['heap-mb'] ? [`--max-old-space-size=${args['heap-mb']}`] : [];
  const r = spawnSync(process.execPath, [...heap, self, '--child', mode, '--panel', panel, '--out', out, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`${mode} ${panel} failed: ${r.stderr}`);
  rmSync(out, { force: true });
  return JSON.parse(r.stdout);
}

async function prepare(total) {
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const file = join(dir, 'calls.sqlite');
  const marker = join(dir, `rows-${total}`);
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'reports'), { recursive: true });
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('create table calls (id integer primary key, manager_id integer, manager text, note text, amount real, day text)');
    const insert = db.prepare('insert into calls values (?, ?, ?, ?, ?, ?)');
    const notes = ['=HYPERLINK("http://x")', '+7 495 000-00-00', 'обычная заметка', 'line; with "quotes"', 'перезвонить', 'ok'];
    for (let start = 1; start <= total; start += 10_000)
      db.transaction(() => {
        for (let i = start; i < start + 10_000 && i <= total; i++)
          insert.run(
            i,
            i % 40,
            `Менеджер ${i % 40}`,
            notes[i % notes.length],
            (i % 10_000) / 4,
            `2026-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`,
          );
      })();
    db.close();
    writeFileSync(marker, '');
  }
  const table = (source) => ({
    source,
    table: 'calls',
    dimensions: { id: {}, manager: {}, note: {}, day: {} },
    measures: { amount: { agg: 'sum', column: 'amount' } },
  });
  const panel = (id, dataset, limit) => ({
    id,
    type: 'table',
    dataset,
    dimensions: ['id', 'manager', 'note', 'day'],
    measures: ['amount'],
    sort: 'id',
    ...(limit ? { limit } : {}),
  });
  writeFileSync(
    join(dir, 'reports', 'calls.json'),
    JSON.stringify({
      id: 'calls',
      title: 'Calls',
      datasets: { live: table('crm'), extract: table('crm_extract') },
      panels: [
        panel('sqlite_100k', 'live', 100_000),
        panel('sqlite_all', 'live'),
        panel('duckdb_100k', 'extract', 100_000),
        panel('duckdb_all', 'extract'),
      ],
    }),
  );
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({
      plugins: ['@vitrina/plugin-sqlite'],
      sources: {
        crm: { plugin: 'sqlite', file: 'calls.sqlite' },
        crm_extract: { plugin: 'sqlite', file: 'calls.sqlite', mode: 'extract' },
      },
      definitions: 'reports',
      locale: 'ru',
      timezone: 'UTC',
      query: { timeoutSeconds: 600 },
    }),
  );
  // Load the DuckDB extract once, outside the measured runs.
  const { openProject } = await import('@vitrina/core');
  const project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(root, 'cli')] });
  await project.engine.panel('calls', 'duckdb_100k', { parameters: {} });
  await project.close();
}

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    child: { type: 'string' },
    panel: { type: 'string' },
    out: { type: 'string' },
    sql: { type: 'string' },
    limit: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    formats: { type: 'string', default: 'csv,xlsx' },
    'heap-mb': { type: 'string' },
    json: { type: 'string' },
  },
});

if (args.child) {
  await child(args.child, args.panel, args.out, args.sql, Number(args.limit));
} else {
  const total = Number(args.rows);
  const load = () => loadavg().map((x) => x.toFixed(2));
  const results = { when: new Date().toISOString(), rows: total, heapMB: args['heap-mb'] ?? null, loadBefore: load(), runs: {} };
  await prepare(total);
  console.log(`CSV export of a table panel (id, manager, note, day, sum(amount)); load average ${results.loadBefore.join(' ')}\n`);
  console.log(`${'run'.padEnd(30)} ${'rows'.padStart(9)} ${'rows/s'.padStart(10)} ${'peak RSS'.padStart(9)} ${'vs floor'.padStart(9)}`);
  const show = (name, r, floor) =>
    console.log(
      `${name.padEnd(30)} ${String(r.rows).padStart(9)} ${Math.round(r.rowsPerSecond).toLocaleString('en').padStart(10)} ${`${r.peakRssMB.toFixed(0)} MB`.padStart(9)} ${floor ? `${(floor.rowsPerSecond / r.rowsPerSecond).toFixed(2)}×`.padStart(9) : ''.padStart(9)}`,
    );
  const formats = new Set(args.formats.split(','));
  const sizes = [
    ['100k', '100k', 100_000],
    ['all', 'all', total],
  ];
  if (formats.has('csv'))
    for (const [label, suffix, n] of sizes) {
      const sqlite = run('stream', `sqlite_${suffix}`);
      // The floor runs exactly the SQL the framework ran (recorded in its process), with its row limit.
      const floor = run('floor', `floor_${suffix}`, ['--sql', sqlite.sql, '--limit', String(/limit \?\s*$/i.test(sqlite.sql) ? n : 0)]);
      const duckdb = run('stream', `duckdb_${suffix}`);
      results.runs[label] = { floor, sqlite, duckdb, sqliteRatio: floor.rowsPerSecond / sqlite.rowsPerSecond };
      show(`floor (iterate + join) ${label}`, floor);
      show(`stream SQLite ${label}`, sqlite, floor);
      show(`stream DuckDB extract ${label}`, duckdb, floor);
      if (label === '100k') {
        const materialised = run('materialised', 'sqlite_100k');
        results.runs[label].materialised = materialised;
        show('materialised SQLite 100k', materialised, floor);
      }
    }
  if (formats.has('xlsx')) {
    console.log(`\nXLSX export of the same panel (cover + table sheet; exceljs streaming writer)\n`);
    for (const [label, suffix, n] of sizes) {
      // The SQL the framework runs, recorded by a run of its own, for the floor to run unchanged.
      const framework = run('xlsx', `sqlite_${suffix}`, ['--limit', String(n)]);
      const floor = run('xlsx-floor', `floor_${suffix}`, [
        '--sql',
        framework.sql,
        '--limit',
        String(/limit \?\s*$/i.test(framework.sql) ? n : 0),
      ]);
      framework.rows = floor.rows;
      framework.rowsPerSecond = floor.rows / framework.seconds;
      results.runs[`xlsx ${label}`] = { floor, framework, ratio: floor.rowsPerSecond / framework.rowsPerSecond };
      show(`floor (iterate + exceljs) ${label}`, floor);
      show(`xlsx stream SQLite ${label}`, framework, floor);
    }
  }
  for (const r of Object.values(results.runs)) for (const v of Object.values(r)) if (v && typeof v === 'object') delete v.sql;
  results.loadAfter = load();
  console.log(`\nratio = floor rows/s ÷ framework rows/s (1.00 = as fast as the floor); load average after ${results.loadAfter.join(' ')}`);
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
}
