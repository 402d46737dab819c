/**
 * @module `createApp`: the Hono app serving a project — pages, JSON API, assets, health — with one
 * error handler. Pass a `Project` (tests, one-off servers) or a `LiveProject` (hot reload swaps
 * it). Creating the app does no I/O; it can be mounted in another Hono app or served by
 * `startServer`.
 */
import { Hono } from 'hono';
import type { Project } from '../project/open-project.js';
import { BrowserPool, browserPoolOptions } from '../render/pdf/browser-pool.js';
import { apiRoutes } from './api-routes.js';
import type { AppEnv, AppState } from './app-state.js';
import { assetRoutes } from './asset-routes.js';
import type { AccessControl } from './auth/auth-types.js';
import { installAuth } from './auth/install-auth.js';
import { CachedRouter } from './cached-router.js';
import { installErrorHandler } from './error-handler.js';
import { exportRoutes } from './export-routes.js';
import { healthRoute } from './health-route.js';
import { LiveProject } from './live-project.js';
import { pageRoutes } from './page-routes.js';
import type { MemoLimits } from './response-memo.js';
import { securityHeaders } from './security-headers.js';

export interface CreateAppOptions {
  /** The project to serve; or `live` for one that hot reload may swap. */
  project?: Project;
  live?: LiveProject;
  /** Where warnings and internal errors go. Default: stderr. */
  log?: (message: string) => void;
  /** Sign-in, sessions, tokens, CSRF and row scope (see ./auth). Without it every request is unrestricted. */
  access?: AccessControl;
  /**
   * The warm Chromium that prints PDFs. Default: one created on the first PDF request; whoever
   * created the app should then call `closePrinter` (startServer does) or Chromium lives until exit.
   */
  printer?: BrowserPool;
  /** Bounds of the JSON API's response memo (./response-memo.ts). Default: the config's `cache.maxEntries` entries, 32 MiB. */
  responseMemo?: MemoLimits;
}

export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const live = options.live ?? (options.project ? new LiveProject(options.project, log) : undefined);
  if (!live) throw new TypeError('createApp needs { project } or { live }');
  const state: AppState = { live, themes: () => live.themes, log };
  let printer = options.printer;
  const app = new Hono<AppEnv>({ router: new CachedRouter() });
  printers.set(app, () => printer);
  // Each request keeps the project it started with, even if a config reload swaps it meanwhile.
  app.use(async (c, next) => {
    const lease = live.acquire();
    c.set('project', lease.project);
    c.set('themes', lease.themes);
    try {
      await next();
    } finally {
      lease.release();
    }
  });
  if (options.access) installAuth(app, options.access);
  else app.use(securityHeaders());
  healthRoute(app);
  // Before the pages: `/d/<id>.pdf` must not be read as a dashboard called "<id>.pdf".
  exportRoutes(app, () => {
    printer ??= new BrowserPool(browserPoolOptions(live.project.config.pdf));
    return printer;
  });
  pageRoutes(app, options.access);
  apiRoutes(app, options.responseMemo);
  assetRoutes(app, state);
  installErrorHandler(app, state);
  return app;
}

const printers = new WeakMap<object, () => BrowserPool | undefined>();

/** Closes the PDF printer of an app made by `createApp` (kills its Chromium), if it started one. */
export async function closePrinter(app: object): Promise<void> {
  await printers.get(app)?.()?.close();
}
