/**
 * @module `/assets/…`: ECharts, the client bundle and theme files. A URL whose `?v=` matches the
 * file's hash is immutable for a year; without it (or with an old one) the file is served with
 * `no-cache` and an ETag, so a stale link never pins an old file. Names are checked (one path
 * segment, no dots in front), so no URL reaches outside the asset folders.
 */
import type { Context, Hono } from 'hono';
import { type AssetFile, assetFile, CLIENT_BUNDLE, contentType, echartsFile } from '../render/html/asset-files.js';
import { findThemeDir, isSafeName, themeAssetPath } from '../render/html/theme-files.js';
import type { AppEnv, AppState } from './app-state.js';
import { HttpProblem } from './error-status.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

function send(c: Context, file: AssetFile): Response {
  const etag = `"${file.hash}"`;
  const headers: Record<string, string> = {
    'Content-Type': contentType(file.path),
    'Cache-Control': c.req.query('v') === file.hash ? IMMUTABLE : 'no-cache',
    ETag: etag,
  };
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(file.body), 200, headers);
}

export function assetRoutes(app: Hono<AppEnv>, state: AppState): void {
  // Pages link the theme's favicon.svg; a client asking for /favicon.ico anyway gets "no icon", not a 404 error.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));

  app.get('/assets/echarts/echarts.min.js', (c) => {
    const file = assetFile(echartsFile());
    if (!file) throw new HttpProblem('ASSET_NOT_FOUND', 'echarts is not installed', 'reinstall @vitrina/core');
    return send(c, file);
  });

  app.get('/assets/vitrina/dashboard.js', (c) => {
    const file = assetFile(CLIENT_BUNDLE);
    if (!file)
      throw new HttpProblem(
        'CLIENT_NOT_BUILT',
        'the dashboard script is not built yet (core/dist/client/dashboard.js is missing)',
        "run 'pnpm build' in the Vitrina checkout",
      );
    return send(c, file);
  });

  app.get('/assets/themes/:theme/:file', (c) => {
    const { theme, file } = c.req.param();
    const dir = isSafeName(theme) ? findThemeDir(theme, state.themes().searchPath) : undefined;
    const path = dir ? themeAssetPath(dir, file) : undefined;
    const asset = path ? assetFile(path) : undefined;
    if (!asset) throw new HttpProblem('ASSET_NOT_FOUND', `no file '${file}' in theme '${theme}'`);
    return send(c, asset);
  });
}
