/**
 * @module `project.extracts`: loads extract sources on demand (`vitrina ingest`) and in the
 * background (`serve`), one load at a time, logging outcomes. A failed load is a report, never a
 * throw: the previous extract keeps serving.
 */
import type { ConnectorLogger } from '../connector/connector-types.js';
import { toVitrinaError, VitrinaError } from '../errors/index.js';
import type { ExtractSource } from './extract-source.js';
import type { ExtractRegistry, LoadReport, RefreshOptions } from './extract-types.js';

/** Background check interval when neither the server nor the source says. */
export const DEFAULT_REFRESH_MS = 60_000;

export function createExtractRegistry(
  extracts: ReadonlyMap<string, ExtractSource>,
  intervals: ReadonlyMap<string, number>,
  log: ConnectorLogger,
): ExtractRegistry & { close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  // Aborted by stop(): a background load in progress is interrupted rather than awaited at shutdown.
  let background = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  const due = new Map<string, number>();

  async function refreshOne(name: string, options: RefreshOptions): Promise<LoadReport> {
    const extract = extracts.get(name);
    const started = performance.now();
    try {
      if (!extract) throw new VitrinaError('SOURCE_NOT_FOUND', `source '${name}' is not queried through an extract`);
      return await extract.refresh(options);
    } catch (error) {
      const e = toVitrinaError(error, 'SOURCE_UNAVAILABLE');
      return {
        source: name,
        status: 'failed',
        rows: 0,
        added: 0,
        badRows: { count: 0, first: [] },
        durationMs: Math.round(performance.now() - started),
        error: e,
      };
    }
  }

  const registry = {
    names: [...extracts.keys()],
    async refresh(names: readonly string[] = [...extracts.keys()], options: RefreshOptions = {}) {
      const reports: LoadReport[] = [];
      for (const name of names) reports.push(await refreshOne(name, options));
      return reports;
    },
    startBackgroundRefresh(options: { intervalMs?: number } = {}) {
      if (timer) clearInterval(timer);
      background = new AbortController();
      const fallback = options.intervalMs ?? DEFAULT_REFRESH_MS;
      const every = (name: string) => intervals.get(name) ?? fallback;
      const now = Date.now();
      for (const name of extracts.keys()) due.set(name, now + every(name));
      const tick = Math.max(250, Math.min(fallback, ...[...extracts.keys()].map(every)));
      let busy = false;
      timer = setInterval(() => {
        if (busy) return;
        const ready = [...due].filter(([, at]) => at <= Date.now()).map(([name]) => name);
        if (!ready.length) return;
        busy = true;
        running = (async () => {
          for (const name of ready) {
            due.set(name, Date.now() + every(name));
            if (background.signal.aborted) return;
            const report = await refreshOne(name, { signal: background.signal });
            if (background.signal.aborted) return;
            if (report.status === 'failed')
              log.warn(`extract of source '${name}': ${report.error?.message}`, { source: name, hint: report.error?.hint });
            else if (report.status !== 'skipped')
              log.info(`extract of source '${name}' ${report.status}: ${report.added} rows in ${report.durationMs} ms`, {
                source: name,
                rows: report.rows,
                badRows: report.badRows.count,
                generation: report.generation,
              });
          }
        })().finally(() => {
          busy = false;
        });
      }, tick);
      // The refresh timer must not keep a finished CLI process alive.
      timer.unref();
    },
    async stopBackgroundRefresh() {
      if (timer) clearInterval(timer);
      timer = undefined;
      background.abort(new VitrinaError('ABORTED', 'background refresh stopped'));
      await running.catch(() => {});
    },
    async close() {
      await registry.stopBackgroundRefresh();
    },
  };
  return registry;
}
