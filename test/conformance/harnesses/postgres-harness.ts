/** @module The PostgreSQL connector under the conformance suite: the fixture in a fresh database of the test server. */
// PostgreSQL's own types: numeric, double precision, boolean, date, timestamptz.
import { join } from 'node:path';
import { createTestDatabase, runSql } from '../../support/postgres-cluster.js';
import type { ConnectorHarness } from '../connector-harness.js';
import type { Fixture, FixtureTable, FixtureType } from '../fixture.js';

const NATIVE: Record<FixtureType, string> = {
  integer: 'integer',
  text: 'text',
  decimal: 'numeric(12,2)',
  real: 'double precision',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
};

/** The source reads the URL from here: the connector accepts a URL only from the environment (it carries the password). */
const URL_VARIABLE = 'VITRINA_CONFORMANCE_PG_URL';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One statement per table: every column travels as a text array, cast to its type by `unnest`. */
async function loadTable(url: string, table: FixtureTable): Promise<void> {
  const { columns } = table;
  const defs = columns.map((c) => `${quote(c.name)} ${NATIVE[c.type]}${c.nullable ? '' : ' not null'}`);
  await runSql(url, `create table ${quote(table.name)} (${defs.join(', ')})`);
  const arrays = columns.map((c, i) =>
    table.rows.map((row) => {
      const v = row[i];
      if (v === null || v === undefined) return null;
      // Fixture timestamps are UTC wall clocks: say so, whatever the session's zone.
      return c.type === 'timestamp' ? `${v}+00` : String(v);
    }),
  );
  const casts = columns.map((c, i) => `u.c${i}::${NATIVE[c.type]}`);
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`);
  const names = columns.map((_, i) => `c${i}`);
  await runSql(
    url,
    `insert into ${quote(table.name)} select ${casts.join(', ')} from unnest(${unnest.join(', ')}) as u(${names.join(', ')})`,
    arrays,
  );
  await runSql(url, `analyze ${quote(table.name)}`);
}

async function loadInto(url: string, fixture: Fixture): Promise<void> {
  for (const table of fixture.tables) await loadTable(url, table);
}

export const postgresHarness: ConnectorHarness = {
  name: 'postgres',
  plugin: join(import.meta.dirname, '..', '..', '..', 'plugins', 'postgres', 'src', 'index.ts'),
  async load(fixture) {
    const db = await createTestDatabase('conformance');
    try {
      await loadInto(db.url, fixture);
    } catch (error) {
      await db.drop();
      throw error;
    }
    process.env[URL_VARIABLE] = db.url;
    return {
      source: { plugin: 'postgres', url: { env: URL_VARIABLE } },
      // Port 1 on the loopback refuses at once: a server that is down.
      brokenSource: { plugin: 'postgres', host: '127.0.0.1', port: 1, database: 'nowhere', user: 'nobody', connectTimeoutMs: 2000 },
      async runningQueries() {
        const rows = await runSql(
          db.url,
          "select query from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()",
        );
        return rows.map((r) => String(r.query));
      },
      async cleanup() {
        delete process.env[URL_VARIABLE];
        await db.drop();
      },
    };
  },
};
