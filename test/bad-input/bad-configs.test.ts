/**
 * The bad-input corpus for vitrina.config.json: fixtures under test/fixtures/bad-input/configs.
 * A config that does not parse or fit the schema makes `loadConfig` throw one VitrinaError that
 * carries every problem; a plugin or source that cannot be used is collected by `openProject`
 * and only its sources become unavailable.
 */
import { join, relative } from 'node:path';
import { isPanelError, loadConfig, openProject, type Project, VitrinaError } from '@vitrina/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIGS, type ExpectedProblem, expectProblems } from './expect-problems.js';

/** Every problem `loadConfig` reports for a fixture: the thrown error first, then its `.problems`. */
function configProblems(file: string): VitrinaError[] {
  try {
    loadConfig(join(CONFIGS, file));
  } catch (error) {
    if (error instanceof VitrinaError) return [error, ...error.problems];
    throw error;
  }
  throw new Error(`${file} loaded without problems`);
}

const JSON_HINT = 'JSON allows no comments or trailing commas, and strings need double quotes';

const CONFIG_CASES: [file: string, problems: ExpectedProblem[]][] = [
  [
    'syntax-trailing-comma.config.json',
    [{ code: 'JSON_SYNTAX', line: 7, column: 1, message: "invalid JSON: a trailing comma before '}'", hint: JSON_HINT }],
  ],
  [
    'unknown-top-level-key.config.json',
    [{ pointer: '/timezon', line: 6, column: 3, message: "unknown property 'timezon'", hint: "did you mean 'timezone'?" }],
  ],
  [
    'unknown-timezone.config.json',
    [
      {
        pointer: '/timezone',
        line: 6,
        column: 3,
        message: "unknown time zone 'Europe/Moskow'",
        hint: 'use an IANA name such as Europe/Moscow or UTC',
      },
    ],
  ],
  ['missing-sources.config.json', [{ pointer: '', line: 1, column: 1, message: "missing required property 'sources'" }]],
  [
    'wrong-types.config.json',
    [
      { pointer: '/plugins', line: 2, column: 3, message: 'must be array, not string "@vitrina/plugin-sqlite"' },
      {
        pointer: '/sources/CRM',
        line: 4,
        column: 5,
        message: "invalid name 'CRM'",
        hint: 'names use lower-case letters, digits, _ and -, starting with a letter',
      },
      { pointer: '/sources/telephony', line: 5, column: 5, message: "missing required property 'plugin'" },
      {
        pointer: '/sources/telephony/mode',
        line: 5,
        column: 44,
        message: 'string "cached" is not allowed here',
        hint: "allowed: 'live', 'extract'",
      },
      { pointer: '/locale', line: 7, column: 3, message: 'string "de" is not allowed here', hint: "allowed: 'en', 'ru'" },
      { pointer: '/currency', line: 8, column: 3, message: 'string "rub" has the wrong form', hint: 'must match pattern "^[A-Z]{3}$"' },
      { pointer: '/cache/ttlSeconds', line: 9, column: 14, message: 'must be number, not string "60"' },
      { pointer: '/query/maxRows', line: 10, column: 14, message: 'must be at least 1, not 0' },
    ],
  ],
];

describe('bad configs: loadConfig reports every problem of the file at once', () => {
  it.each(CONFIG_CASES)('%s', (file, expected) => {
    expectProblems(configProblems(file), expected, { file: relative(process.cwd(), join(CONFIGS, file)), code: 'CONFIG_INVALID' });
  });
});

describe('bad configs: plugins and sources (openProject collects, never throws)', () => {
  let project: Project | undefined;
  const open = async (file: string, env: NodeJS.ProcessEnv = {}) => {
    project = await openProject({ configPath: join(CONFIGS, file), env });
    // The project's one definition is valid: every problem below comes from the config.
    expect(project.definitions.problems).toEqual([]);
    return project;
  };
  const summary = (p: Project) => p.problems.map((e) => ({ code: e.code, pointer: e.location.pointer, message: e.message, hint: e.hint }));
  afterEach(async () => {
    await project?.close();
    project = undefined;
  });

  it('an unknown plugin package: the problem names the package, and its source becomes unavailable', async () => {
    const p = await open('unknown-plugin-package.config.json');
    const failed = `plugin '@acme/vitrina-plugin-salesforce' failed to load: package not found (looked from ${CONFIGS})`;
    expect(summary(p)).toEqual([
      {
        code: 'PLUGIN_LOAD_FAILED',
        pointer: '/plugins/0',
        message: failed,
        hint: 'install it next to the project: npm install @acme/vitrina-plugin-salesforce',
      },
      {
        code: 'SOURCE_UNAVAILABLE',
        pointer: '/sources/crm/plugin',
        message: `source 'crm': its plugin did not load: ${failed}`,
        hint: undefined,
      },
    ]);
    expect(p.sources.get('crm')?.kind).toBe('broken');
    // Its panels are error values; rendering does not throw.
    const out = await p.engine.render('pipeline', { now: new Date('2026-03-15T12:00:00Z') });
    expect(out.panels.length).toBe(5);
    for (const panel of out.panels) expect(isPanelError(panel) && panel.error.code, panel.id).toBe('SOURCE_UNAVAILABLE');
  });

  it('a source naming a connector no listed plugin provides', async () => {
    const p = await open('unlisted-connector.config.json');
    expect(summary(p)).toEqual([
      {
        code: 'PLUGIN_LOAD_FAILED',
        pointer: '/sources/telephony/plugin',
        message: "source 'telephony': no loaded plugin provides the connector 'sqlit'",
        hint: `did you mean 'sqlite'? (list its package under "plugins")`,
      },
    ]);
    expect(p.sources.get('crm')?.kind).toBe('sql');
    expect(p.sources.get('telephony')?.kind).toBe('broken');
  });

  it("a source whose options do not fit the connector's schema", async () => {
    const p = await open('bad-source-options.config.json');
    expect(summary(p)).toEqual([
      {
        code: 'SOURCE_CONFIG_INVALID',
        pointer: '/sources/crm',
        message: "source 'crm': missing required property 'file' (options of connector 'sqlite')",
        hint: undefined,
      },
      {
        code: 'SOURCE_CONFIG_INVALID',
        pointer: '/sources/crm/fiel',
        message: "source 'crm': unknown property 'fiel' (options of connector 'sqlite')",
        hint: "did you mean 'file'?",
      },
    ]);
  });

  it('a secret written as a literal is refused, and the hint says how to write it', async () => {
    const p = await open('literal-secret.config.json', { VITRINA_TEST_DWH_PASSWORD: 'unused' });
    expect(summary(p)).toEqual([
      {
        code: 'CONFIG_INVALID',
        pointer: '/sources/crm/password',
        message: "source 'crm': 'password' is a secret and must not be written in the config",
        hint: 'write "password": { "env": "CRM_PASSWORD" } and set that variable',
      },
    ]);
    expect(p.sources.get('crm')?.kind).toBe('broken');
  });

  it('a secret from an environment variable that is not set', async () => {
    const p = await open('missing-env.config.json', {});
    expect(summary(p)).toEqual([
      {
        code: 'SECRET_MISSING',
        pointer: '/sources/crm/password',
        message: "source 'crm': environment variable VITRINA_TEST_DWH_PASSWORD (for 'password') is not set",
        hint: 'export VITRINA_TEST_DWH_PASSWORD=… before starting Vitrina',
      },
    ]);
  });

  it('the same config is fine once the variable is set', async () => {
    const p = await open('missing-env.config.json', { VITRINA_TEST_DWH_PASSWORD: 's3cret' });
    expect(p.problems).toEqual([]);
    // The plugin's row source is served through its DuckDB extract, like every row source.
    expect(p.sources.get('crm')?.flavor).toBe('duckdb');
  });
});
