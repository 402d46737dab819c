/** @module Definition fixtures that fail before references are read: JSON syntax and the JSON Schema. */
import type { Case } from './expect-problems.js';

const JSON_HINT = 'JSON allows no comments or trailing commas, and strings need double quotes';

/** Syntax errors have a line and a column but no pointer: there is no document to point into. */
export const SYNTAX_CASES: Case[] = [
  {
    file: 'syntax-trailing-comma.json',
    about: 'a trailing comma after the last member is reported where the member should have been',
    problems: [{ code: 'JSON_SYNTAX', line: 10, column: 7, message: "invalid JSON: a trailing comma before '}'", hint: JSON_HINT }],
  },
  {
    file: 'syntax-comment.json',
    about: 'a // comment',
    problems: [{ code: 'JSON_SYNTAX', line: 6, column: 7, message: 'invalid JSON: comments are not allowed', hint: JSON_HINT }],
  },
  {
    file: 'syntax-missing-brace.json',
    about: 'a missing closing brace is found at the end of the file',
    problems: [{ code: 'JSON_SYNTAX', line: 12, column: 1, message: "invalid JSON: '}' was expected", hint: JSON_HINT }],
  },
  {
    file: 'syntax-single-quotes.json',
    about: "a string in single quotes: 'Calls'",
    problems: [
      { code: 'JSON_SYNTAX', line: 3, column: 12, message: 'invalid JSON: unexpected character', hint: JSON_HINT },
      { code: 'JSON_SYNTAX', line: 3, column: 19, message: 'invalid JSON: a value was expected', hint: JSON_HINT },
    ],
  },
  {
    file: 'syntax-several-errors.json',
    about: 'a missing comma and a trailing comma are reported together',
    problems: [
      { code: 'JSON_SYNTAX', line: 4, column: 3, message: "invalid JSON: ',' was expected", hint: JSON_HINT },
      { code: 'JSON_SYNTAX', line: 7, column: 86, message: "invalid JSON: a trailing comma before '}'", hint: JSON_HINT },
    ],
  },
];

export const SCHEMA_CASES: Case[] = [
  {
    file: 'schema-wrong-types.json',
    about: 'wrong types and an out-of-range number, all reported at once',
    problems: [
      { pointer: '/tags', line: 4, column: 3, message: 'must be array, not string "sales"' },
      { pointer: '/panels/0/limit', line: 14, column: 95, message: 'must be integer, not string "10"' },
      { pointer: '/panels/0/width', line: 14, column: 110, message: 'must be at most 12, not 20' },
    ],
  },
  {
    file: 'schema-missing-required.json',
    about: 'missing required properties at the root, in a dataset and in a panel',
    problems: [
      { pointer: '', line: 1, column: 1, message: "missing required property 'title'" },
      { pointer: '/datasets/deals', line: 4, column: 5, message: "missing required property 'source'" },
      { pointer: '/panels/0', line: 11, column: 14, message: "missing required property 'type'" },
    ],
  },
  {
    file: 'schema-unknown-property.json',
    about: 'a misspelt property gets a did-you-mean hint',
    problems: [
      {
        pointer: '/panels/0/dimenions',
        line: 16,
        column: 92,
        message: "unknown property 'dimenions'",
        hint: "did you mean 'dimensions'?",
      },
    ],
  },
  {
    file: 'schema-bad-id.json',
    about: 'a report id that is not lower-case letters, digits, _ and -',
    problems: [
      {
        pointer: '/id',
        line: 2,
        column: 3,
        message: 'string "Pipeline Overview" has the wrong form',
        hint: "Lower-case letters, digits, '_' and '-', starting with a letter.",
      },
    ],
  },
  {
    file: 'schema-bad-enum.json',
    about: 'values outside an enum: a near one is suggested, otherwise all are listed',
    problems: [
      {
        pointer: '/datasets/deals/measures/amount/agg',
        line: 12,
        column: 21,
        message: 'string "total" is not allowed here',
        hint: /^allowed: 'count', 'count_distinct', 'sum', .*'max'$/,
      },
      { pointer: '/panels/0/type', line: 16, column: 34, message: 'string "bars" is not allowed here', hint: "did you mean 'bar'?" },
    ],
  },
  {
    file: 'schema-bad-names.json',
    about: 'a dataset name with a capital letter (pointing at the name itself) and an empty panel list',
    problems: [
      {
        pointer: '/datasets/Deals',
        line: 5,
        column: 5,
        message: "invalid name 'Deals'",
        hint: 'names use lower-case letters, digits, _ and -, starting with a letter',
      },
      { pointer: '/panels', line: 13, column: 3, message: 'needs at least 1 item' },
    ],
  },
];
