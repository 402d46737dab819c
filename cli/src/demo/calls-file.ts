/** @module Builds the calls table with its indexes in a file of its own, so a second core can take the biggest table. */

import { openBuildDatabase } from './build-database.js';
import { createTableOpener, type DemoProgress, type OpenTable } from './bulk-insert.js';
import { generateCalls } from './call-generator.js';
import { generateCatalog } from './catalog-generator.js';
import { createClientBook } from './client-book.js';
import { createDemoCalendar } from './demo-calendar.js';
import { DEMO_SCALES, type DemoScaleName } from './demo-scale.js';
import { DEMO_SCHEMA, indexesOf } from './demo-schema.js';
import { createMonthlyActuals } from './monthly-actuals.js';
import { generateOrg } from './org-generator.js';

/** Plain data, so that it can cross into a worker thread. */
export interface CallsJob {
  file: string;
  seed: number;
  today: string;
  scale: DemoScaleName;
}

export interface CallsResult {
  count: number;
  /** Last answered-call day per client id, to merge into the main build's client book. */
  lastDay: Int32Array;
  /** Calls per manager and month, laid out as {@link MonthlyActuals.calls}. */
  calls: Float64Array;
}

const discard: OpenTable = () => ({ add() {}, finish() {} });

/** `signal` is honoured only inline: a worker is stopped by terminating it. */
export function buildCallsFile(job: CallsJob, onProgress?: DemoProgress, signal?: AbortSignal): CallsResult {
  const scale = DEMO_SCALES[job.scale];
  const calendar = createDemoCalendar(job.today);
  // The organisation and client base are pure functions of the seed, so rebuilding them here gives
  // exactly the main thread's models without shipping them across.
  const org = generateOrg(job.seed, calendar, scale, discard);
  const catalog = generateCatalog(job.seed, calendar, scale, discard);
  const book = createClientBook(job.seed, calendar, org, catalog, scale.clients);
  const actuals = createMonthlyActuals(org.managerCount, calendar.months.length);
  const db = openBuildDatabase(job.file);
  try {
    db.exec(DEMO_SCHEMA.calls);
    const counts: Record<string, number> = {};
    generateCalls(job.seed, calendar, org, book, actuals, scale.calls, createTableOpener(db, counts, { onProgress, signal }));
    for (const statement of indexesOf('calls')) db.exec(statement);
    return { count: counts.calls ?? 0, lastDay: book.lastDay, calls: actuals.calls };
  } finally {
    db.close();
  }
}
