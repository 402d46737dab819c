import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The same build as core/scripts/bundle-client.mjs, in memory: the browser code compiles, stays
// one self-contained IIFE (no imports left for a classic <script>), and ECharts stays out of it.
describe('dashboard bundle', () => {
  it('builds into one small self-contained file', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./dom/dashboard-entry.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      conditions: ['@vitrina/source'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(result.errors).toEqual([]);
    expect(code).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
    // ECharts (~1 MB) is loaded by the page as a global, never bundled.
    expect(code.length).toBeLessThan(80_000);
    expect(code).toContain('vitrina:panel-rendered');
    expect(code).toContain('vitrina-state');
  });
});
