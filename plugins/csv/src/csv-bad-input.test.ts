/**
 * Bad input under both policies: `strict` fails the load with a VitrinaError naming file, line and
 * column and what to do; `skip` reports each bad row (file, line, column, reason) and loads the rest.
 */
import { VitrinaError } from '@vitrina/core';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { CsvOptions } from './csv-options.js';
import { CsvProject } from './test-support/csv-project.js';

const project = new CsvProject();
afterAll(() => project.remove());

/**
 * The error the plugin failed the load with (the engine wraps it, keeping code, file and line, as
 * `cause`). Bad data has its own code; a file that is not there is "source unavailable".
 */
async function failure(options: CsvOptions, code = 'DATA_INVALID'): Promise<VitrinaError> {
  const error = await project.load(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VitrinaError);
  expect((error as VitrinaError).code).toBe(code);
  const cause = (error as VitrinaError).cause;
  const own = cause instanceof VitrinaError ? cause : (error as VitrinaError);
  expect(own.code).toBe(code);
  return own;
}

describe('CSV connector: bad input', () => {
  it('rows with too few or too many fields', async () => {
    const file = project.write('fields.csv', 'id,name,amount\n1,a,10\n2,b\n3,c,30,extra\n4,d,40\n');
    const error = await failure({ path: 'fields.csv' });
    expect(error.location).toMatchObject({ file, line: 3 });
    expect(error.message).toMatch(/Expected Number of Columns: 3 Found: 2.*\(and 1 more bad row\)/);
    expect(error.hint).toMatch(/every row needs 3 fields.*"badRows": "skip"/);
    const { rows, badRows } = await project.load({ path: 'fields.csv', badRows: 'skip' });
    expect(rows.map((r) => r.id)).toEqual([1, 4]);
    expect(badRows.map((b) => [b.file, b.line])).toEqual([
      [file, 3],
      [file, 4],
    ]);
  });

  it('a number that does not parse, past the sampled rows', async () => {
    const good = Array.from({ length: 20 }, (_, i) => `${i + 1},${i}.5`).join('\n');
    const file = project.write('numbers.csv', `id,amount\n${good}\n21,12a\n22,1.5\n`);
    const error = await failure({ path: 'numbers.csv', sampleRows: 10 });
    expect(error.location).toEqual({ file, line: 22, column: 2, pointer: undefined });
    expect(error.message).toMatch(/column 'amount'.*"12a".*column type number/);
    expect(error.hint).toMatch(/"types": \{"amount": "string"\}/);
    const { rows, badRows } = await project.load({ path: 'numbers.csv', sampleRows: 10, badRows: 'skip' });
    expect(rows).toHaveLength(21);
    expect(badRows).toEqual([{ file, line: 22, column: 'amount', reason: expect.stringMatching(/12a/) }]);
  });

  it('a date that does not parse in the configured layout', async () => {
    const file = project.write('dates-bad.csv', 'day;plan\n01.02.2024;1\n31.02.2024;2\nвчера;3\n');
    const error = await failure({ path: 'dates-bad.csv', dateFormat: 'DD.MM.YYYY', types: { day: 'date' } });
    expect(error.location).toMatchObject({ file, line: 3, column: 1 });
    expect(error.hint).toMatch(/"dateFormat"/);
    const { rows, badRows } = await project.load({
      path: 'dates-bad.csv',
      dateFormat: 'DD.MM.YYYY',
      types: { day: 'date' },
      badRows: 'skip',
    });
    expect(rows).toEqual([{ day: '2024-02-01', plan: 1 }]);
    expect(badRows.map((b) => [b.line, b.column])).toEqual([
      [3, 'day'],
      [4, 'day'],
    ]);
  });

  it('a truncated last line: fields missing, or a quote never closed', async () => {
    const cut = project.write('cut.csv', 'id,name,amount\n1,a,10\n2,b');
    expect((await failure({ path: 'cut.csv' })).location).toMatchObject({ file: cut, line: 3 });
    expect((await project.load({ path: 'cut.csv', badRows: 'skip' })).rows).toHaveLength(1);
    const open = project.write('open-quote.csv', 'id,name,amount\n1,a,10\n2,"b, unfinished');
    const error = await failure({ path: 'open-quote.csv' });
    expect(error.location).toMatchObject({ file: open, line: 3 });
    expect(error.message).toMatch(/quoted field is never closed/);
    expect((await project.load({ path: 'open-quote.csv', badRows: 'skip' })).rows).toEqual([{ id: 1, name: 'a', amount: 10 }]);
  });

  it('an empty file', async () => {
    const empty = project.write('empty/a.csv', '');
    project.write('empty/b.csv', 'id\n1\n');
    expect((await failure({ path: 'empty/a.csv' })).message).toMatch(/empty \(0 bytes\)/);
    const error = await failure({ path: 'empty/*.csv' });
    expect(error.location).toMatchObject({ file: empty, line: 1 });
    const { rows, badRows } = await project.load({ path: 'empty/*.csv', badRows: 'skip' });
    expect(rows).toEqual([{ id: 1 }]);
    expect(badRows).toEqual([{ file: empty, line: 1, reason: 'the file is empty (0 bytes)' }]);
    // A header alone is a table with no rows, not an error.
    project.write('header-only.csv', 'id,name\n');
    expect((await project.load({ path: 'header-only.csv' })).outcome).toMatchObject({ rows: 0, status: 'loaded' });
  });

  it('the wrong encoding: Windows-1251 bytes in a file declared UTF-8', async () => {
    const file = project.write('cp1251.csv', iconv.encode('id,city\n1,Moscow\n2,Москва\n', 'win1251'));
    const error = await failure({ path: 'cp1251.csv', encoding: 'utf-8' });
    expect(error.location).toMatchObject({ file, line: 3 });
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.hint).toMatch(/"encoding".*windows-1251/);
    const { rows, badRows } = await project.load({ path: 'cp1251.csv', encoding: 'utf-8', badRows: 'skip' });
    expect(rows).toEqual([{ id: 1, city: 'Moscow' }]);
    expect(badRows).toHaveLength(1);
    // Left on `auto`, the same file is recognised.
    expect((await project.load({ path: 'cp1251.csv' })).rows[1]).toEqual({ id: 2, city: 'Москва' });
  });

  it('a file that is not text (an Excel workbook renamed to .csv)', async () => {
    project.write('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
    expect((await failure({ path: 'book.csv' })).message).toMatch(/not text.*Excel workbook/);
  });

  it('a file of a glob whose header differs from the others', async () => {
    project.write('mixed/1.csv', 'id,amount\n1,10\n');
    const odd = project.write('mixed/2.csv', 'id,sum,extra\n2,20,x\n');
    const error = await failure({ path: 'mixed/*.csv' });
    expect(error.location).toMatchObject({ file: odd, line: 1 });
    expect(error.message).toMatch(/header \(id, sum, extra\) differs/);
    const { rows, badRows } = await project.load({ path: 'mixed/*.csv', badRows: 'skip' });
    expect(rows).toEqual([{ id: 1, amount: 10 }]);
    expect(badRows).toHaveLength(1);
  });

  it('a missing file or a glob matching nothing fails under either policy, and health says why', async () => {
    for (const path of ['missing.csv', 'nowhere/*.csv']) {
      for (const badRows of ['strict', 'skip'] as const) {
        const error = await failure({ path, badRows }, 'SOURCE_UNAVAILABLE');
        expect(error.message).toMatch(path.includes('*') ? /no file matches 'nowhere\/\*\.csv'/ : /cannot read .*missing\.csv/);
        expect(error.location.pointer).toBe('/sources/sales/path');
      }
      expect(await project.source({ path }).checkHealth({})).toMatchObject({ ok: false, reason: expect.stringMatching(/missing|no file/) });
    }
    expect(await project.source({ path: 'fields.csv' }).checkHealth({})).toMatchObject({ ok: true, details: { files: 1 } });
  });

  it('a failed load names file and line through the engine, and the previous extract keeps serving', async () => {
    const file = project.write('served.csv', 'id,amount\n1,10\n');
    const store = project.store({ path: 'served.csv' }, 'served');
    try {
      await store.load();
      project.write('served.csv', 'id,amount\n1,10\n2,twenty\n');
      const error = await store.load().then(
        () => undefined,
        (e: unknown) => e as VitrinaError,
      );
      expect(error?.code).toBe('DATA_INVALID');
      expect(error?.location).toMatchObject({ file, line: 3, column: 2 });
      expect(error?.format()).toMatch(
        new RegExp(
          `^${file.replaceAll('.', '\\.')}:3:2: loading the extract failed: source 'served': .*"twenty".*previous extract .* keeps serving`,
        ),
      );
      const rows = await (await store.pool()).use(async (c) => (await c.runAndReadAll('select * from served')).getRowObjectsJson());
      expect(rows).toEqual([{ id: '1', amount: '10' }]);
    } finally {
      await store.close();
    }
  });

  it('refuses a path outside the allowed data folders before reading anything', () => {
    expect(() => project.source({ path: '../../etc/passwd' })).toThrow(/outside the allowed data folders/);
    expect(() => project.source({ path: '/etc/*.conf' })).toThrow(/outside the allowed data folders/);
  });

  it('refuses config that names what is not there', async () => {
    expect(() => project.source({ path: 'fields.csv', encoding: 'klingon' })).toThrow(/unknown encoding 'klingon'/);
    const error = await failure({ path: 'fields.csv', types: { amout: 'number' } }, 'SOURCE_CONFIG_INVALID');
    expect(error).toMatchObject({ code: 'SOURCE_CONFIG_INVALID', hint: "did you mean 'amount'?" });
  });
});
