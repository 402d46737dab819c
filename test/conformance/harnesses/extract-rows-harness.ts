/** @module A row source under the conformance suite: the fixture read in batches and queried through its DuckDB extract. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectorHarness } from '../connector-harness.js';

/** Why the two server-side cancellation cases cannot run on an extract. */
export const EXTRACT_SKIPS = {
  'cancellation-server':
    'DuckDB runs in-process and has no view of the statements running on it (nothing like pg_stat_activity) for the probe to watch; the abort interrupts the connection (DuckDBConnection.interrupt), which the cancellation case checks from the outside',
  'cancellation-early':
    'DuckDB runs in-process and has no view of the statements running on it (nothing like pg_stat_activity) for the probe to watch',
} as const;

export const extractRowsHarness: ConnectorHarness = {
  name: 'extract (row source)',
  plugin: join(import.meta.dirname, 'fixture-rows-plugin.ts'),
  async load(fixture) {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-conformance-rows-'));
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
    return {
      source: { plugin: 'fixture-rows', file: join(dir, 'fixture.json') },
      brokenSource: { plugin: 'fixture-rows', file: join(dir, 'no-such-file.json') },
      async cleanup() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  skips: EXTRACT_SKIPS,
};
