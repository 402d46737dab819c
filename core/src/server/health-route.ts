/**
 * @module `GET /healthz` (no auth): every source's health check, run in parallel with a deadline.
 * 200 when all are up; 503 naming the sources that are down. Definition problems are reported but
 * do not fail the check: the server still serves every valid dashboard.
 */
import type { Hono } from 'hono';
import type { HealthResult } from '../connector/connector-types.js';
import type { AppEnv } from './app-state.js';

/** A health check that takes longer than this counts as down (a load balancer is waiting). */
const HEALTH_DEADLINE_MS = 5_000;

export function healthRoute(app: Hono<AppEnv>): void {
  app.get('/healthz', async (c) => {
    const project = c.get('project');
    const entries = await Promise.all(
      [...project.sources.entries()].map(async ([name, source]): Promise<[string, HealthResult]> => {
        const result = await source
          .checkHealth({ signal: AbortSignal.timeout(HEALTH_DEADLINE_MS) })
          .catch((error: unknown): HealthResult => ({ ok: false, reason: (error as Error).message }));
        return [name, result.ok ? { ok: true } : { ok: false, reason: result.reason, ...(result.code ? { code: result.code } : {}) }];
      }),
    );
    const down = entries.filter(([, r]) => !r.ok).map(([name]) => name);
    const body = {
      status: down.length ? 'unavailable' : 'ok',
      ...(down.length ? { down } : {}),
      sources: Object.fromEntries(entries),
      reports: project.definitions.reports.size,
      definitionProblems: project.definitions.problems.length,
    };
    return c.json(body, down.length ? 503 : 200, { 'Cache-Control': 'no-store' });
  });
}
