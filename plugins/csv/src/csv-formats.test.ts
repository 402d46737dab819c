/**
 * CSV files as Excel and other systems write them: encodings, delimiters, quoting, decimal commas,
 * date layouts, headers that are not identifiers. Each case is a real file loaded by DuckDB.
 */
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvProject } from './test-support/csv-project.js';

const project = new CsvProject();
afterAll(() => project.remove());

describe('CSV connector: formats', () => {
  it('loads a plain UTF-8 file with inferred types', async () => {
    project.write('plain.csv', 'id,name,amount,won,closed\n1,Acme,10.5,true,2024-03-01\n2,Бета,7,false,2024-03-02\n');
    const { rows, outcome } = await project.load({ path: 'plain.csv' });
    expect(outcome).toMatchObject({ rows: 2, status: 'loaded' });
    expect(rows).toEqual([
      { id: 1, name: 'Acme', amount: 10.5, won: true, closed: '2024-03-01' },
      { id: 2, name: 'Бета', amount: 7, won: false, closed: '2024-03-02' },
    ]);
  });

  it('reports inferred types with fidelity inferred, and types forced in the config as precise', async () => {
    project.write(
      'codes.csv',
      'code,qty,price,day,at\n007,3,1.5,2024-01-02,2024-01-02 10:00:00\n010,4,2,2024-01-03,2024-01-03T11:30:00Z\n',
    );
    const tables = await project.source({ path: 'codes.csv', types: { qty: 'number' } }).introspect({});
    expect(tables).toEqual([
      {
        name: 'sales',
        kind: 'table',
        columns: [
          { name: 'code', type: 'string', nativeType: 'VARCHAR', nullable: true, fidelity: 'inferred' },
          { name: 'qty', type: 'number', nativeType: 'DOUBLE', nullable: true, fidelity: 'precise' },
          { name: 'price', type: 'number', nativeType: 'DOUBLE', nullable: true, fidelity: 'inferred' },
          { name: 'day', type: 'date', nativeType: 'DATE', nullable: true, fidelity: 'inferred' },
          { name: 'at', type: 'timestamp', nativeType: 'TIMESTAMP', nullable: true, fidelity: 'inferred' },
        ],
      },
    ]);
    const { rows } = await project.load({ path: 'codes.csv', types: { qty: 'number' } });
    expect(rows[1]).toEqual({ code: '010', qty: 4, price: 2, day: '2024-01-03', at: '2024-01-03 11:30:00' });
  });

  it('reads UTF-8 with a BOM without a stray character in the first column name', async () => {
    project.write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Менеджер,Сумма\nИванов,100\n')]));
    const { rows } = await project.load({ path: 'bom.csv' });
    expect(rows).toEqual([{ menedzher: 'Иванов', summa: 100 }]);
  });

  it('reads a Russian Excel export: Windows-1251, `;`, decimal comma, DD.MM.YYYY dates', async () => {
    const text = 'Менеджер;Сумма, руб.;Дата сделки\r\nИванов Пётр;1 234;01.02.2024\r\nСидорова Анна;99,5;15.03.2024\r\n';
    project.write('excel.csv', iconv.encode(text.replace('1 234', '1234,25'), 'win1251'));
    const { rows } = await project.load({ path: 'excel.csv' });
    expect(rows).toEqual([
      { menedzher: 'Иванов Пётр', summa_rub: 1234.25, data_sdelki: '2024-02-01' },
      { menedzher: 'Сидорова Анна', summa_rub: 99.5, data_sdelki: '2024-03-15' },
    ]);
  });

  it('reads the encoding named in the config', async () => {
    project.write('koi.csv', iconv.encode('город,n\nМосква,1\n', 'koi8-r'));
    const { rows } = await project.load({ path: 'koi.csv', encoding: 'koi8-r' });
    expect(rows).toEqual([{ gorod: 'Москва', n: 1 }]);
  });

  it('reads UTF-16 (Excel "Unicode text") by its BOM, tab-separated', async () => {
    project.write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Город\tЧисло\r\nКазань\t3\r\n', 'utf16le')]));
    const { rows } = await project.load({ path: 'unicode.txt' });
    expect(rows).toEqual([{ gorod: 'Казань', chislo: 3 }]);
  });

  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
    ['semicolon', ';'],
    ['comma', ','],
  ])('detects the %s delimiter', async (name, d) => {
    project.write(`${name}.csv`, `a${d}b${d}c\n1${d}x y${d}3.5\n2${d}z${d}4\n`);
    const { rows } = await project.load({ path: `${name}.csv` });
    expect(rows).toEqual([
      { a: 1, b: 'x y', c: 3.5 },
      { a: 2, b: 'z', c: 4 },
    ]);
  });

  it('keeps delimiters, quotes and newlines inside quoted fields', async () => {
    project.write('quoted.csv', 'id,comment,total\n1,"Hello, world",5\n2,"He said ""yes""\nthen left",6\n3,"a;b|c",7\n');
    const { rows } = await project.load({ path: 'quoted.csv' });
    expect(rows.map((r) => r.comment)).toEqual(['Hello, world', 'He said "yes"\nthen left', 'a;b|c']);
    expect(rows.map((r) => r.total)).toEqual([5, 6, 7]);
  });

  it.each([
    ['ISO', 'YYYY-MM-DD', '2024-03-15', '2024-03-15 09:05:00'],
    ['DD.MM.YYYY', 'DD.MM.YYYY', '15.03.2024', '15.03.2024 09:05:00'],
    ['MM/DD/YYYY', 'MM/DD/YYYY', '03/15/2024', '03/15/2024 09:05:00'],
  ] as const)('reads %s dates and timestamps by config', async (_name, dateFormat, day, at) => {
    project.write('dates.csv', `day,at\n${day},${at}\n`);
    const { rows } = await project.load({ path: 'dates.csv', dateFormat });
    expect(rows).toEqual([{ day: '2024-03-15', at: '2024-03-15 09:05:00' }]);
  });

  it('keeps slash dates as text unless the config says which order they are in', async () => {
    project.write('slash.csv', 'day\n03/04/2024\n');
    const [table] = await project.source({ path: 'slash.csv' }).introspect({});
    expect(table?.columns[0]).toMatchObject({ name: 'day', type: 'string' });
    const { rows } = await project.load({ path: 'slash.csv', dateFormat: 'DD/MM/YYYY' });
    expect(rows).toEqual([{ day: '2024-04-03' }]);
  });

  it('normalises column names and disambiguates repeated headers', async () => {
    project.write('names.csv', 'Order ID,Amount,amount,,2024 Plan,Amount\n1,2,3,4,5,6\n');
    const [table] = await project.source({ path: 'names.csv' }).introspect({});
    expect(table?.columns.map((c) => c.name)).toEqual(['order_id', 'amount', 'amount_2', 'column_4', 'c_2024_plan', 'amount_3']);
  });

  it('names the columns of a file without a header from `columns`', async () => {
    project.write('noheader.csv', '1;Иванов;10,5\n2;Петров;3\n');
    const { rows } = await project.load(
      { path: 'noheader.csv', header: false, columns: ['id', 'manager', 'plan'], table: 'plan' },
      'full',
      'select * from plan',
    );
    expect(rows).toEqual([
      { id: 1, manager: 'Иванов', plan: 10.5 },
      { id: 2, manager: 'Петров', plan: 3 },
    ]);
  });

  it('renames the header with `columns`, and forces a type by the original header text', async () => {
    project.write('rename.csv', 'Код,Сумма\n1,2\n');
    const { rows } = await project.load({ path: 'rename.csv', columns: ['code', 'sum'], types: { code: 'string' } });
    expect(rows).toEqual([{ code: '1', sum: 2 }]);
    const [table] = await project.source({ path: 'rename.csv', types: { Сумма: 'number' } }).introspect({});
    expect(table?.columns.map((c) => [c.name, c.type])).toEqual([
      ['kod', 'integer'],
      ['summa', 'number'],
    ]);
  });
});
