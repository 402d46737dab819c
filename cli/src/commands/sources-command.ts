/** @module `vitrina sources check`: the health of every configured source. */
import { openProject } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';

export async function sourcesCheckCommand(options: { config?: string; json?: boolean }): Promise<number> {
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    const results = await Promise.all(
      [...project.sources.values()].map(async (s) => {
        const started = performance.now();
        const health = await s.checkHealth({ timeoutMs: 10_000 });
        return { source: s.name, plugin: s.pluginName, ms: Math.round(performance.now() - started), ...health };
      }),
    );
    if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else
      for (const r of results) {
        const line = r.ok ? `ok    ${r.source} (${r.plugin}) ${r.ms} ms` : `FAIL  ${r.source} (${r.plugin}): ${r.reason}`;
        (r.ok ? process.stdout : process.stderr).write(`${line}\n`);
      }
    return results.every((r) => r.ok) ? EXIT_OK : EXIT_USER_ERROR;
  } finally {
    await project.close();
  }
}
