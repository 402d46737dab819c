import { describe, expect, it } from 'vitest';
import { checkDatasetSql } from './sql-guard.js';

describe('dataset SQL must be one read-only SELECT', () => {
  it('accepts a select with placeholders and splits at them', () => {
    const check = checkDatasetSql("select id, 'a:b' as s, x::int from t where d > :since and r = :region -- :ignored\n");
    expect(check.ok).toBe(true);
    expect(check.params).toEqual(['since', 'region']);
    expect(check.segments.filter((s) => 'param' in s)).toEqual([{ param: 'since' }, { param: 'region' }]);
  });

  it('accepts WITH and one trailing semicolon', () => {
    expect(checkDatasetSql('with a as (select 1 as x) select x from a;').ok).toBe(true);
  });

  it.each([
    ['select 1; select 2', 'only one statement is allowed (found text after a semicolon)'],
    ['update deals set amount = 0', 'must start with SELECT or WITH, not UPDATE'],
    ['with d as (delete from deals returning *) select * from d', 'must be read-only: DELETE is not allowed'],
    ['select * into copy_of_deals from deals', 'must be read-only: INTO is not allowed'],
    ["select 'unterminated from t", 'unterminated string'],
    ['/* just a comment */', 'must start with SELECT or WITH, not nothing'],
  ])('rejects %j', (text, problem) => {
    expect(checkDatasetSql(text)).toMatchObject({ ok: false, problem });
  });

  it('ignores forbidden words inside strings and comments', () => {
    expect(checkDatasetSql("select 'delete' as word /* update */ from t").ok).toBe(true);
  });
});

describe('functions that change the session or the server are refused', () => {
  it.each([
    ["select set_config('default_transaction_read_only', 'off', false)", 'SET_CONFIG'],
    ['select pg_terminate_backend(123)', 'PG_TERMINATE_BACKEND'],
  ])('%s', (text, word) => {
    expect(checkDatasetSql(text)).toMatchObject({ ok: false, problem: `must be read-only: ${word} is not allowed` });
  });
});
