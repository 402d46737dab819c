import { describe, expect, it } from 'vitest';
import { refreshSeconds } from '../render/html/build-dashboard-state.js';
import { ResultCache } from '../result/result-cache.js';
import { checkDefinitionText, type DefinitionSet } from './definition-loader.js';
import { keepLastGood } from './keep-last-good.js';

/** A small valid report; `patch` edits it before it is written with one key per line. */
function definition(patch: (d: any) => void = () => {}): string {
  const d: any = {
    id: 'r',
    title: 'R',
    datasets: {
      calls: { source: 'crm', table: 'calls', time: 'started_at', measures: { calls: { agg: 'count' } }, dimensions: { manager: {} } },
    },
    panels: [
      { id: 'total', type: 'kpi', dataset: 'calls', measure: 'calls' },
      { id: 'list', type: 'table', dataset: 'calls', dimensions: ['manager'], measures: ['calls'] },
    ],
  };
  patch(d);
  return JSON.stringify(d, null, 2);
}

const problems = (text: string) => checkDefinitionText(text, 'r.json', { sourceNames: ['crm'] }).problems.map((p) => p.format());

describe('dashboard options in a definition', () => {
  it('accepts refresh as seconds or text, cacheSeconds per dataset, pageSize on tables', () => {
    for (const refresh of [30, '30s', '5m', '1h']) {
      expect(
        problems(
          definition((d) => {
            d.refresh = refresh;
            d.datasets.calls.cacheSeconds = 10;
            d.panels[1].pageSize = 25;
          }),
        ),
      ).toEqual([]);
    }
  });

  it('rejects a refresh that is too often or unreadable, with the line', () => {
    for (const refresh of [1, '2s', '5 minutes', 'soon']) {
      const [first] = problems(definition((d) => (d.refresh = refresh)));
      expect(first).toMatch(/^r\.json:\d+:\d+ \/refresh: /);
    }
  });

  it("rejects pageSize on a panel that is not a table, naming the panel's line", () => {
    const text = definition((d) => (d.panels[0].pageSize = 10));
    const line = text.split('\n').findIndex((l) => l.includes('"pageSize"')) + 1;
    expect(problems(text)).toEqual([
      expect.stringMatching(new RegExp(`^r\\.json:${line}:\\d+ /panels/0/pageSize: .*'pageSize', which only tables use`)),
    ]);
  });

  it('reads refresh text as seconds', () => {
    expect([refreshSeconds(45), refreshSeconds('30s'), refreshSeconds('5m'), refreshSeconds('1h'), refreshSeconds(undefined)]).toEqual([
      45,
      30,
      300,
      3600,
      undefined,
    ]);
  });
});

describe('ResultCache TTL per entry', () => {
  it("a dataset's cacheSeconds overrides the cache-wide TTL; 0 stores nothing", () => {
    let now = 0;
    const cache = new ResultCache<string>(60_000, 10, () => now);
    cache.set('short', 'a', 5_000);
    cache.set('default', 'b');
    cache.set('never', 'c', 0);
    now = 4_999;
    expect([cache.get('short'), cache.get('default'), cache.get('never')]).toEqual(['a', 'b', undefined]);
    now = 5_000;
    expect([cache.get('short'), cache.get('default')]).toEqual([undefined, 'b']);
  });
});

describe('keepLastGood', () => {
  const load = (text: string): DefinitionSet => {
    const result = checkDefinitionText(text, 'r.json', { sourceNames: ['crm'] });
    const reports = new Map(result.report ? [[result.report.definition.id, result.report]] : []);
    return { reports, files: [result], problems: result.problems };
  };

  it('keeps serving the last valid version of a file that turned invalid, marked stale, with its problems', () => {
    const good = load(definition((d) => (d.title = 'Good')));
    const broken = load('{ "id": "r", ');
    const merged = keepLastGood(good, broken);
    expect(merged.reports.get('r')).toMatchObject({ stale: true, definition: { title: 'Good' } });
    expect(merged.problems.length).toBeGreaterThan(0);
    // Fixed again: the new version, not stale.
    const fixed = keepLastGood(merged, load(definition((d) => (d.title = 'Fixed'))));
    expect(fixed.reports.get('r')).toMatchObject({ definition: { title: 'Fixed' } });
    expect(fixed.reports.get('r')?.stale).toBeUndefined();
  });

  it('forgets a deleted file', () => {
    const good = load(definition());
    expect(keepLastGood(good, { reports: new Map(), files: [], problems: [] }).reports.size).toBe(0);
  });
});
