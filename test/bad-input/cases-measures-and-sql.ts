/** @module Definition fixtures with broken measures and dataset SQL that is not one read-only SELECT. */
import type { Case } from './expect-problems.js';

const SQL_HINT = 'a dataset SQL must be a single read-only SELECT; bind values with :parameter';

export const MEASURE_CASES: Case[] = [
  {
    file: 'measure-agg-and-expr.json',
    about: 'a measure with both an aggregation and an expression',
    problems: [
      {
        pointer: '/datasets/calls/measures/answer_rate',
        line: 11,
        column: 9,
        message: "measure 'answer_rate' needs exactly one of 'agg' or 'expr'",
        hint: 'e.g. { "agg": "count" } or { "expr": "won / deals" }',
      },
    ],
  },
  {
    file: 'measure-expr-syntax.json',
    about: 'an expression with an unclosed parenthesis',
    problems: [
      {
        pointer: '/datasets/calls/measures/answer_rate/expr',
        line: 11,
        column: 26,
        message: "cannot read expression '(answered / calls * 100': expected ')' at the end",
        hint: 'use measure names, numbers, + - * / and parentheses',
      },
    ],
  },
  {
    file: 'measure-expr-unknown.json',
    about: 'an expression naming a measure that does not exist',
    problems: [
      {
        pointer: '/datasets/calls/measures/answer_rate/expr',
        line: 11,
        column: 26,
        message: "unknown measure 'answerd' in the expression of measure 'answer_rate'",
        hint: "did you mean 'answered'?",
      },
    ],
  },
  {
    file: 'measure-cyclic.json',
    about: 'two expressions that refer to each other; each names the loop',
    problems: [
      {
        pointer: '/datasets/deals/measures/won/expr',
        line: 10,
        column: 18,
        message: "measure 'won' refers to itself through its expression (won → win_rate → won)",
      },
      {
        pointer: '/datasets/deals/measures/win_rate/expr',
        line: 11,
        column: 23,
        message: "measure 'win_rate' refers to itself through its expression (win_rate → won → win_rate)",
      },
    ],
  },
  {
    file: 'measure-sum-without-column.json',
    about: 'a sum with nothing to sum',
    problems: [
      {
        pointer: '/datasets/deals/measures/revenue',
        line: 9,
        column: 9,
        message: "measure 'revenue' (sum) needs a 'column'",
        hint: 'e.g. { "agg": "sum", "column": "amount" }',
      },
    ],
  },
];

export const SQL_CASES: Case[] = [
  {
    file: 'dataset-table-and-sql.json',
    about: "a dataset with both 'table' and 'sql'",
    problems: [
      {
        pointer: '/datasets/deals',
        line: 5,
        column: 5,
        message: "dataset 'deals' needs exactly one of 'table' or 'sql'",
        hint: "keep 'table' and join in 'joins', or keep 'sql' and filter inside the SELECT",
      },
    ],
  },
  {
    file: 'sql-two-statements.json',
    about: 'a second statement after a semicolon',
    problems: [
      {
        pointer: '/datasets/deals/sql',
        line: 7,
        column: 7,
        message: "dataset 'deals' SQL only one statement is allowed (found text after a semicolon)",
        hint: SQL_HINT,
      },
    ],
  },
  {
    file: 'sql-not-select.json',
    about: 'UPDATE, DELETE and INSERT datasets, all reported',
    problems: [
      {
        pointer: '/datasets/won/sql',
        line: 7,
        column: 7,
        message: "dataset 'won' SQL must start with SELECT or WITH, not UPDATE",
        hint: SQL_HINT,
      },
      {
        pointer: '/datasets/cleaned/sql',
        line: 14,
        column: 7,
        message: "dataset 'cleaned' SQL must start with SELECT or WITH, not DELETE",
        hint: SQL_HINT,
      },
      {
        pointer: '/datasets/copied/sql',
        line: 21,
        column: 7,
        message: "dataset 'copied' SQL must start with SELECT or WITH, not INSERT",
        hint: SQL_HINT,
      },
    ],
  },
  {
    file: 'sql-modifying-cte.json',
    about: 'a WITH whose CTE deletes rows',
    problems: [
      {
        pointer: '/datasets/deals/sql',
        line: 7,
        column: 7,
        message: "dataset 'deals' SQL must be read-only: DELETE is not allowed",
        hint: SQL_HINT,
      },
    ],
  },
  {
    file: 'sql-unknown-parameter.json',
    about: ':placeholders that are not report parameters',
    problems: [
      {
        pointer: '/datasets/deals/sql',
        line: 8,
        column: 7,
        message: "unknown parameter 'regoin' in the SQL of dataset 'deals'",
        hint: "did you mean 'region'?",
      },
      {
        pointer: '/datasets/deals/sql',
        line: 8,
        column: 7,
        message: "unknown parameter 'min_amount' in the SQL of dataset 'deals'",
        hint: "known parameters: 'region', 'today'",
      },
    ],
  },
];
