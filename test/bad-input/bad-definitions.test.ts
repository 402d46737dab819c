/**
 * The bad-input corpus for report definitions: one fixture file per mistake under
 * test/fixtures/bad-input/definitions, each with the exact problems it must report (pointer, line,
 * column, message, hint). A broken file is reported, never thrown, and never loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDefinitionText, loadDefinitionDir } from '@vitrina/core';
import { describe, expect, it } from 'vitest';
import { MEASURE_CASES, SQL_CASES } from './cases-measures-and-sql.js';
import { REFERENCE_CASES } from './cases-references.js';
import { SCHEMA_CASES, SYNTAX_CASES } from './cases-syntax-and-schema.js';
import { type Case, CONFIGS, checkFixture, DEFINITIONS, expectProblems, SOURCE_NAMES } from './expect-problems.js';

const GROUPS: [string, Case[]][] = [
  ['JSON syntax', SYNTAX_CASES],
  ['schema', SCHEMA_CASES],
  ['references', REFERENCE_CASES],
  ['measures', MEASURE_CASES],
  ['dataset SQL', SQL_CASES],
];
const ALL = GROUPS.flatMap(([, cases]) => cases);

for (const [group, cases] of GROUPS) {
  describe(`bad definitions: ${group}`, () => {
    it.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
      const { report, problems } = checkFixture(file);
      expect(report, 'a definition with problems is not loaded').toBeUndefined();
      expectProblems(problems, c.problems, { file, code: 'DEFINITION_INVALID' });
    });
  });
}

describe('the corpus itself', () => {
  it('has an expectation for every fixture file, and a fixture for every expectation', () => {
    const files = readdirSync(DEFINITIONS).filter((n) => n.endsWith('.json'));
    expect(ALL.map((c) => c.file).sort()).toEqual(files.sort());
    expect(ALL.length).toBeGreaterThanOrEqual(30);
  });

  it('starts from a definition that is valid: the fixtures differ from it by their mistakes only', () => {
    const text = readFileSync(join(CONFIGS, 'report-definitions', 'pipeline.json'), 'utf8');
    const result = checkDefinitionText(text, 'pipeline.json', { sourceNames: SOURCE_NAMES });
    expect(result.problems).toEqual([]);
    expect(result.report?.definition.id).toBe('pipeline');
  });

  it('loading the whole folder reports the same problems per file, with names relative to the project, and loads none', () => {
    const set = loadDefinitionDir(DEFINITIONS, { sourceNames: SOURCE_NAMES }, join(DEFINITIONS, '..'));
    expect(set.reports.size).toBe(0);
    for (const c of ALL) {
      const file = set.files.find((f) => f.file === join('definitions', c.file));
      expect(
        file?.problems.map((p) => p.message),
        c.file,
      ).toEqual(c.problems.map((p) => p.message));
    }
    expect(set.problems.length).toBe(ALL.reduce((n, c) => n + c.problems.length, 0));
  });

  it('formats every problem as `file:line:column pointer: message — hint`', () => {
    const [problem] = checkFixture('ref-unknown-measure.json').problems;
    expect(problem?.format()).toBe(
      "ref-unknown-measure.json:17:82 /panels/0/measures/0: unknown measure 'cals' in panel 'calls_by' — did you mean 'calls'?",
    );
    const [syntax] = checkFixture('syntax-comment.json').problems;
    expect(syntax?.format()).toBe(
      'syntax-comment.json:6:7: invalid JSON: comments are not allowed — JSON allows no comments or trailing commas, and strings need double quotes',
    );
  });
});
