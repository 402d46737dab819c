/** @module Builds the deterministic demo CRM database (SQLite) that the examples and tests report on. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { generateActivities } from './activity-generator.js';
import { openBuildDatabase } from './build-database.js';
import { createTableOpener, type DemoProgress } from './bulk-insert.js';
import { type CallsJobHandle, startCallsJob } from './calls-job.js';
import { generateCatalog } from './catalog-generator.js';
import { createClientBook } from './client-book.js';
import { writeClients } from './client-writer.js';
import { generateComplaints } from './complaint-generator.js';
import { generateDeals } from './deal-generator.js';
import { createDemoCalendar } from './demo-calendar.js';
import { DEMO_SCALES } from './demo-scale.js';
import { DEMO_SCHEMA, DEMO_TABLES, type DemoTable, indexesOf } from './demo-schema.js';
import { createMonthlyActuals } from './monthly-actuals.js';
import { generateOrg } from './org-generator.js';
import { generatePlans } from './plan-generator.js';

export interface DemoOptions {
  /** Target SQLite file; replaced atomically, its folder created if missing. */
  file: string;
  /** 'small' (20k deals, 100k calls; a second or two) or 'large' (1M deals, 5M calls; about a minute). */
  scale: 'small' | 'large';
  /** Same seed and today give the same content; any integer. */
  seed: number;
  /** 'YYYY-MM-DD', the last day of data; nothing is read from the clock. */
  today: string;
  /** Called per table at its start, every 50k rows and at its end; calls may interleave with other tables. */
  onProgress?: DemoProgress;
  /** Checked between transactions; an abort leaves no file behind. */
  signal?: AbortSignal;
}

export interface DemoSummary {
  /** Absolute path of the written database. */
  file: string;
  /** Rows per table. */
  counts: Record<string, number>;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits for `promise` unless the signal fires first; both outcomes stay handled and the listener is removed. */
async function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

export async function generateDemoCrm(options: DemoOptions): Promise<DemoSummary> {
  const scale = DEMO_SCALES[options.scale];
  if (!scale) throw new Error(`Unknown demo scale ${JSON.stringify(options.scale)}; expected 'small' or 'large'`);
  if (!Number.isSafeInteger(options.seed)) throw new Error(`The demo seed must be an integer, got ${options.seed}`);
  const { seed, signal } = options;
  const calendar = createDemoCalendar(options.today);
  signal?.throwIfAborted();

  const file = path.resolve(options.file);
  const temp = `${file}.tmp-${process.pid}`;
  const restTemp = `${temp}-rest`;
  let db: Database.Database | undefined;
  let callsJob: CallsJobHandle | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const leftover of [temp, restTemp]) fs.rmSync(leftover, { force: true });
    // Calls are two thirds of the rows: a second core builds them, with their indexes, right into the
    // target file, while this thread builds every other table in a file of its own.
    callsJob = startCallsJob({ file: temp, seed, today: options.today, scale: options.scale }, options.onProgress, signal);
    const rest = openBuildDatabase(restTemp);
    db = rest;
    const tables = DEMO_TABLES.filter((table) => table !== 'calls');
    for (const table of tables) rest.exec(DEMO_SCHEMA[table]);
    const index = (target: Database.Database, ...names: DemoTable[]) => {
      for (const table of names) for (const statement of indexesOf(table)) target.exec(statement);
    };

    const counts: Record<string, number> = {};
    const open = createTableOpener(rest, counts, options);
    const org = generateOrg(seed, calendar, scale, open);
    const catalog = generateCatalog(seed, calendar, scale, open);
    const book = createClientBook(seed, calendar, org, catalog, scale.clients);
    const actuals = createMonthlyActuals(org.managerCount, calendar.months.length);
    await pause();
    const deals = generateDeals(seed, calendar, org, catalog, book, actuals, scale.deals, open);
    await pause();
    generateActivities(seed, calendar, org, book, deals, actuals, scale.activities, open);
    await pause();
    generateComplaints(seed, calendar, book, scale.complaints, open);
    index(rest, 'departments', 'regions', 'managers', 'products', 'campaigns', 'deals', 'activities', 'complaints');

    const calls = await unlessAborted(callsJob.result(), signal);
    counts.calls = calls.count;
    for (let client = 1; client < calls.lastDay.length; client++) book.touch(client, calls.lastDay[client] ?? 0);
    calls.calls.forEach((value, i) => {
      actuals.calls[i] = (actuals.calls[i] ?? 0) + value;
    });
    // Clients and plans go last: last_activity_on and plan actuals need every contact generated first.
    writeClients(seed, calendar, book, open);
    generatePlans(seed, calendar, org, actuals, open);
    index(rest, 'clients', 'plans');
    rest.close();
    signal?.throwIfAborted();

    const target = openBuildDatabase(temp);
    db = target;
    // Into empty tables with the same indexes SQLite copies rows and index entries as they are (the
    // transfer optimisation), so nothing is sorted a second time.
    for (const table of tables) target.exec(DEMO_SCHEMA[table]);
    index(target, ...tables);
    target.prepare('ATTACH DATABASE ? AS rest').run(restTemp);
    for (const table of tables) target.exec(`INSERT INTO ${table} SELECT * FROM rest.${table}`);
    target.exec('DETACH DATABASE rest');
    // Sampled statistics are enough for the planner and keep ANALYZE to a fraction of a second.
    target.pragma('analysis_limit = 1000');
    target.exec('ANALYZE');
    // DELETE leaves a single self-contained file (no -wal/-shm) that can be copied or opened read-only.
    target.pragma('journal_mode = DELETE');
    target.close();
    db = undefined;
    fs.rmSync(restTemp, { force: true });
    fs.renameSync(temp, file);
    return { file, counts };
  } catch (error) {
    await callsJob?.cancel().catch(() => {});
    try {
      db?.close();
    } catch {
      // The original error matters more than a failed close.
    }
    for (const leftover of [temp, restTemp]) fs.rmSync(leftover, { force: true });
    throw error;
  }
}
