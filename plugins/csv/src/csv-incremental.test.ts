/**
 * Globs and incremental loads: the fingerprint follows the matched files, new files and grown files
 * append only their new rows (with line numbers that continue the file's), anything else reloads.
 */
import { appendFileSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvProject } from './test-support/csv-project.js';

const project = new CsvProject();
afterAll(() => project.remove());
const count = 'select count(*) as n, sum(amount) as total from sales';

describe('CSV connector: globs and incremental loads', () => {
  it('reads every file a glob matches as one table, in path order, each with its own delimiter', async () => {
    project.write('exports/2024-01.csv', 'day,amount\n2024-01-05,10\n');
    project.write('exports/2024-02.csv', 'day;amount\n2024-02-05;20,5\n');
    project.write('exports/notes.txt', 'not a csv');
    const { rows } = await project.load({ path: 'exports/*.csv' }, 'full', 'select * from sales');
    expect(rows).toEqual([
      { day: '2024-01-05', amount: 10 },
      { day: '2024-02-05', amount: 20.5 },
    ]);
  });

  it('fingerprints the matched files: a new, grown or touched file changes the version', async () => {
    const source = project.source({ path: 'exports/*.csv' });
    const v1 = await source.version({});
    expect(await source.version({})).toBe(v1);
    project.write('exports/2024-03.csv', 'day,amount\n2024-03-05,30\n');
    const v2 = await source.version({});
    expect(v2).not.toBe(v1);
    utimesSync(`${project.dir}/exports/2024-03.csv`, new Date(), new Date(Date.now() + 5000));
    expect(await source.version({})).not.toBe(v2);
  });

  it('appends only a new file, skipping the unchanged ones', async () => {
    await project.load({ path: 'exports/*.csv' });
    project.write('exports/2024-04.csv', 'day,amount\n2024-04-05,40\n2024-04-06,1\n');
    const { outcome, rows } = await project.load({ path: 'exports/*.csv' }, 'refresh', count);
    expect(outcome).toMatchObject({ status: 'appended', rows: 2 });
    expect(rows).toEqual([{ n: 5, total: 101.5 }]);
  });

  it('says so when nothing changed', async () => {
    const { outcome, rows } = await project.load({ path: 'exports/*.csv' }, 'refresh', count);
    expect(outcome).toMatchObject({ status: 'skipped', rows: 0 });
    expect(rows).toEqual([{ n: 5, total: 101.5 }]);
  });

  it('appends just the new rows of a growing log, line numbers continuing the file', async () => {
    const log = project.write('log.csv', 'id,amount\n1,10\n2,20\n');
    const options = { path: 'log.csv', badRows: 'skip' } as const;
    expect((await project.load(options)).outcome).toMatchObject({ status: 'loaded', rows: 2 });
    appendFileSync(log, '3,30\n4,oops\n5,50\n');
    const { outcome, rows, badRows } = await project.load(options, 'refresh', count);
    expect(outcome).toMatchObject({ status: 'appended', rows: 2 });
    expect(rows).toEqual([{ n: 4, total: 110 }]);
    expect(badRows).toEqual([expect.objectContaining({ file: log, line: 5, column: 'amount' })]);
  });

  it('appends the tail of a growing Windows-1251 file transcoded', async () => {
    const log = project.write('ru.csv', iconv.encode('город;сумма\nМосква;1,5\n', 'win1251'));
    await project.load({ path: 'ru.csv' });
    appendFileSync(log, iconv.encode('Тверь;2,5\n', 'win1251'));
    const { outcome, rows } = await project.load({ path: 'ru.csv' }, 'refresh', 'select * from sales');
    expect(outcome.status).toBe('appended');
    expect(rows).toEqual([
      { gorod: 'Москва', summa: 1.5 },
      { gorod: 'Тверь', summa: 2.5 },
    ]);
  });

  it('reloads everything when a file was rewritten rather than appended to', async () => {
    const log = project.write('rewritten.csv', 'id,amount\n1,10\n2,20\n');
    await project.load({ path: 'rewritten.csv' });
    writeFileSync(log, 'id,amount\n1,11\n2,20\n3,30\n');
    const { outcome, rows } = await project.load({ path: 'rewritten.csv' }, 'refresh', count);
    expect(outcome).toMatchObject({ status: 'loaded', rows: 3 });
    expect(rows).toEqual([{ n: 3, total: 61 }]);
  });

  it('reloads everything when a file disappeared or its last line had no newline', async () => {
    project.write('set/a.csv', 'id,amount\n1,1\n');
    const b = project.write('set/b.csv', 'id,amount\n2,2\n');
    await project.load({ path: 'set/*.csv' });
    rmSync(b);
    expect((await project.load({ path: 'set/*.csv' }, 'refresh', count)).rows).toEqual([{ n: 1, total: 1 }]);

    const open = project.write('open.csv', 'id,amount\n1,1\n2,2');
    await project.load({ path: 'open.csv' });
    appendFileSync(open, '5\n3,3\n'); // the unfinished last row was "2,25"
    const { outcome, rows } = await project.load({ path: 'open.csv' }, 'refresh', count);
    expect(outcome.status).toBe('loaded');
    expect(rows).toEqual([{ n: 3, total: 29 }]);
  });

  it('reloads everything with `append: false`', async () => {
    const log = project.write('noappend.csv', 'id,amount\n1,10\n');
    await project.load({ path: 'noappend.csv', append: false });
    appendFileSync(log, '2,20\n');
    const { outcome, rows } = await project.load({ path: 'noappend.csv', append: false }, 'refresh', count);
    expect(outcome.status).toBe('loaded');
    expect(rows).toEqual([{ n: 2, total: 30 }]);
  });

  it('a crash after the commit, before the manifest: the next refresh publishes what the extract holds, adding nothing twice', async () => {
    const options = { path: 'crash/*.csv' };
    project.write('crash/a.csv', 'day,amount\n2024-01-05,10\n');
    await project.load(options);
    const store = project.store(options);
    const manifestFile = store.manifestFile;
    await store.close();
    const before = readFileSync(manifestFile, 'utf8');
    appendFileSync(`${project.dir}/crash/a.csv`, '2024-01-06,5\n');
    expect((await project.load(options, 'refresh', count)).rows).toEqual([{ n: 2, total: 15 }]);
    // As if the process had died between DuckDB's commit and the manifest write.
    writeFileSync(manifestFile, before);
    const again = await project.load(options, 'refresh', count);
    expect(again.outcome).toEqual({ status: 'appended', rows: 0, total: 2 });
    expect(again.rows).toEqual([{ n: 2, total: 15 }]);
    appendFileSync(`${project.dir}/crash/a.csv`, '2024-01-07,1\n');
    expect(await project.load(options, 'refresh', count)).toMatchObject({
      outcome: { status: 'appended', rows: 1, total: 3 },
      rows: [{ n: 3, total: 16 }],
    });
  });
});
