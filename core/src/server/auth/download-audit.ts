/**
 * @module Audits every download — CSV, XLSX, PDF — whatever route serves it: after a successful
 * response whose type is one of those (or an attachment), records who fetched which report with
 * which parameters. Keyed on the response, not on route names, so a new export route is audited
 * without touching this file (unless it sits at a path listed in JSON_OR_PAGE).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { recordAudit } from './record-audit.js';

const KINDS: [RegExp, string][] = [
  [/application\/pdf/, 'pdf'],
  [/spreadsheetml|application\/vnd\.ms-excel/, 'xlsx'],
  [/text\/csv/, 'csv'],
];

/** Paths that only ever answer JSON or HTML: `/`, `/d/<id>`, `/api/reports/<id>[/panels|parameters/…]`. */
const JSON_OR_PAGE = /^\/(d\/[^/.]+|api\/reports\/[^/.]+(\/(panels|parameters)\/[^/.]+(\/options)?)?)?$/;

/**
 * Whether the answer to this request may be a download, known before the route runs: dashboard
 * pages and the JSON API (most requests) are not, unless they ask for a format.
 */
export function mayBeDownload(c: Context): boolean {
  return c.req.method === 'GET' && (!JSON_OR_PAGE.test(c.req.path) || /[?&](format|download)=/.test(c.req.url));
}

/**
 * The after-half of `downloadAudit` as a plain step, run once the response is there: a promise
 * only when the response is a download to record.
 */
export function downloadAuditor(access: AccessControl): (c: Context<AuthEnv>) => Promise<void> | undefined {
  return (c) => {
    // Dashboard pages and the JSON API (most requests) are not downloads: skip reading their headers.
    if (!mayBeDownload(c) || c.res.status !== 200) return undefined;
    const type = c.res.headers.get('content-type') ?? '';
    const format = KINDS.find(([re]) => re.test(type))?.[1];
    const attachment = /attachment/i.test(c.res.headers.get('content-disposition') ?? '');
    if (!format && !attachment) return undefined;
    const url = new URL(c.req.url);
    const report = /\/(?:reports|d|export|pdf)\/([^/?]+)/.exec(url.pathname)?.[1];
    const parameters: Record<string, string[]> = {};
    for (const key of new Set(url.searchParams.keys())) parameters[key] = url.searchParams.getAll(key).map((v) => v.slice(0, 200));
    return recordAudit(access, c, {
      event: format === 'pdf' ? 'pdf' : 'export',
      details: {
        path: url.pathname.slice(0, 300),
        format: format ?? 'file',
        ...(report ? { report: decodeURIComponent(report) } : {}),
        parameters,
      },
    });
  };
}

export function downloadAudit(access: AccessControl): MiddlewareHandler<AuthEnv> {
  const audit = downloadAuditor(access);
  return async (c, next) => {
    await next();
    await audit(c);
  };
}
