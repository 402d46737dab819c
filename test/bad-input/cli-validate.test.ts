/**
 * `vitrina validate` (the built binary) on broken projects: exit code 1, one compiler-style line
 * per problem (`file:line:column pointer: message — hint`), and never a stack trace.
 */
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { vitrina } from '../e2e/run-vitrina.js';
import { MEASURE_CASES, SQL_CASES } from './cases-measures-and-sql.js';
import { REFERENCE_CASES } from './cases-references.js';
import { SCHEMA_CASES, SYNTAX_CASES } from './cases-syntax-and-schema.js';
import { CONFIGS, DEFINITIONS } from './expect-problems.js';

const NO_STACK = /\n\s+at /;
const CORPUS = [...SYNTAX_CASES, ...SCHEMA_CASES, ...REFERENCE_CASES, ...MEASURE_CASES, ...SQL_CASES];
/** `error: file:line:column[ pointer]: message[ — hint]` */
const PROBLEM_LINE = /^error: \S+:\d+:\d+( \/\S*)?: .+$/;

/** The CLI names files relative to the folder it runs in (here: the test runner's). */
const SHOWN = relative(process.cwd(), CONFIGS);

function validate(config: string) {
  const r = vitrina(['validate', '--config', join(CONFIGS, config)]);
  return { ...r, lines: r.stderr.split('\n').filter((l) => l.startsWith('error: ')) };
}

describe('vitrina validate on the bad-input corpus', () => {
  let r: ReturnType<typeof validate>;
  beforeAll(() => {
    r = validate('broken-definitions.config.json');
  });

  it('exits 1 with problems on stderr only, and no stack trace', () => {
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(`\n${r.stderr}`).not.toMatch(NO_STACK);
    expect(r.stderr).toMatch(new RegExp(`\\n\\d+ problems in ${CORPUS.length} files\\n$`));
  });

  it('prints every problem of every fixture as `file:line:column pointer: message — hint`', () => {
    for (const line of r.lines) expect(line).toMatch(PROBLEM_LINE);
    for (const c of CORPUS) {
      for (const p of c.problems) {
        const where = `${join(relative(process.cwd(), DEFINITIONS), c.file)}:${p.line}:${p.column}${p.pointer === undefined ? '' : ` ${p.pointer || '/'}`}`;
        const head = `error: ${where}: ${p.message}`;
        const hint = typeof p.hint === 'string' ? ` — ${p.hint}` : '';
        const line = r.lines.find((l) => l.startsWith(head));
        expect(line, `${c.file}: ${p.message}`).toBeDefined();
        if (p.hint instanceof RegExp) expect(line?.slice(head.length + 3)).toMatch(p.hint);
        else expect(line).toBe(`${head}${hint}`);
      }
    }
  });

  // Known bug: checkDefinitionText returns a JSON syntax error together with the problems it
  // carries, and the CLI flattens `.problems` once more, so a file's later syntax errors print twice.
  it('prints each problem exactly once', () => {
    expect(r.lines.length).toBe(CORPUS.reduce((n, c) => n + c.problems.length, 0));
  });
});

describe('vitrina validate on broken configs', () => {
  it('a config that breaks the schema: every problem with the absolute file, line and column', () => {
    const r = validate('wrong-types.config.json');
    const file = join(SHOWN, 'wrong-types.config.json');
    expect(r.code).toBe(1);
    expect(`\n${r.stderr}`).not.toMatch(NO_STACK);
    expect(r.lines).toEqual([
      `error: ${file}:2:3 /plugins: must be array, not string "@vitrina/plugin-sqlite"`,
      `error: ${file}:4:5 /sources/CRM: invalid name 'CRM' — names use lower-case letters, digits, _ and -, starting with a letter`,
      `error: ${file}:5:5 /sources/telephony: missing required property 'plugin'`,
      `error: ${file}:5:44 /sources/telephony/mode: string "cached" is not allowed here — allowed: 'live', 'extract'`,
      `error: ${file}:7:3 /locale: string "de" is not allowed here — allowed: 'en', 'ru'`,
      `error: ${file}:8:3 /currency: string "rub" has the wrong form — must match pattern "^[A-Z]{3}$"`,
      `error: ${file}:9:14 /cache/ttlSeconds: must be number, not string "60"`,
      `error: ${file}:10:14 /query/maxRows: must be at least 1, not 0`,
    ]);
  });

  it('a config with a JSON syntax error', () => {
    const r = validate('syntax-trailing-comma.config.json');
    expect(r.code).toBe(1);
    expect(`\n${r.stderr}`).not.toMatch(NO_STACK);
    expect(r.lines[0]).toBe(
      `error: ${join(SHOWN, 'syntax-trailing-comma.config.json')}:7:1: invalid JSON: a trailing comma before '}' — JSON allows no comments or trailing commas, and strings need double quotes`,
    );
  });

  it.each([
    [
      'unknown-plugin-package.config.json',
      `error: ${join(SHOWN, 'unknown-plugin-package.config.json')}:2:15 /plugins/0: plugin '@acme/vitrina-plugin-salesforce' failed to load: package not found`,
    ],
    [
      'literal-secret.config.json',
      `error: ${join(SHOWN, 'literal-secret.config.json')}:4:85 /sources/crm/password: source 'crm': 'password' is a secret and must not be written`,
    ],
    [
      'unknown-timezone.config.json',
      `error: ${join(SHOWN, 'unknown-timezone.config.json')}:6:3 /timezone: unknown time zone 'Europe/Moskow'`,
    ],
  ])('%s exits 1 and says what is wrong', (config, start) => {
    const r = validate(config);
    expect(r.code).toBe(1);
    expect(`\n${r.stderr}`).not.toMatch(NO_STACK);
    expect(r.lines[0]?.startsWith(start), r.stderr).toBe(true);
  });
});
