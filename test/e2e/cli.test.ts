/**
 * The `vitrina` command as documented in the README: init, edit, validate, render; help on every
 * command; exit codes 0 ok / 1 user error / 2 internal error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE, vitrina } from './run-vitrina.js';

const project = mkdtempSync(join(tmpdir(), 'vitrina-cli-'));

describe('vitrina --help and --version', () => {
  it('lists the commands', () => {
    const r = vitrina(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['init', 'validate', 'render', 'serve', 'sources', 'demo']) expect(r.stdout).toContain(command);
  });

  it.each([['init'], ['validate'], ['render'], ['serve'], ['sources', 'check'], ['demo']])('%s --help exits 0', (...command) => {
    const r = vitrina([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: vitrina /);
  });

  it('prints the version', () => {
    const r = vitrina(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('an unknown command is a user error', () => {
    const r = vitrina(['rendr']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'rendr'");
    expect(r.stderr).toContain('(Did you mean render?)');
  });
});

describe('init → edit → validate → render', () => {
  it('init creates a project that validates', () => {
    const init = vitrina(['init', project, '--seed', '3']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('report-definitions/my-first-report.json');
    const validate = vitrina(['validate'], { cwd: project });
    expect(validate).toMatchObject({ code: 0, stdout: 'ok: 1 report, 1 source\n' });
  });

  it('render prints every panel as JSON', () => {
    const r = vitrina(['render', 'my-first-report', '--format', 'json', '--param', 'period=last_month', '--param', 'by=manager'], {
      cwd: project,
    });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.report).toBe('my-first-report');
    expect(out.parameters).toMatchObject({ by: 'manager', period: { value: 'last_month' } });
    expect(out.panels.map((p: { id: string }) => p.id)).toEqual(['revenue', 'by_dimension']);
    expect(out.panels[1].columns.map((c: { name: string }) => c.name)).toEqual(['manager', 'deals', 'won', 'win_rate']);
    expect(out.panels[1].rows.length).toBe(10);
  });

  it('render --out writes the file', () => {
    const file = join(project, 'out', 'report.json');
    const r = vitrina(['render', 'my-first-report', '--out', file], { cwd: project });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).report).toBe('my-first-report');
  });

  it('a typo in the edited definition fails validate with file, line, column and a hint', () => {
    const path = join(project, 'report-definitions', 'my-first-report.json');
    const original = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      original
        .replace('"measures": ["deals", "won", "win_rate"]', '"measures": ["deals", "wonn", "win_rate"]')
        .replace(/"measures": \[\n\s+"deals",\n\s+"won",/, '"measures": [\n        "deals",\n        "wonn",'),
    );
    try {
      const r = vitrina(['validate'], { cwd: project });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error: report-definitions\/my-first-report\.json:\d+:\d+ \/panels\/1\/measures\/1: unknown measure 'wonn' in panel 'by_dimension' — did you mean 'won'\?\n/,
      );
      expect(r.stderr).toContain('1 problem in 1 file');
      expect(r.stderr).not.toMatch(STACK_TRACE);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('render of a report whose file has problems says so, instead of "no such report"', () => {
    const path = join(project, 'report-definitions', 'my-first-report.json');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"agg": "count"', '"agg": "cnt"'));
    try {
      const r = vitrina(['render', 'my-first-report'], { cwd: project });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error: report 'my-first-report' cannot run: report-definitions\/my-first-report\.json has 1 problem\(s\), the first: report-definitions\/my-first-report\.json:\d+:\d+ \/datasets\/deals\/measures\/deals\/agg: string "cnt" is not allowed here — .* — run 'vitrina validate' to see them all\n$/,
      );
    } finally {
      writeFileSync(path, original);
    }
  });

  it('validate checks tables and columns against the live database (unless --offline)', () => {
    const path = join(project, 'report-definitions', 'my-first-report.json');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('"column": "amount"', '"column": "amout"'));
    try {
      const r = vitrina(['validate'], { cwd: project });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error: report-definitions\/my-first-report\.json:\d+:\d+ \/datasets\/deals\/measures\/revenue\/column: table 'deals' has no column 'amout' — did you mean 'amount'\?\n/,
      );
      expect(vitrina(['validate', '--offline'], { cwd: project }).code).toBe(0);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('bad parameters are user errors with a hint, not stack traces', () => {
    const r = vitrina(['render', 'my-first-report', '--param', 'period=last_30_dayz'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: parameter 'period': 'last_30_dayz' is not a period — did you mean 'last_30_days'?\n");
  });

  it('an unknown report names the ones that exist', () => {
    const r = vitrina(['render', 'my-first-reprot'], { cwd: project });
    expect(r).toMatchObject({ code: 1, stderr: "error: no report 'my-first-reprot' — did you mean 'my-first-report'?\n" });
  });

  it('render as a scoped viewer applies no scope where the dataset declares none', () => {
    const all = JSON.parse(vitrina(['render', 'my-first-report'], { cwd: project }).stdout);
    const scoped = JSON.parse(vitrina(['render', 'my-first-report', '--as', 'manager_id=1'], { cwd: project }).stdout);
    expect(scoped.panels).toEqual(all.panels);
  });

  it('sources check reports health and exits 0', () => {
    const r = vitrina(['sources', 'check'], { cwd: project });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok {4}crm \(sqlite\) \d+ ms\n$/);
  });

  it('a missing config is a user error that says what to do', () => {
    const r = vitrina(['validate', '--config', join(project, 'nope.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no config at .*nope\.json — check the --config path\n$/);
  });

  it('a source whose file is gone fails sources check with exit 1', () => {
    const cfg = join(project, 'broken.config.json');
    writeFileSync(
      cfg,
      JSON.stringify({ plugins: ['@vitrina/plugin-sqlite'], sources: { crm: { plugin: 'sqlite', file: 'gone.sqlite' } } }),
    );
    const r = vitrina(['sources', 'check', '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^FAIL {2}crm \(sqlite\): .*database file not found/);
  });
});

describe('vitrina demo', () => {
  const dir = join(project, 'demo');

  // Without --no-serve the demo serves until stopped: that run is in serve.test.ts.
  it('generates the demo project (--no-serve) that validates', () => {
    const r = vitrina(['demo', '--dir', dir, '--today', '2026-11-26', '--seed', '5', '--no-serve']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Demo CRM \(small, seed 5, today 2026-11-26\) generated in [\d.]+ s: .*deals 20,000.*calls 100,000/);
    const validate = vitrina(['validate', '--config', join(dir, 'vitrina.config.json')]);
    expect(validate).toMatchObject({ code: 0, stdout: 'ok: 9 reports, 4 sources\n' });
  });

  it('--no-serve only generates', () => {
    const r = vitrina(['demo', '--dir', dir, '--today', '2026-11-26', '--no-serve']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Обзор для руководства');
  });

  it('rejects a malformed --today', () => {
    const r = vitrina(['demo', '--dir', dir, '--today', '26.11.2026']);
    expect(r).toMatchObject({ code: 1, stderr: "error: --today must be YYYY-MM-DD, not '26.11.2026'\n" });
  });
});
