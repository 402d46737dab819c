/**
 * @module The CSV plugin under the conformance suite: each fixture table written as a CSV file (the
 * way other systems export them: header, quoted text, empty fields for NULL) and loaded as a source
 * of its own, with the column types declared in `types`, then queried through its DuckDB extract.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectorHarness } from '../connector-harness.js';
import type { FixtureTable, FixtureType } from '../fixture.js';
import { EXTRACT_SKIPS } from './extract-rows-harness.js';

const CSV_TYPES: Record<FixtureType, string> = {
  integer: 'integer',
  text: 'string',
  decimal: 'number',
  real: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

/** One field: NULL is an empty field; text is always quoted (a quoted empty text stays text). */
function field(value: unknown, type: FixtureType): string {
  if (value === null || value === undefined) return '';
  if (type === 'text') return `"${String(value).replaceAll('"', '""')}"`;
  return String(value);
}

function csvOf(table: FixtureTable): string {
  const lines = [table.columns.map((c) => c.name).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c, i) => field(row[i], c.type)).join(','));
  return `${lines.join('\n')}\n`;
}

/** A file source is one table: cases joining `sales` to `people` within one source cannot run. */
export const ONE_TABLE_SKIPS = {
  breakdown: 'a file source holds one table: the breakdown report joins sales to people in one source',
  'top-n-other': 'a file source holds one table: the top-N report joins sales to people in one source',
  join: 'a file source holds one table: there is no second table in the source to join',
  'row-scope': 'a file source holds one table: the row scope filters on a joined table (p.team)',
  'row-scope-options': 'a file source holds one table: the row scope filters on a joined table (p.team)',
} as const;

export const csvHarness: ConnectorHarness = {
  name: 'csv',
  plugin: '@vitrina/plugin-csv',
  async load(fixture) {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-conformance-csv-'));
    const blocks: Record<string, Record<string, unknown>> = {};
    for (const table of fixture.tables) {
      writeFileSync(join(dir, `${table.name}.csv`), csvOf(table));
      blocks[table.name] = {
        plugin: 'csv',
        path: join(dir, `${table.name}.csv`),
        table: table.name,
        delimiter: ',',
        types: Object.fromEntries(table.columns.map((c) => [c.name, CSV_TYPES[c.type]])),
      };
    }
    const { sales, ...others } = blocks;
    if (!sales) throw new Error('the fixture has no sales table');
    return {
      source: sales,
      tableSources: others,
      config: { dataFolders: [dir] },
      brokenSource: { plugin: 'csv', path: join(dir, 'no-such-file.csv'), table: 'sales' },
      async cleanup() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  skips: { ...EXTRACT_SKIPS, ...ONE_TABLE_SKIPS },
};
