/**
 * @module The extract benchmark's query part: each bench panel through the framework on the DuckDB
 * extract, the very same SQL hand-run on DuckDB, and the same panel through the framework on a
 * SQLite copy of the same rows (better-sqlite3), timed interleaved, medians in ms.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openProject } from '@vitrina/core';
import { DuckDBConnectionPool } from '@vitrina/core/extract';
import Database from 'better-sqlite3';
import { BENCH_PANELS } from './extract-bench-reports.mjs';

const NOW = new Date('2026-11-26T12:00:00Z');
const CLI_DIR = join(import.meta.dirname, '..', '..', 'cli');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Medians of each function, run in turns until `minRuns` each and, for several functions, up to 4 s
 * or 300 turns: a 10 ms query gets hundreds of samples, so a ±1 ms jitter from other processes
 * does not decide its ratio. The order flips every turn, so neither side always runs first (after
 * the other's garbage or with a cooler cache).
 */
async function timeInterleaved(minRuns, ...fns) {
  const samples = fns.map(() => []);
  const start = performance.now();
  for (
    let turn = 0;
    samples[0].length < minRuns || (fns.length > 1 && performance.now() - start < 4000 && samples[0].length < 300);
    turn++
  ) {
    const order = turn % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const i of order) {
      const t = performance.now();
      await fns[i]();
      samples[i].push(performance.now() - t);
    }
  }
  return samples.map(median);
}

/** The extract's calls, copied once into SQLite with the columns the panels use and an index on the time. */
async function sqliteCopy(pool, file, extractFile) {
  if (existsSync(file) && statSync(file).mtimeMs > statSync(extractFile).mtimeMs) return;
  console.error(`copying the calls into SQLite (${file}) for the comparison…`);
  const db = new Database(`${file}.tmp`);
  db.pragma('journal_mode = WAL');
  db.exec(
    'drop table if exists calls; create table calls (started_at TEXT, extension TEXT, disposition TEXT, direction TEXT, talk_seconds INTEGER)',
  );
  const insert = db.prepare('insert into calls values (?, ?, ?, ?, ?)');
  const many = db.transaction((rows) => {
    for (const r of rows) insert.run(r);
  });
  await pool.use(async (connection) => {
    const result = await connection.stream(
      "select strftime(started_at, '%Y-%m-%d %H:%M:%S'), extension, disposition, direction, talk_seconds from calls",
    );
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) many(chunk.getRows());
  });
  db.exec('create index calls_started_at on calls (started_at)');
  db.close();
  const { renameSync, rmSync } = await import('node:fs');
  rmSync(file, { force: true });
  renameSync(`${file}.tmp`, file);
  rmSync(`${file}.tmp-wal`, { force: true });
  rmSync(`${file}.tmp-shm`, { force: true });
}

export async function benchQueries({ dir, n, configPath, projectConfig, minRuns }) {
  const project = await openProject({ configPath, resolveFrom: [CLI_DIR], now: () => NOW });
  const source = project.sources.get('calls');
  const captured = [];
  const query = source.query.bind(source);
  source.query = (compiled, options) => {
    captured.push(compiled);
    return query(compiled, options);
  };
  const extractFile = join(dir, `.data-${n}`, 'extracts', 'calls.duckdb');
  const pool = await DuckDBConnectionPool.open(extractFile, { readonly: true });
  const sqliteFile = join(dir, `calls-${n}.sqlite`);
  await sqliteCopy(pool, sqliteFile, extractFile);
  const sqlite = await openProject({
    configPath: projectConfig(n, 'sqlite', { plugin: 'sqlite', file: `calls-${n}.sqlite` }),
    resolveFrom: [CLI_DIR],
    now: () => NOW,
  });
  const rows = [];
  for (const { report, panel, title } of BENCH_PANELS) {
    captured.length = 0;
    const first = await project.engine.panel(report, panel, { now: NOW });
    if ('error' in first) throw new Error(`${report}/${panel}: ${first.error.message}`);
    const sqls = [...captured];
    const check = await sqlite.engine.panel(report, panel, { now: NOW });
    if ('error' in check) throw new Error(`sqlite ${report}/${panel}: ${check.error.message}`);
    if (JSON.stringify(check.rows) !== JSON.stringify(first.rows))
      console.error(`note: ${panel} differs between DuckDB and SQLite (row order)`);
    const raw = () =>
      pool.use(async (c) => {
        const out = [];
        for (const q of sqls) out.push((await c.runAndReadAll(q.sql, q.parameters)).getRowsJS());
        return out;
      });
    // The hand-run side must be the fair equivalent: the very SQL the framework ran, with the same answer.
    const [direct0] = await raw();
    const plain = (rows) =>
      JSON.stringify(rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v))));
    if (
      sqls.length !== 1 ||
      direct0.length !== first.rows.length ||
      plain(direct0.map((r) => r.filter((v) => typeof v !== 'string' || !/^\d{4}-/.test(v)))) !==
        plain(first.rows.map((r) => r.filter((v) => typeof v !== 'string' || !/^\d{4}-/.test(v))))
    )
      console.error(
        `note: ${panel}: the direct SQL's rows differ from the framework's (${sqls.length} statement(s), ${direct0.length} vs ${first.rows.length} rows)`,
      );
    const [framework, direct] = await timeInterleaved(minRuns, () => project.engine.panel(report, panel, { now: NOW }), raw);
    // SQLite takes seconds per aggregate here: three runs give its median without minutes of waiting.
    const [onSqlite] = await timeInterleaved(3, () => sqlite.engine.panel(report, panel, { now: NOW }));
    const row = {
      panel: `${report}/${panel}`,
      title,
      rows: first.rows.length,
      frameworkMs: framework,
      duckdbMs: direct,
      ratio: framework / direct,
      sqliteMs: onSqlite,
      speedUp: onSqlite / framework,
    };
    rows.push(row);
    console.log(
      `${title.padEnd(42)} framework ${framework.toFixed(2).padStart(8)} ms · DuckDB direct ${direct.toFixed(2).padStart(8)} ms · ratio ${row.ratio.toFixed(3)} · SQLite ${onSqlite.toFixed(1).padStart(8)} ms · ${row.speedUp.toFixed(0)}× faster`,
    );
  }
  await pool.close();
  await project.close();
  await sqlite.close();
  return rows;
}
