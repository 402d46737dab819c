/**
 * @module `GET /admin`: definition health (problems with file and line, reports serving their
 * last good version) and the audit log, filtered by `?since=` and `?event=`. Admins only; to
 * everyone else it does not exist (404 like any unknown page).
 */
import type { Hono } from 'hono';
import type { VitrinaError } from '../../errors/index.js';
import { adminPage } from './admin-page.js';
import type { AccessControl } from './auth-types.js';
import { isAdmin } from './report-access.js';

interface ProjectView {
  problems: VitrinaError[];
  definitions: { problems: VitrinaError[]; reports: ReadonlyMap<string, { stale?: boolean }> };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

function since(text: string | undefined, now: number): Date | undefined {
  if (!text) return undefined;
  const m = /^(\d{1,6})([mhd])$/.exec(text);
  const date = m ? new Date(now - Number(m[1]) * (UNIT_MS[m[2] as string] as number)) : new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function adminRoutes(app: Hono, access: AccessControl): void {
  app.get('/admin', async (c, next) => {
    if (!isAdmin(c)) return next(); // falls through to the app's 404
    const project = (c.var as { project?: ProjectView }).project;
    const where = (p: VitrinaError) => {
      const { file, line, pointer } = p.location;
      return `${file ?? ''}${line ? `:${line}` : ''}${pointer ? ` ${pointer}` : ''}`;
    };
    const problems = [...(project?.problems ?? []), ...(project?.definitions.problems ?? [])].map((p) => ({
      where: where(p),
      message: `${p.message}${p.hint ? ` — ${p.hint}` : ''}`,
    }));
    const reports = [...(project?.definitions.reports ?? new Map()).entries()].map(([id, r]) => ({ id, stale: r.stale === true }));
    const from = since(c.req.query('since'), (access.now ?? Date.now)());
    const event = c.req.query('event')?.slice(0, 40) || undefined;
    const entries = await access.store.audit.list({ limit: 500, ...(from ? { since: from } : {}), ...(event ? { event } : {}) });
    const csrfToken = (c.var as { principal?: { csrfToken?: string } }).principal?.csrfToken;
    const html = adminPage({
      problems,
      reports,
      entries,
      ...(csrfToken ? { csrfToken } : {}),
      ...(c.req.query('since') ? { since: c.req.query('since') } : {}),
      ...(event ? { event } : {}),
    });
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });
}
