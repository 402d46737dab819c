/**
 * @module Report visibility per request. A report the principal may not open answers exactly as
 * one that does not exist (404, same message, no "did you mean" listing other reports), so
 * nobody learns which dashboards exist beyond their own. Requests without a principal reach
 * routes only when auth is off or not installed (tests, static export): they see everything.
 */
import type { Context } from 'hono';
import type { Grant } from '../../access/access-config.js';
import { mayOpen } from '../../access/report-grants.js';
import { UNRESTRICTED_VIEWER, type Viewer } from '../../access/viewer.js';
import type { ReportDefinition } from '../../definition/report-definition.js';
import { VitrinaError } from '../../errors/index.js';
import type { RequestPrincipal } from './auth-types.js';

interface Vars {
  principal?: RequestPrincipal;
  viewer?: Viewer;
  project?: { config: { auth?: { grants?: Record<string, Grant> } } };
}
// `c.get` per key, not `c.var`: Hono builds `c.var` afresh from every variable on each access.
const get = <K extends keyof Vars>(c: Context, key: K): Vars[K] => (c as unknown as Context<{ Variables: Vars }>).get(key);

/** True when the request's principal may open the report. */
export function canOpenReport(c: Context, def: Pick<ReportDefinition, 'id' | 'access'>): boolean {
  const principal = get(c, 'principal');
  return !principal || mayOpen(principal, def, get(c, 'project')?.config.auth?.grants ?? {});
}

/** Throws the unknown-report 404 unless the principal may open report `id`. */
export function assertReportVisible(c: Context, reports: ReadonlyMap<string, { definition: ReportDefinition }>, id: string): void {
  if (!get(c, 'principal')) return;
  const def = reports.get(id)?.definition;
  if (def && canOpenReport(c, def)) return;
  throw new VitrinaError('REPORT_NOT_FOUND', `no report '${id.slice(0, 100)}'`, { hint: 'the dashboards you may open are listed at /' });
}

/** The viewer the engine runs this request as (its row scope). */
export function requestViewer(c: Context): Viewer {
  return get(c, 'viewer') ?? UNRESTRICTED_VIEWER;
}

/** Admins signed in with a session (not a token) see admin pages and definition problems. */
export function isAdmin(c: Context): boolean {
  const principal = get(c, 'principal');
  return principal?.user.role === 'admin' && principal.via === 'session';
}

/** Whether definition problems (file names, lines) may be shown: admins, or nobody signs in. */
export function maySeeProblems(c: Context): boolean {
  return !get(c, 'principal') || isAdmin(c);
}
