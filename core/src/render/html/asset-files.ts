/**
 * @module The files the pages load: ECharts from node_modules, the client bundle from
 * `core/dist/client/`, theme files. Each is read once and kept with a content hash (re-read when
 * its size or mtime changes), so URLs carry `?v=<hash>` and can be cached for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** ECharts' browser build, from this package's own dependency (never a CDN). */
export function echartsFile(): string {
  return require.resolve('echarts/dist/echarts.min.js');
}

/** The client bundle esbuild writes; `src/render/html` and `dist/render/html` are both three levels below `core/`. */
export const CLIENT_BUNDLE = fileURLToPath(new URL('../../../dist/client/dashboard.js', import.meta.url));

export interface AssetFile {
  path: string;
  body: Buffer;
  hash: string;
}

const files = new Map<string, { size: number; mtimeMs: number; asset: AssetFile }>();

/** The file with its hash, or undefined when it does not exist. */
export function assetFile(path: string): AssetFile | undefined {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const known = files.get(path);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.asset;
  const body = readFileSync(path);
  const asset = { path, body, hash: createHash('sha256').update(body).digest('hex').slice(0, 16) };
  files.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, asset });
  return asset;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  map: 'application/json; charset=utf-8',
};

export function contentType(path: string): string {
  return TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}
