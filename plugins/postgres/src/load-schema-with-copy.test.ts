/**
 * The COPY loader: CSV fields that survive the round trip (NULL vs empty text, quotes, delimiters,
 * line breaks, the `\.` end-of-data marker, Cyrillic), and the swap of the schema readers use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runSql, type TestDatabase } from '../../../test/support/postgres-cluster.js';
import { csvField, loadSchemaWithCopy } from './load-schema-with-copy.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('pg_copy_loader');
});
afterAll(async () => db?.drop());

const TRICKY = ['', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf', '\\.', 'back\\slash', 'Иванов И.И.', ' padded '];

describe('csvField', () => {
  it('leaves NULL unquoted and empty, quotes only text that needs it', () => {
    expect([null, undefined, 3, 2.5, '', 'x', 'a"b'].map(csvField)).toEqual(['', '', '3', '2.5', '""', 'x', '"a""b"']);
  });
});

describe('loadSchemaWithCopy', () => {
  it('round-trips every kind of text and NULL, and replaces the schema as a whole', async () => {
    const load = (rows: unknown[][]) =>
      loadSchemaWithCopy({
        url: db.url,
        schema: 'copied',
        tables: [
          {
            name: 't',
            createSql: 'CREATE TABLE t (id integer, v text, at timestamptz)',
            columns: ['id', 'v', 'at'],
            rows,
            total: rows.length,
          },
        ],
        afterLoad: ['ALTER TABLE t ADD PRIMARY KEY (id)'],
      });
    await load([[0, 'old', null]]);
    const rows = [...TRICKY.map((v, i) => [i + 1, v, '2026-03-29 23:30:00']), [99, null, null]];
    const summary = await load(rows);
    expect(summary.counts).toEqual({ t: rows.length });
    const back = await runSql(
      db.url,
      "select id, v, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as at from copied.t order by id",
    );
    expect(back).toEqual(rows.map(([id, v, at]) => ({ id, v, at })));
  });
});
