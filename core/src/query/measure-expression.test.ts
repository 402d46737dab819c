import { describe, expect, it } from 'vitest';
import { measuresIn, parseExpression } from './measure-expression.js';

describe('measure expressions', () => {
  it('respects precedence and parentheses', () => {
    expect(parseExpression('a + b * 2')).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'measure', name: 'a' },
      right: { kind: 'binary', op: '*', left: { kind: 'measure', name: 'b' }, right: { kind: 'number', value: 2 } },
    });
    expect(parseExpression('(a + b) * 2')).toMatchObject({ op: '*', left: { op: '+' } });
  });

  it('lists the measures it uses', () => {
    expect([...measuresIn(parseExpression('-(won / deals) * 100 - lost'))].sort()).toEqual(['deals', 'lost', 'won']);
  });

  it.each([
    ['won /', 'expected a number, a measure name or ( at the end'],
    ['won deals', "expected an operator, found 'deals' at character 5"],
    ['(won / deals', "expected ')' at the end"],
    ['won; drop table deals', "unexpected ';' at character 4"],
    ["won + 'x'", "unexpected ''' at character 7"],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(message);
  });
});
