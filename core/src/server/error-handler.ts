/**
 * @module The one error handler of the app (`onError` + `notFound`): JSON `{error:{code,message,
 * hint}}` under `/api/`, plain text under `/assets/`, a themed HTML page elsewhere. Never a stack
 * trace: a bug is logged in full and shown as "internal error".
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../i18n/messages.js';
import { renderErrorPage } from '../render/html/render-pages.js';
import type { AppEnv, AppState } from './app-state.js';
import { chooseLocale } from './choose-locale.js';
import { type ErrorBody, HttpProblem, publicError } from './error-status.js';
import { hostedAssets } from './page-assets.js';

function respond(c: Context<AppEnv>, state: AppState, status: number, body: ErrorBody, retryAfter?: number): Response {
  const path = c.req.path;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  // A busy PDF printer says when to come back.
  if (retryAfter) headers['Retry-After'] = String(retryAfter);
  if (path.startsWith('/api/') || path === '/healthz') return c.json(body, status as 400, headers);
  const { code, message, hint } = body.error;
  if (path.startsWith('/assets/')) return c.text(`${message}${hint ? ` — ${hint}` : ''}\n`, status as 400, headers);
  const project = c.get('project') ?? state.live.project;
  let locale: Locale = project.config.locale ?? 'en';
  try {
    locale = chooseLocale(c, project.config.locale);
  } catch {
    // a bad ?lang is the error being shown: keep the config's language
  }
  try {
    const theme = (c.get('themes') ?? state.themes()).get();
    const html = renderErrorPage(
      { theme, locale, assets: hostedAssets(theme, false), url: c.req.path },
      { status, code, message, ...(hint ? { hint } : {}) },
    );
    return c.html(html, status as 400, headers);
  } catch (error) {
    state.log(`error page failed: ${(error as Error).message}`);
    return c.text(`${status} ${message}\n`, status as 400, headers);
  }
}

export function installErrorHandler(app: Hono<AppEnv>, state: AppState): void {
  app.onError((error, c) => {
    const { status, body, internal } = publicError(error);
    if (internal) state.log(`internal error on ${c.req.method} ${c.req.path}: ${(error as Error).stack ?? String(error)}`);
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return respond(c, state, status, body, typeof retryAfter === 'number' ? retryAfter : undefined);
  });
  app.notFound((c) => {
    const problem = new HttpProblem(
      'NOT_FOUND',
      `no page at ${c.req.path.slice(0, 200)}`,
      'dashboards are at /d/<report-id>; the list is at /',
    );
    const { status, body } = publicError(problem);
    return respond(c, state, status, body);
  });
}
