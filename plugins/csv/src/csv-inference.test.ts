/** Identifiers, delimiter detection and type guesses on their own, for the cases files rarely show together. */
import { describe, expect, it } from 'vitest';
import { columnNames, safeIdentifier } from './column-names.js';
import { detectDelimiter } from './csv-dialect.js';
import { detectEncoding } from './csv-encoding.js';
import { guessColumn } from './type-inference.js';

describe('column names', () => {
  it.each([
    ['Order ID', 'order_id'],
    ['Сумма, руб.', 'summa_rub'],
    ['Дата звонка (МСК)', 'data_zvonka_msk'],
    ['Ёлка', 'elka'],
    ['Café №', 'cafe_no'],
    ['  ', 'column_3'],
    ['1st', 'c_1st'],
    ['%', 'column_3'],
  ])('%j → %s', (header, name) => {
    expect(safeIdentifier(header, 2)).toBe(name);
  });

  it('suffixes repeats without colliding with a header that already has the suffix', () => {
    expect(columnNames(['a', 'A', 'a_2', 'a']).map((c) => c.name)).toEqual(['a', 'a_3', 'a_2', 'a_4']);
  });
});

describe('delimiter detection', () => {
  it('prefers the delimiter that splits rows regularly over one that appears in values', () => {
    expect(detectDelimiter('name;amount\nIvanov, Petr;1,5\nSidorov, Anna;2,5\n', '"')).toBe(';');
    expect(detectDelimiter('a|b\n"x,y"|1\n"z,w"|2\n', '"')).toBe('|');
    expect(detectDelimiter('single\nvalue\n', '"')).toBe(',');
  });
});

describe('encoding detection', () => {
  it('tells UTF-8, UTF-16 and Windows-1251 apart, and refuses binary', () => {
    expect(detectEncoding(Buffer.from('город,1\n'), 'auto', true)).toEqual({ encoding: 'utf-8' });
    expect(detectEncoding(Buffer.from([0xe3, 0xee, 0xf0, 0xee, 0xe4, 0x0a]), 'auto', true)).toEqual({ encoding: 'windows-1251' });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'auto', true)).toEqual({ encoding: 'utf-16le' });
    expect(detectEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'auto', true)).toEqual({ binary: true });
    // A sample cut inside a multi-byte character is still UTF-8: only complete lines are checked.
    expect(detectEncoding(Buffer.from('a\nгород').subarray(0, 4), 'auto', false)).toEqual({ encoding: 'utf-8' });
  });
});

describe('type guesses', () => {
  const iso = ['YYYY-MM-DD', 'DD.MM.YYYY'] as const;
  it.each([
    [['1', '-2', ''], { type: 'integer' }],
    [['1', '2.5', '1e3'], { type: 'number' }],
    [['007', '12'], { type: 'string' }],
    [['0', '0.5'], { type: 'number' }],
    [['TRUE', 'false'], { type: 'boolean' }],
    [['2024-01-02', ''], { type: 'date', layout: 'YYYY-MM-DD' }],
    [['2024-01-02', '2024-01-02T10:00:00+03:00'], { type: 'timestamp', layout: 'YYYY-MM-DD' }],
    [['1.2.2024', '31.12.2024'], { type: 'date', layout: 'DD.MM.YYYY' }],
    [['01.02.2024 10:00', '02.02.2024 9:30'], { type: 'timestamp', layout: 'DD.MM.YYYY', seconds: false }],
    [['01.02.2024 10:00', '02.02.2024 09:30:15'], { type: 'string' }],
    [['03/04/2024'], { type: 'string' }],
    [['', ' '], { type: 'string' }],
    [['12345678901234567890'], { type: 'number' }],
  ])('%j → %j', (values, guess) => {
    expect(guessColumn(values, iso)).toEqual(guess);
  });
});
