/** @module Shared by the bad-input specs: fixture paths and the exact comparison of reported problems. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDefinitionText, type ErrorCode, type VitrinaError } from '@vitrina/core';
import { expect } from 'vitest';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bad-input');
export const DEFINITIONS = join(FIXTURES, 'definitions');
export const CONFIGS = join(FIXTURES, 'configs');
/** The source names the definition fixtures are checked against (as a config would give them). */
export const SOURCE_NAMES = ['crm', 'telephony'];

/** One expected problem. A missing `hint` or `pointer` means the problem must have none. */
export interface ExpectedProblem {
  code?: ErrorCode;
  pointer?: string;
  line: number;
  column: number;
  message: string;
  /** Exact, or a pattern where the hint lists many options. */
  hint?: string | RegExp;
}

/** A fixture file and every problem it must report, in order. */
export interface Case {
  file: string;
  about: string;
  problems: ExpectedProblem[];
}

export function checkFixture(file: string): { report: unknown; problems: readonly VitrinaError[] } {
  const result = checkDefinitionText(readFileSync(join(DEFINITIONS, file), 'utf8'), file, { sourceNames: SOURCE_NAMES });
  return { report: result.report, problems: result.problems };
}

/** Asserts the problems are exactly the expected ones: code, file, pointer, position, message and hint. */
export function expectProblems(
  problems: readonly VitrinaError[],
  expected: readonly ExpectedProblem[],
  options: { file?: string; code: ErrorCode },
): void {
  const actual = problems.map((p) => ({
    code: p.code,
    file: p.location.file,
    pointer: p.location.pointer,
    line: p.location.line,
    column: p.location.column,
    message: p.message,
    hint: p.hint,
  }));
  const wanted = expected.map((e) => ({
    code: e.code ?? options.code,
    file: options.file,
    pointer: e.pointer,
    line: e.line,
    column: e.column,
    message: e.message,
    hint: e.hint instanceof RegExp ? expect.stringMatching(e.hint) : e.hint,
  }));
  expect(actual).toEqual(wanted);
}
