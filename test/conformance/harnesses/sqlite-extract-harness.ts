/** @module The SQLite connector in `"mode": "extract"` under the conformance suite: its tables copied into DuckDB. */
import type { ConnectorHarness } from '../connector-harness.js';
import { EXTRACT_SKIPS } from './extract-rows-harness.js';
import { sqliteHarness } from './sqlite-harness.js';

export const sqliteExtractHarness: ConnectorHarness = {
  name: 'extract (sqlite in extract mode)',
  plugin: sqliteHarness.plugin,
  async load(fixture) {
    const loaded = await sqliteHarness.load(fixture);
    return {
      ...loaded,
      source: { ...loaded.source, mode: 'extract' },
      brokenSource: { ...loaded.brokenSource, mode: 'extract' },
    };
  },
  skips: EXTRACT_SKIPS,
};
