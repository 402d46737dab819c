/**
 * Bad request parameters (from a URL or `--param k=v`) are user errors with a code, a message
 * naming the parameter and a hint; a value that looks like SQL is just a value that matches nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorCode, type ReportDefinition, VitrinaError } from '@vitrina/core';
import { describe, expect, it } from 'vitest';
import { type RawParameters, resolveParameters } from '../../core/src/query/request-parameters.js';
import { CONFIGS } from './expect-problems.js';

// period (default this_month), region (select from data, multiple), by (breakdown: region, stage, time:month), min_amount (0..1000000)
const pipeline = JSON.parse(readFileSync(join(CONFIGS, 'report-definitions', 'pipeline.json'), 'utf8')) as ReportDefinition;
const context = { timezone: 'Europe/Moscow', now: new Date('2026-03-15T09:00:00Z') };
const PERIOD_FORMS_HINT = /^write a preset \(today, this_month, last_30_days, …\), YYYY-MM-DD\.\.YYYY-MM-DD, /;

const CASES: [about: string, raw: RawParameters, code: ErrorCode, message: string, hint: string | RegExp | undefined][] = [
  [
    'a misspelt period preset',
    { period: 'last_3_weekz' },
    'PERIOD_INVALID',
    "parameter 'period': 'last_3_weekz' is not a period",
    "did you mean 'last_week'?",
  ],
  [
    'a date that does not exist',
    { period: '2026-02-30' },
    'PERIOD_INVALID',
    "parameter 'period': '2026-02-30' is not a period",
    PERIOD_FORMS_HINT,
  ],
  [
    'a range that ends before it starts',
    { period: '2026-03-31..2026-03-01' },
    'PERIOD_INVALID',
    "parameter 'period': '2026-03-31..2026-03-01' is not a period",
    PERIOD_FORMS_HINT,
  ],
  [
    'a date past the calendar',
    { period: '9999-12-31' },
    'PERIOD_INVALID',
    "parameter 'period': '9999-12-31' is not a period",
    PERIOD_FORMS_HINT,
  ],
  ['two periods', { period: ['this_month', 'last_month'] }, 'PARAMETER_INVALID', "parameter 'period': takes one value, got 2", undefined],
  [
    'SQL as a breakdown',
    { by: 'region; DROP TABLE deals' },
    'PARAMETER_INVALID',
    "parameter 'by': 'region; DROP TABLE deals' is not one of its options",
    "options: 'region', 'stage', 'time:month'",
  ],
  [
    'a misspelt breakdown',
    { by: 'regoin' },
    'PARAMETER_INVALID',
    "parameter 'by': 'regoin' is not one of its options",
    "did you mean 'region'?",
  ],
  [
    'an unknown parameter name',
    { regoin: 'north' },
    'PARAMETER_INVALID',
    "parameter 'regoin': report 'pipeline' has no such parameter",
    "did you mean 'region'?",
  ],
  [
    'an unknown parameter name with nothing near',
    { manager: '7' },
    'PARAMETER_INVALID',
    "parameter 'manager': report 'pipeline' has no such parameter",
    "parameters: 'period', 'region', 'by', 'min_amount'",
  ],
  ['a number below the minimum', { min_amount: '-5' }, 'PARAMETER_INVALID', "parameter 'min_amount': -5 is below the minimum 0", undefined],
  [
    'a number above the maximum',
    { min_amount: 2000000 },
    'PARAMETER_INVALID',
    "parameter 'min_amount': 2000000 is above the maximum 1000000",
    undefined,
  ],
  ['SQL as a number', { min_amount: '0 OR 1=1' }, 'PARAMETER_INVALID', `parameter 'min_amount': "0 OR 1=1" is not a number`, undefined],
];

describe('bad request parameters', () => {
  it.each(CASES)('%s', (_about, raw, code, message, hint) => {
    let thrown: unknown;
    try {
      resolveParameters(pipeline, raw, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VitrinaError);
    const e = thrown as VitrinaError;
    expect({ code: e.code, message: e.message, hint: e.hint, user: e.isUserError }).toEqual({
      code,
      message,
      hint: hint instanceof RegExp ? expect.stringMatching(hint) : hint,
      user: true,
    });
  });

  it('a select value that looks like SQL resolves as a plain value (it is bound later, never spliced)', () => {
    const values = resolveParameters(pipeline, { region: "x' OR '1'='1" }, context);
    expect(values.region).toEqual(["x' OR '1'='1"]);
  });
});
