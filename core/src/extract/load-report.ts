/** @module What one extract load reports: its status, row counts, generation and where its time went. */
import type { BadRowCollector } from './extract-target.js';
import type { ExtractManifest, LoadReport, LoadTimings, RefreshOptions } from './extract-types.js';

/** What one load is measured and reported with. */
export interface LoadRun {
  source: string;
  options: RefreshOptions;
  previous?: ExtractManifest;
  fingerprint: string;
  bad: BadRowCollector;
  started: number;
}

export function report(run: LoadRun, status: LoadReport['status'], rows: number, added: number, generation?: number): LoadReport {
  return {
    source: run.source,
    status,
    rows,
    added,
    badRows: run.bad.summary,
    durationMs: Math.round(performance.now() - run.started),
    generation,
  };
}

export function timed(loadReport: LoadReport, timings: LoadTimings): LoadReport {
  return { ...loadReport, timings };
}

export function stopwatch(): () => number {
  let mark = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
}

export function total(manifest: ExtractManifest): number {
  return Object.values(manifest.tables).reduce((a, b) => a + b, 0);
}
