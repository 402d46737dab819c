/**
 * A large table panel exported as CSV through the streaming path — SQLite read by its own cursor,
 * and the same table through a DuckDB extract — read back by a real CSV parser: every row once,
 * the BOM, `;` and the decimal comma for Russian, formula injection defused, the viewer's row
 * scope applied, and a consumer that stops reading closes the source's cursor (HTTP: export-routes.test.ts).
 * (No timing or memory assertions: `pnpm bench:csv` measures those.)
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject, type Project, scopedViewer } from '@vitrina/core';
import { exportPanelCsvStream } from '@vitrina/core/export';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
// The workspace's CSV parser (a dependency of the CSV plugin), not a second copy for the tests.
const { parse } = createRequire(join(REPO, 'plugins/csv/package.json'))('csv-parse/sync') as {
  parse: (text: string, options: Record<string, unknown>) => string[][];
};

const ROWS = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'vitrina-csv-stream-'));
let project: Project;

function writeDatabase(file: string): void {
  const db = new Database(file);
  db.exec('create table calls (id integer primary key, manager_id integer, manager text, note text, amount real, day text)');
  const insert = db.prepare('insert into calls values (?, ?, ?, ?, ?, ?)');
  const notes = ['=HYPERLINK("http://x")', '+7 495 000-00-00', '@SUM(A1)', '-1', 'обычная заметка', 'line; with "quotes"'];
  db.transaction(() => {
    for (let i = 1; i <= ROWS; i++)
      insert.run(i, i % 7, `Менеджер ${i % 7}`, notes[i % notes.length], i / 4, `2026-0${1 + (i % 9)}-1${i % 10}`);
  })();
  db.close();
}

const table = (source: string) => ({
  source,
  table: 'calls',
  dimensions: { id: {}, manager: {}, note: {}, day: {} },
  measures: { amount: { agg: 'sum', column: 'amount' } },
  rowScope: { manager_id: '$user.manager_id' },
});

beforeAll(async () => {
  writeDatabase(join(dir, 'calls.sqlite'));
  const definitions = join(dir, 'reports');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(definitions);
  writeFileSync(
    join(definitions, 'calls.json'),
    JSON.stringify({
      id: 'calls',
      title: { en: 'Calls', ru: 'Звонки' },
      datasets: { live: table('crm'), extract: table('crm_extract') },
      panels: [
        { id: 'all', type: 'table', dataset: 'live', dimensions: ['id', 'manager', 'note', 'day'], measures: ['amount'], sort: 'id' },
        {
          id: 'all_extract',
          type: 'table',
          dataset: 'extract',
          dimensions: ['id', 'manager', 'note', 'day'],
          measures: ['amount'],
          sort: 'id',
        },
      ],
    }),
  );
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({
      plugins: ['@vitrina/plugin-sqlite'],
      sources: {
        crm: { plugin: 'sqlite', file: 'calls.sqlite' },
        crm_extract: { plugin: 'sqlite', file: 'calls.sqlite', mode: 'extract' },
      },
      definitions: 'reports',
      locale: 'ru',
      timezone: 'UTC',
    }),
  );
  project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(REPO, 'cli')] });
  expect([...project.problems, ...project.definitions.problems].map((p) => p.message)).toEqual([]);
}, 180_000);
afterAll(async () => {
  await project?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe.each(['all', 'all_extract'])('streamed CSV of panel %s', (panel) => {
  it('has every row once, the BOM, ; and a decimal comma, and defused formulas', async () => {
    const csv = await text(await exportPanelCsvStream({ project, reportId: 'calls' }, panel));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { delimiter: ';', relax_column_count: false });
    expect(rows[0]).toHaveLength(5);
    expect(rows).toHaveLength(1 + ROWS);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    expect(ids.size).toBe(ROWS);
    // Row 6 of the table: id 6, manager 6, note index 0 (a formula), amount 1.5, written 1,5.
    const six = rows.find((r) => r[0] === '6') as string[];
    expect(six).toEqual(['6', 'Менеджер 6', `'=HYPERLINK("http://x")`, '2026-07-16', '1,5']);
    const notes = new Set(rows.slice(1).map((r) => r[2]));
    expect(notes).toEqual(
      new Set([`'=HYPERLINK("http://x")`, `'+7 495 000-00-00`, `'@SUM(A1)`, `'-1`, 'обычная заметка', 'line; with "quotes"']),
    );
  });

  it("keeps to the viewer's row scope", async () => {
    const viewer = scopedViewer({ manager_id: 3 });
    const csv = await text(await exportPanelCsvStream({ project, reportId: 'calls', viewer, locale: 'en' }, panel, ','));
    const rows = parse(csv.slice(1), { delimiter: ',' }).slice(1);
    expect(rows.length).toBe(Array.from({ length: ROWS }, (_, i) => i + 1).filter((i) => i % 7 === 3).length);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Менеджер 3']));
  });

  it('stops reading the source when the consumer stops early', async () => {
    const chunks = await exportPanelCsvStream({ project, reportId: 'calls' }, panel);
    let seen = 0;
    for await (const _ of chunks) if (++seen === 3) break;
    // The cursor was closed: the same export runs again to the end.
    const csv = await text(await exportPanelCsvStream({ project, reportId: 'calls' }, panel));
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + ROWS);
  });
});
