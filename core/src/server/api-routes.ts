/**
 * @module The JSON API: a whole report, one panel (the same JSON `vitrina render --format json`
 * gives), and the options of a select parameter. Query string = report parameters. A panel that
 * failed (its source is down) is answered with its error value and the error's status. Successful
 * report and panel answers are kept in the response memo (./response-memo.ts): a repeat request
 * is answered from it after the sign-in and visibility checks, without resolving anything again.
 */
import type { Context, Hono } from 'hono';
import type { ReportDefinition } from '../definition/report-definition.js';
import type { ReportEngine } from '../engine/report-engine.js';
import { optionLabel } from '../render/html/parameter-views.js';
import { isPanelError } from '../result/result-set.js';
import type { AppEnv } from './app-state.js';
import { assertReportVisible, requestViewer } from './auth/report-access.js';
import { cachedJson, type JsonBody, jsonBody, sendJson } from './cached-json.js';
import { chooseLocale } from './choose-locale.js';
import { statusOf } from './error-status.js';
import { type ReportViewer, reportRequest, reportViewer } from './report-request.js';
import { requestParameters } from './request-parameters.js';
import { canonicalQuery, type MemoLimits, memoisable, memoOf, sourcesOf, viewerKey } from './response-memo.js';

function reportTtlMs(engine: ReportEngine, def: ReportDefinition): number {
  return Math.min(...def.panels.map((p) => engine.panelTtlMs(def, p)));
}

/** Everything an answer depends on besides definitions, data and time (which the memo checks itself). */
function memoKey(c: Context, id: string, panel: string, asker: ReportViewer): string {
  return `${JSON.stringify([id, panel, canonicalQuery(c.req.url), asker.locale])}${viewerKey(asker.viewer)}`;
}

interface Consulted {
  /** The memoised answer. */
  hit?: Response;
  /** Keeps the answer about to be computed (when the memo may). */
  keep?: (json: JsonBody, ttlMs: number) => void;
}

/**
 * The memo's half of a report route (`panelId` '' for the whole report): the memoised answer, or
 * how to keep the one about to be computed. Definitions and data versions are read before the
 * answer is computed, so a reload or a data change meanwhile only causes a recompute.
 */
async function consultMemo(c: Context<AppEnv>, limits: MemoLimits, asker: ReportViewer, id: string, panelId: string): Promise<Consulted> {
  const memo = memoOf(asker.project, limits);
  if (!memo.enabled) return {};
  const definitions = asker.project.definitions;
  const key = memoKey(c, id, panelId, asker);
  const hit = await memo.get(key);
  if (hit) return { hit: sendJson(c, hit) };
  const def = definitions.reports.get(id)?.definition;
  const panels = def ? (panelId === '' ? def.panels : def.panels.filter((p) => p.id === panelId)) : [];
  if (!def || panels.length === 0 || !panels.every(memoisable)) return {};
  const data = await memo.versions(sourcesOf(def, panels, panelId));
  return { keep: (json, ttlMs) => memo.set(key, json, ttlMs, definitions, data) };
}

export function apiRoutes(app: Hono<AppEnv>, memoLimits: MemoLimits = {}): void {
  app.get('/api/reports/:id', async (c) => {
    const id = c.req.param('id');
    const asker = reportViewer(c, id);
    const { hit, keep } = await consultMemo(c, memoLimits, asker, id, '');
    if (hit) return hit;
    const { project, def, request } = await reportRequest(c, id, requestParameters(c.req.queries()), asker);
    const { engine } = project;
    const output = await engine.render(def.id, request);
    const ttlMs = output.panels.some(isPanelError) ? 0 : reportTtlMs(engine, def);
    const json = jsonBody(output, ttlMs / 1000);
    if (ttlMs > 0) keep?.(json, ttlMs);
    return sendJson(c, json);
  });

  app.get('/api/reports/:id/panels/:panel', async (c) => {
    const id = c.req.param('id');
    const asker = reportViewer(c, id);
    const { hit, keep } = await consultMemo(c, memoLimits, asker, id, c.req.param('panel'));
    if (hit) return hit;
    const { project, def, request } = await reportRequest(c, id, requestParameters(c.req.queries()), asker);
    const { engine } = project;
    const outcome = await engine.panel(def.id, c.req.param('panel'), request);
    if (isPanelError(outcome)) return cachedJson(c, outcome, 0, statusOf(outcome.error.code));
    const panel = def.panels.find((p) => p.id === outcome.id);
    const ttlMs = panel ? engine.panelTtlMs(def, panel) : 0;
    const json = jsonBody(outcome, ttlMs / 1000);
    if (ttlMs > 0) keep?.(json, ttlMs);
    return sendJson(c, json);
  });

  app.get('/api/reports/:id/parameters/:parameter/options', async (c) => {
    const { engine, config } = c.get('project');
    const locale = chooseLocale(c, config.locale);
    assertReportVisible(c, c.get('project').definitions.reports, c.req.param('id'));
    const viewer = requestViewer(c);
    const def = engine.report(c.req.param('id'));
    const id = c.req.param('parameter');
    const values = await engine.parameterOptions(def.id, id, { viewer, signal: c.req.raw.signal });
    const p = def.parameters?.find((x) => x.id === id);
    const options = values.map((value) => ({ value: String(value), label: p ? optionLabel(def, p, value, locale) : String(value) }));
    const ttl = (config.cache?.ttlSeconds ?? 60) as number;
    return cachedJson(c, { report: def.id, parameter: id, options }, ttl);
  });
}
