/**
 * "Nothing crashes with a stack trace for a user error": every value of a valid definition and
 * config is replaced in turn by wrong ones (or removed); validation must answer with problems
 * (user errors with a position), never throw anything else.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDefinitionText, loadConfig, VitrinaError } from '@vitrina/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIGS, SOURCE_NAMES } from './expect-problems.js';

type Path = (string | number)[];
const REMOVE = Symbol('remove');
const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', '$x', 'time:x', 'a.b', [], ['x'], {}, { x: 1 }, true, REMOVE];

function paths(value: unknown, at: Path = []): Path[] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

/** A copy of `root` with the value at `path` replaced (or removed); the root itself is never removed. */
function mutate(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? {} : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value !== REMOVE) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** Runs every mutation; returns the ones that threw something other than a VitrinaError. */
function crashes(base: unknown, check: (text: string) => readonly VitrinaError[]): string[] {
  const out: string[] = [];
  for (const path of paths(base)) {
    for (const value of WRONG_VALUES) {
      const label = `/${path.join('/')} = ${value === REMOVE ? '(removed)' : JSON.stringify(value)}`;
      try {
        for (const problem of check(JSON.stringify(mutate(base, path, value), null, 2))) {
          if (!problem.isUserError || problem.location.line === undefined) out.push(`${label}: ${problem.code} without a position`);
        }
      } catch (error) {
        if (!(error instanceof VitrinaError)) out.push(`${label}: ${(error as Error).stack?.split('\n').slice(0, 2).join(' ')}`);
      }
    }
  }
  return out;
}

describe('no crash on any wrong value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-no-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in a report definition', () => {
    const base = JSON.parse(readFileSync(join(CONFIGS, 'report-definitions', 'pipeline.json'), 'utf8'));
    const found = crashes(base, (text) => checkDefinitionText(text, 'pipeline.json', { sourceNames: SOURCE_NAMES }).problems);
    expect(found).toEqual([]);
  });

  it('in a config', () => {
    const base = JSON.parse(readFileSync(join(CONFIGS, 'unknown-timezone.config.json'), 'utf8'));
    const file = join(dir, 'vitrina.config.json');
    const found = crashes(base, (text) => {
      writeFileSync(file, text);
      try {
        loadConfig(file);
        return [];
      } catch (error) {
        if (error instanceof VitrinaError) return [error, ...error.problems];
        throw error;
      }
    });
    expect(found).toEqual([]);
  });
});
