/** @module The SQLite connector under the conformance suite: the fixture in a temporary database file. */
// Stored the way CRM exports to SQLite store it: UTC text timestamps, ISO dates, 0/1 booleans.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConnectorHarness } from '../connector-harness.js';
import type { Fixture, FixtureType } from '../fixture.js';

const NATIVE: Record<FixtureType, string> = {
  integer: 'INTEGER',
  text: 'TEXT',
  decimal: 'NUMERIC',
  real: 'REAL',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

function loadInto(file: string, fixture: Fixture): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    for (const table of fixture.tables) {
      const columns = table.columns.map((c) => `"${c.name}" ${NATIVE[c.type]}${c.nullable ? '' : ' NOT NULL'}`);
      db.exec(`CREATE TABLE "${table.name}" (${columns.join(', ')})`);
      const insert = db.prepare(`INSERT INTO "${table.name}" VALUES (${table.columns.map(() => '?').join(', ')})`);
      const booleans = table.columns.map((c) => c.type === 'boolean');
      db.transaction(() => {
        for (const row of table.rows) insert.run(row.map((v, i) => (booleans[i] && v !== null ? (v ? 1 : 0) : v)));
      })();
    }
  } finally {
    db.close();
  }
}

export const sqliteHarness: ConnectorHarness = {
  name: 'sqlite',
  plugin: join(import.meta.dirname, '..', '..', '..', 'plugins', 'sqlite', 'src', 'index.ts'),
  async load(fixture) {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-conformance-sqlite-'));
    loadInto(join(dir, 'fixture.sqlite'), fixture);
    return {
      source: { plugin: 'sqlite', file: join(dir, 'fixture.sqlite') },
      brokenSource: { plugin: 'sqlite', file: join(dir, 'no-such-file.sqlite') },
      async cleanup() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  skips: {
    cancellation: 'better-sqlite3 runs a query synchronously on the main thread, so no abort signal can fire until the query has finished',
    'cancellation-server': 'better-sqlite3 runs a query synchronously on the main thread: there is nothing to interrupt it with',
    'cancellation-early': 'better-sqlite3 runs a query synchronously on the main thread: there is nothing to interrupt it with',
  },
};
