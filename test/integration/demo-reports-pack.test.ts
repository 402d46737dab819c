/**
 * The executive report pack as a whole: the nine reports, bilingual — eight on the `crm` source and
 * `activity-vs-plan` on the call log (`telephony`) and the plan CSV (`plan`) — using every panel type
 * and the definition features, and rendering without a panel error for every viewer. The numbers themselves are checked report by report in demo-reports-<id>.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportDefinition } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, openDemo, SCOPES } from './demo-fixture.js';

const DIR = fileURLToPath(new URL('../../report-definitions', import.meta.url));
const files = readdirSync(DIR).filter((n) => n.endsWith('.json'));
const pack = files.map((name) => ({ name, def: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as ReportDefinition }));
const IDS = [
  'executive-overview',
  'sales',
  'sales-activity',
  'sales-funnel',
  'client-base',
  'marketing',
  'service-quality',
  'personnel-control',
  'activity-vs-plan',
];
/** Where each report reads from: the CRM, or the demo's call log and plan CSV. */
const FILE_SOURCES: Record<string, string[]> = { 'activity-vs-plan': ['telephony', 'plan'] };

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo({ files: true });
}, 300_000);
afterAll(async () => demo?.close());

const bilingual = (text: unknown) => typeof text === 'object' && text !== null && 'en' in text && 'ru' in text;

describe('the report pack', () => {
  it('holds exactly the nine executive reports, one per file named after its id', () => {
    expect(pack.map((r) => r.def.id).sort()).toEqual([...IDS].sort());
    for (const { name, def } of pack) expect(name).toBe(`${def.id}.json`);
  });

  it.each(pack)('$name points at the schema, is titled and described in English and Russian, tagged, and reads its sources', ({ def }) => {
    expect(def.$schema).toBe('../core/schemas/report.schema.json');
    expect(bilingual(def.title) && bilingual(def.description)).toBe(true);
    expect(def.tags?.length).toBeGreaterThan(0);
    for (const p of def.parameters ?? []) expect(bilingual(p.label), `parameter ${p.id}`).toBe(true);
    for (const [id, ds] of Object.entries(def.datasets)) {
      expect(FILE_SOURCES[def.id] ?? ['crm'], id).toContain(ds.source);
      for (const [m, measure] of Object.entries(ds.measures ?? {})) expect(bilingual(measure.label), `${id}.${m}`).toBe(true);
    }
    for (const panel of def.panels) {
      expect(bilingual(panel.title), panel.id).toBe(true);
      expect(panel.width, panel.id).toBeGreaterThanOrEqual(1);
      expect(panel.width, panel.id).toBeLessThanOrEqual(12);
    }
  });

  it('uses every panel type', () => {
    const types = new Set(pack.flatMap((r) => r.def.panels.map((p) => p.type)));
    expect([...types].sort()).toEqual(
      ['area', 'bar', 'funnel', 'gauge', 'heatmap', 'kpi', 'line', 'pie', 'pivot', 'stacked_bar', 'table', 'tasks'].sort(),
    );
  });

  it('uses joins, SQL datasets, computed columns, filtered and expression measures, both comparisons, targets, breakdowns, selects, top-N with Other and row scopes', () => {
    const datasets = pack.flatMap((r) => Object.values(r.def.datasets));
    const measures = datasets.flatMap((d) => Object.values(d.measures ?? {}));
    const panels = pack.flatMap((r) => r.def.panels);
    const params = pack.flatMap((r) => r.def.parameters ?? []);
    expect(datasets.some((d) => d.joins?.length)).toBe(true);
    expect(datasets.some((d) => d.sql !== undefined)).toBe(true);
    expect(datasets.some((d) => Object.values(d.columns ?? {}).some((c) => 'daysSince' in c))).toBe(true);
    expect(datasets.some((d) => Object.values(d.columns ?? {}).some((c) => 'duration' in c))).toBe(true);
    expect(measures.some((m) => m.where)).toBe(true);
    expect(measures.some((m) => m.expr)).toBe(true);
    const compares = new Set(panels.flatMap((p) => [p.compare ?? []].flat()));
    expect([...compares].sort()).toEqual(['previous_period', 'previous_year']);
    expect(panels.some((p) => p.target)).toBe(true);
    expect(panels.some((p) => p.sparkline)).toBe(true);
    expect(params.some((p) => p.type === 'breakdown')).toBe(true);
    expect(params.some((p) => p.type === 'select' && p.multiple)).toBe(true);
    expect(params.some((p) => p.type === 'number')).toBe(true);
    expect(panels.some((p) => p.limit && p.other && p.sort)).toBe(true);
    expect(datasets.filter((d) => d.rowScope).length).toBeGreaterThan(5);
  });

  it('validates with no problem on the demo project', () => {
    expect(demo.project.definitions.problems.map((p) => p.message)).toEqual([]);
    expect([...demo.project.definitions.reports.keys()].sort()).toEqual([...IDS].sort());
  });
});

for (const scope of SCOPES)
  describe(`every report renders for ${scope.name} with no panel error`, () => {
    it.each(IDS)('%s', async (id) => {
      const panels = await demo.render(id, {}, scope.viewer);
      const def = pack.find((r) => r.def.id === id)?.def as ReportDefinition;
      expect(Object.keys(panels)).toEqual(def.panels.map((p) => p.id));
    });
  });
