/**
 * One broken plugin, source or panel never takes down the rest: it is reported, its own panels
 * return error values, and everything else answers.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPanelError, openProject, type PanelOutcome, type Project } from '@vitrina/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI_DIR = join(import.meta.dirname, '..', '..', 'cli');
const PLUGINS = join(import.meta.dirname, '..', 'fixtures', 'plugins');
let dir: string;
let project: Project;

const dataset = (source: string) => ({ source, table: 'deals', measures: { deals: { agg: 'count' } } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-isolation-'));
  const db = new Database(join(dir, 'good.sqlite'));
  db.exec("create table deals(id integer primary key, stage text); insert into deals(stage) values ('won'), ('lost'), ('won');");
  db.close();
  mkdirSync(join(dir, 'defs'));
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({
      plugins: ['@vitrina/plugin-sqlite', join(PLUGINS, 'broken-at-import', 'index.js'), join(PLUGINS, 'api-v2', 'index.js')],
      sources: {
        good: { plugin: 'sqlite', file: 'good.sqlite' },
        missing_file: { plugin: 'sqlite', file: 'nowhere.sqlite' },
        oracle: { plugin: 'oracle' },
        bad_options: { plugin: 'sqlite', fil: 'typo.sqlite' },
      },
      definitions: 'defs',
    }),
  );
  writeFileSync(
    join(dir, 'defs', 'mixed.json'),
    JSON.stringify({
      id: 'mixed',
      title: 'Mixed',
      datasets: {
        good: dataset('good'),
        missing: dataset('missing_file'),
        oracle: dataset('oracle'),
        typo: { ...dataset('good'), table: 'dealz' },
      },
      panels: [
        { id: 'good', type: 'kpi', dataset: 'good', measure: 'deals' },
        { id: 'missing', type: 'kpi', dataset: 'missing', measure: 'deals' },
        { id: 'oracle', type: 'kpi', dataset: 'oracle', measure: 'deals' },
        { id: 'typo', type: 'kpi', dataset: 'typo', measure: 'deals' },
      ],
    }),
  );
  project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [CLI_DIR] });
});

afterAll(() => project?.close());

describe('isolation of failures', () => {
  it('reports each broken plugin with its name and reason', () => {
    const messages = project.problems.map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^plugin '.*broken-at-import\/index\.js' failed to load: cannot find module "oracledb"$/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/declares apiVersion 2, but this Vitrina supports apiVersion 1$/));
  });

  it('reports a source whose options do not fit its connector', () => {
    const problem = project.problems.find((p) => p.message.startsWith("source 'bad_options'"));
    expect(problem?.message).toBe("source 'bad_options': missing required property 'file' (options of connector 'sqlite')");
    const typo = project.problems.find((p) => p.location.pointer === '/sources/bad_options/fil');
    expect(typo).toMatchObject({
      message: "source 'bad_options': unknown property 'fil' (options of connector 'sqlite')",
      hint: "did you mean 'file'?",
    });
    expect(typo?.location.line).toBe(1);
  });

  it('renders the good panel and returns error values for the others', async () => {
    const out = await project.engine.render('mixed');
    const [good, missing, oracle, typo] = out.panels as [PanelOutcome, PanelOutcome, PanelOutcome, PanelOutcome];
    expect(good).toEqual({
      id: 'good',
      type: 'kpi',
      columns: [{ name: 'deals', type: 'integer', role: 'measure', label: 'deals' }],
      rows: [[3]],
    });
    expect(isPanelError(missing) && missing.error.message).toMatch(
      /^source 'missing_file' \(plugin 'sqlite'\) failed to start: database file not found: .*nowhere\.sqlite$/,
    );
    expect(isPanelError(oracle) && oracle.error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect(isPanelError(oracle) && oracle.error.message).toMatch(/no loaded plugin provides the connector 'oracle'/);
    expect(isPanelError(typo) && typo.error).toMatchObject({
      code: 'QUERY_FAILED',
      message: "source 'good' (plugin 'sqlite') query failed: no such table: dealz",
    });
  });

  it('health is a value for every source, never an exception', async () => {
    const health = Object.fromEntries(await Promise.all([...project.sources].map(async ([name, s]) => [name, await s.checkHealth()])));
    expect(health.good).toMatchObject({ ok: true });
    expect(health.missing_file).toMatchObject({
      ok: false,
      code: 'SOURCE_UNAVAILABLE',
      reason: expect.stringMatching(/database file not found/),
    });
    expect(health.oracle).toMatchObject({ ok: false });
    expect(health.bad_options).toMatchObject({ ok: false, code: 'SOURCE_CONFIG_INVALID' });
  });

  it('a source that failed to start is retried on the next request', async () => {
    const db = new Database(join(dir, 'nowhere.sqlite'));
    db.exec('create table deals(id integer primary key); insert into deals default values;');
    db.close();
    const out = await project.engine.panel('mixed', 'missing');
    expect(out).toMatchObject({ rows: [[1]] });
  });

  it('a destroyed source refuses further use', async () => {
    const source = project.sources.get('good');
    await source?.destroy();
    await expect(source?.ready()).rejects.toThrow("source 'good' (plugin 'sqlite') was shut down");
  });
});
