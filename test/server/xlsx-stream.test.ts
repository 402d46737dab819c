/**
 * A 200k-row table panel exported as XLSX through the streaming path — over real HTTP (panel and
 * whole dashboard) and by the built `vitrina render` — read back with exceljs: every row, the bold
 * frozen header with its auto-filter, a typed number cell with its format, Cyrillic text, the
 * viewer's row scope; and a CLI export that fails half-way (SQLite raises "integer overflow" on a
 * group far down the table) leaves nothing at --out, not even its temporary file.
 * (No timing or memory assertions: `pnpm bench:csv` measures those.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject, type Project } from '@vitrina/core';
import { type RunningServer, startServer } from '@vitrina/core/server';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vitrina } from '../e2e/run-vitrina.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ROWS = 200_000;
/** The group whose sum overflows: SQLite reports it when that group's row is read, long after the first. */
const OVERFLOW_AT = 150_000;
const dir = mkdtempSync(join(tmpdir(), 'vitrina-xlsx-stream-'));
const configPath = join(dir, 'vitrina.config.json');
let project: Project;
let server: RunningServer;

function writeDatabase(file: string): void {
  const db = new Database(file);
  db.exec('create table calls (id integer primary key, manager_id integer, manager text, note text, amount real)');
  db.exec('create table tallies (grp integer, big integer)');
  const insert = db.prepare('insert into calls values (?, ?, ?, ?, ?)');
  const tally = db.prepare('insert into tallies values (?, ?)');
  const notes = ['=HYPERLINK("http://x")', 'обычная заметка', 'ok'];
  db.transaction(() => {
    for (let i = 1; i <= ROWS; i++) {
      insert.run(i, i % 7, `Менеджер ${i % 7}`, notes[i % notes.length], i / 4);
      tally.run(i, 1);
    }
    tally.run(OVERFLOW_AT, 9_000_000_000_000_000_000n);
    tally.run(OVERFLOW_AT, 9_000_000_000_000_000_000n);
  })();
  db.close();
}

beforeAll(async () => {
  writeDatabase(join(dir, 'calls.sqlite'));
  mkdirSync(join(dir, 'reports'));
  writeFileSync(
    join(dir, 'reports', 'calls.json'),
    JSON.stringify({
      id: 'calls',
      title: { en: 'Calls', ru: 'Звонки' },
      datasets: {
        calls: {
          source: 'crm',
          table: 'calls',
          dimensions: { id: {}, manager: {}, note: {} },
          measures: { amount: { agg: 'sum', column: 'amount', format: 'currency' }, calls: { agg: 'count' } },
          rowScope: { manager_id: '$user.manager_id' },
        },
      },
      panels: [
        { id: 'total', type: 'kpi', dataset: 'calls', measure: 'calls' },
        { id: 'all', type: 'table', dataset: 'calls', dimensions: ['id', 'manager', 'note'], measures: ['amount'], sort: 'id' },
      ],
    }),
  );
  writeFileSync(
    join(dir, 'reports', 'tallies.json'),
    JSON.stringify({
      id: 'tallies',
      title: 'Tallies',
      datasets: { tallies: { source: 'crm', table: 'tallies', dimensions: { grp: {} }, measures: { big: { agg: 'sum', column: 'big' } } } },
      panels: [{ id: 'all', type: 'table', dataset: 'tallies', dimensions: ['grp'], measures: ['big'], sort: 'grp' }],
    }),
  );
  writeFileSync(
    configPath,
    JSON.stringify({
      plugins: ['@vitrina/plugin-sqlite'],
      sources: { crm: { plugin: 'sqlite', file: 'calls.sqlite' } },
      definitions: 'reports',
      locale: 'ru',
      currency: 'RUB',
      timezone: 'UTC',
    }),
  );
  project = await openProject({ configPath, resolveFrom: [join(REPO, 'cli')] });
  expect([...project.problems, ...project.definitions.problems].map((p) => p.message)).toEqual([]);
  server = await startServer({ project, port: 0, log: () => {} });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await project?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readBook(bytes: Buffer | string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await book.xlsx.readFile(bytes);
  else await book.xlsx.load(bytes as never);
  return book;
}

/** The table's sheet: every row, header, types, formats, Cyrillic. */
function expectTable(sheet: ExcelJS.Worksheet, rows: number): void {
  expect(sheet.actualRowCount).toBe(1 + rows);
  expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'manager', 'note', 'amount']);
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  // Fitted from the header and the first batch: the note column is wider than the default.
  expect(sheet.getColumn(3).width).toBeGreaterThan(10);
}

describe('XLSX of a 200k-row table panel', () => {
  it('streams over HTTP with every row, typed and formatted cells, and Cyrillic', async () => {
    const r = await fetch(`${server.url}/api/reports/calls/panels/all.xlsx`);
    expect(r.status).toBe(200);
    const book = await readBook(Buffer.from(await r.arrayBuffer()));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Звонки', 'all']);
    const sheet = book.worksheets[1] as ExcelJS.Worksheet;
    expectTable(sheet, ROWS);
    // Row 7 of the sheet is id 6: manager 6, note 0 (a formula as text), amount 1.5.
    expect(sheet.getRow(7).values).toEqual([undefined, 6, 'Менеджер 6', '=HYPERLINK("http://x")', 1.5]);
    expect(sheet.getCell('D7').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D7').numFmt).toBe('#,##0 "₽"');
    expect(sheet.getCell('C7').formula).toBeUndefined();
    expect(sheet.getCell(`A${ROWS + 1}`).value).toBe(ROWS);
  }, 180_000);

  it('streams the whole dashboard: cover, the KPI rendered, the table in full', async () => {
    const r = await fetch(`${server.url}/d/calls.xlsx`);
    expect(r.status).toBe(200);
    const book = await readBook(Buffer.from(await r.arrayBuffer()));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Звонки', 'total', 'all']);
    expect(book.worksheets[1]?.getCell('A2').value).toBe(ROWS);
    expectTable(book.worksheets[2] as ExcelJS.Worksheet, ROWS);
  }, 180_000);

  it('a client that disconnects half-way stops the export; the next one is whole', async () => {
    const abort = new AbortController();
    const r = await fetch(`${server.url}/api/reports/calls/panels/all.xlsx`, { signal: abort.signal });
    const reader = (r.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await reader.cancel().catch(() => {});
    const again = await fetch(`${server.url}/api/reports/calls/panels/all.xlsx`);
    expect((await readBook(Buffer.from(await again.arrayBuffer()))).worksheets[1]?.actualRowCount).toBe(1 + ROWS);
  }, 180_000);

  it('is written by vitrina render --format xlsx --panel, whole, and within a manager’s row scope', async () => {
    const out = join(dir, 'out', 'calls-all.xlsx');
    const full = vitrina(['render', 'calls', '--config', configPath, '--format', 'xlsx', '--panel', 'all', '--out', out]);
    expect(full.stderr).toContain('wrote');
    expect(full.code).toBe(0);
    expectTable((await readBook(out)).worksheets[1] as ExcelJS.Worksheet, ROWS);

    const scoped = join(dir, 'out', 'calls-3.xlsx');
    const run = vitrina(['render', 'calls', '--config', configPath, '--format', 'xlsx', '--as', 'manager_id=3', '--out', scoped]);
    expect(run.code).toBe(0);
    const book = await readBook(scoped);
    const mine = Array.from({ length: ROWS }, (_, i) => i + 1).filter((i) => i % 7 === 3).length;
    expect(book.worksheets[1]?.getCell('A2').value).toBe(mine);
    const sheet = book.worksheets[2] as ExcelJS.Worksheet;
    expectTable(sheet, mine);
    const managers = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && managers.add(row.getCell(2).value));
    expect([...managers]).toEqual(['Менеджер 3']);
  }, 180_000);

  it('a CLI export that fails half-way leaves no file at --out and no temporary file', () => {
    const folder = join(dir, 'failed');
    for (const format of ['xlsx', 'csv']) {
      const out = join(folder, `tallies.${format}`);
      const run = vitrina(['render', 'tallies', '--config', configPath, '--format', format, '--panel', 'all', '--out', out]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/overflow/i);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(folder)).toEqual([]);
    }
  }, 180_000);
});
