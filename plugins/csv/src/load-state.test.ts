/** The options hash decides whether a load may append: it must not change with the order of keys in the config. */
import { describe, expect, it } from 'vitest';
import type { CsvOptions } from './csv-options.js';
import { canonicalJson, optionsHash } from './load-state.js';

describe('CSV options hash', () => {
  it('is the same whatever order keys are listed in, at the top and inside objects such as types', () => {
    const a: CsvOptions = { path: 'plan/*.csv', delimiter: ';', types: { manager_id: 'string', amount: 'number', day: 'date' } };
    const b = JSON.parse('{"types":{"day":"date","amount":"number","manager_id":"string"},"delimiter":";","path":"plan/*.csv"}');
    expect(optionsHash(b)).toBe(optionsHash(a));
  });

  it('changes with any value, also one inside types, and with the order of columns', () => {
    const base: CsvOptions = { path: 'a.csv', types: { id: 'string' }, columns: ['id', 'name'] };
    const hashes = new Set([
      optionsHash(base),
      optionsHash({ ...base, types: { id: 'integer' } }),
      optionsHash({ ...base, types: { id: 'string', name: 'string' } }),
      optionsHash({ ...base, columns: ['name', 'id'] }),
      optionsHash({ ...base, path: 'b.csv' }),
    ]);
    expect(hashes.size).toBe(5);
  });

  it('does not confuse keys holding commas with values (sorting by "key,value" text did)', () => {
    const one = { types: { 'a,b': 'c', a: 'b,c' } };
    const other = { types: { a: 'b,c', 'a,b': 'c' } };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
    expect(canonicalJson({ x: undefined, y: 1 })).toBe('{"y":1}');
    expect(canonicalJson({ types: { Сумма: 'number' } })).not.toBe(canonicalJson({ types: { Сумма: 'string' } }));
  });
});
