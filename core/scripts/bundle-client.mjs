/**
 * @module Bundles the dashboard's browser code (core/src/render/client) into one ES2020 file,
 * core/dist/client/dashboard.js, served at /assets/vitrina/dashboard.js and inlined by the static
 * export. An IIFE, not a module: it runs from a classic deferred <script> and from an inline one.
 * ECharts is not bundled: the page loads it once as a global.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const core = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${core}/dist/client`, { recursive: true });

const result = await build({
  entryPoints: [`${core}/src/render/client/dom/dashboard-entry.ts`],
  outfile: `${core}/dist/client/dashboard.js`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  conditions: ['@vitrina/source'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`client bundle: core/dist/client/dashboard.js (${(bytes / 1024).toFixed(1)} KB)`);
