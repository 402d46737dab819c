/**
 * End to end on a real SQLite file: a viewer's value that is an SQL injection attempt is bound as
 * a parameter, never spliced into the SQL, so it matches no row and the table survives it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPanelError, openProject, type PanelOutcome, type Project } from '@vitrina/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SQLITE_PLUGIN = join(import.meta.dirname, '..', '..', 'plugins', 'sqlite', 'src', 'index.ts');
const ATTEMPTS = ["x' OR '1'='1", "north' OR 1=1 --", "x'; DROP TABLE deals; --", 'north; DELETE FROM deals'];

let dir: string;
let project: Project;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-injection-'));
  const db = new Database(join(dir, 'crm.sqlite'));
  db.exec(`
    create table deals(id integer primary key, region text not null, stage text not null, amount real not null);
    insert into deals(region, stage, amount) values
      ('north', 'won', 100), ('north', 'lost', 50), ('south', 'won', 70), ('south', 'won', 30), ('west', 'lost', 10);
  `);
  db.close();
  mkdirSync(join(dir, 'report-definitions'));
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({ plugins: [SQLITE_PLUGIN], sources: { crm: { plugin: 'sqlite', file: 'crm.sqlite' } }, cache: { ttlSeconds: 0 } }),
  );
  writeFileSync(
    join(dir, 'report-definitions', 'deals.json'),
    JSON.stringify({
      id: 'deals',
      title: 'Deals',
      // Options come from the data, so any text passes parameter resolution and reaches the query.
      parameters: [{ id: 'region', type: 'select', dataset: 'deals', dimension: 'region' }],
      datasets: {
        deals: {
          source: 'crm',
          table: 'deals',
          dimensions: { region: {}, stage: {} },
          measures: { deals: { agg: 'count' }, amount: { agg: 'sum', column: 'amount' } },
        },
        by_sql: {
          source: 'crm',
          sql: 'SELECT stage, amount FROM deals WHERE region = :region',
          dimensions: { stage: {} },
          measures: { deals: { agg: 'count' } },
        },
      },
      panels: [
        {
          id: 'filtered',
          type: 'table',
          dataset: 'deals',
          measures: ['deals', 'amount'],
          dimensions: ['stage'],
          filters: { region: '$region' },
        },
        { id: 'sql', type: 'table', dataset: 'by_sql', measures: ['deals'], dimensions: ['stage'] },
      ],
    }),
  );
  project = await openProject({ configPath: join(dir, 'vitrina.config.json'), env: {} });
  expect([...project.problems, ...project.definitions.problems]).toEqual([]);
});

afterAll(async () => {
  await project?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rowsOf(outcome: PanelOutcome | undefined): unknown[][] {
  if (!outcome || isPanelError(outcome)) throw new Error(`panel failed: ${JSON.stringify(outcome)}`);
  return outcome.rows;
}

describe('SQL injection through a select parameter', () => {
  it('a real value matches its rows (the panels do filter)', async () => {
    const out = await project.engine.render('deals', { parameters: { region: 'north' } });
    expect(rowsOf(out.panels[0])).toEqual([
      ['lost', 1, 50],
      ['won', 1, 100],
    ]);
    expect(rowsOf(out.panels[1])).toEqual([
      ['lost', 1],
      ['won', 1],
    ]);
  });

  it.each(ATTEMPTS)('%j is bound as a value: zero rows in the table and the SQL dataset', async (attempt) => {
    const out = await project.engine.render('deals', { parameters: { region: attempt } });
    expect(rowsOf(out.panels[0])).toEqual([]);
    expect(rowsOf(out.panels[1])).toEqual([]);
  });

  it('the table still exists with every row', () => {
    const db = new Database(join(dir, 'crm.sqlite'), { readonly: true });
    try {
      expect(db.prepare("select count(*) as n from sqlite_schema where type = 'table' and name = 'deals'").get()).toEqual({ n: 1 });
      expect(db.prepare('select count(*) as n from deals').get()).toEqual({ n: 5 });
    } finally {
      db.close();
    }
  });
});
