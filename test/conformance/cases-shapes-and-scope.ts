/** @module Cases: breakdown parameter, top-N with "Other", joins, and row scope bound to the viewer. */
import { scopedViewer, UNRESTRICTED_VIEWER, type Viewer } from '@vitrina/core';
import { expect } from 'vitest';
import { bucketOf, compareKeys, count, groupRows, MOSCOW_OFFSET_HOURS, revenue, wallClock } from './expected-answers.js';
import { PEOPLE, SALES, type Sale } from './fixture.js';
import { approx, conformanceTest, kpi, ok, render, type SuiteContext, sortedByKey } from './suite-context.js';

const personOf = (s: Sale) => PEOPLE.find((p) => p.id === s.manager_id);

const BREAKDOWNS: Record<string, (s: Sale) => string | null> = {
  region: (s) => s.region,
  product: (s) => s.product,
  manager: (s) => personOf(s)?.name ?? null,
  team: (s) => personOf(s)?.team ?? null,
};

/** Top `limit` groups by the first measure, then one "Other" row for the rest. */
function topWithOther(groups: unknown[][], limit: number): unknown[][] {
  const rest = groups.slice(limit);
  return [...groups.slice(0, limit), ['Other', rest.reduce((s, r) => s + (r[1] as number), 0)]];
}

export function shapeAndScopeCases(ctx: SuiteContext): void {
  conformanceTest(ctx, 'breakdown', 'one panel grouped by whichever dimension the breakdown parameter picks', async () => {
    const project = ctx.projects().moscow;
    for (const [by, key] of Object.entries(BREAKDOWNS)) {
      const out = await render(project, 'conf-shapes', { parameters: { by } });
      // Equal counts tie-break on text order, which is the database's collation: compare as sets.
      expect([by, sortedByKey(ok(out, 'by').rows)]).toEqual([by, sortedByKey(groupRows(SALES, key, [count, revenue]))]);
    }
    const out = await render(project, 'conf-shapes', { parameters: { by: 'time:quarter' } });
    const quarter = (s: Sale) => (s.sold_at === null ? null : (bucketOf(wallClock(s.sold_at, MOSCOW_OFFSET_HOURS), 'quarter') as string));
    const byQuarter = groupRows(SALES, quarter, [count, revenue]).sort((a, b) => compareKeys(a[0] as string, b[0] as string));
    expect(ok(out, 'by').rows).toEqual(byQuarter);
  });

  conformanceTest(ctx, 'top-n-other', 'the first N groups by the measure, the rest (NULL group included) as one Other row', async () => {
    const out = await render(ctx.projects().moscow, 'conf-shapes');
    const products = groupRows(SALES, (s) => s.product, [revenue]);
    expect(new Set(products.map((p) => p[1])).size).toBe(products.length); // no ties: the top 3 are unambiguous
    const top = ok(out, 'top_products');
    expect(top.rows).toEqual(topWithOther(products, 3));
    expect(top.otherRow).toBe(true);
    const regions = ok(out, 'top_regions');
    expect(regions.rows).toEqual(
      topWithOther(
        groupRows(SALES, (s) => s.region, [count]),
        2,
      ),
    );
  });

  conformanceTest(ctx, 'join', 'a left join keeps sales without a manager, an inner join drops them', async () => {
    const out = await render(ctx.projects().moscow, 'conf-shapes');
    expect(ok(out, 'by_team').rows).toEqual(approx(groupRows(SALES, BREAKDOWNS.team as (s: Sale) => string | null, [count, revenue])));
    expect(kpi(out, 'inner_rows')).toBe(SALES.filter((s) => personOf(s) !== undefined).length);
  });

  conformanceTest(ctx, 'row-scope', 'a scoped viewer sees only their rows; one without the attributes sees nothing', async () => {
    const project = ctx.projects().moscow;
    const team = (s: Sale) => personOf(s)?.team ?? null;
    const viewers: [string, Viewer, (s: Sale) => boolean][] = [
      ['unrestricted', UNRESTRICTED_VIEWER, () => true],
      ['manager 2', scopedViewer({ manager_id: 2 }), (s) => s.manager_id === 2],
      ['managers 3 and 4', scopedViewer({ manager_id: [3, 4] }), (s) => s.manager_id === 3 || s.manager_id === 4],
      ['team South', scopedViewer({ team: 'South' }), (s) => team(s) === 'South'],
      ['manager 2 in team South', scopedViewer({ manager_id: 2, team: 'South' }), () => false],
      ['no attributes', scopedViewer({}), () => false],
      ['unrelated attribute', scopedViewer({ region: 'North' }), () => false],
    ];
    for (const [who, viewer, sees] of viewers) {
      const out = await render(project, 'conf-scope', { viewer });
      const visible = SALES.filter(sees);
      expect([who, kpi(out, 'rows'), kpi(out, 'revenue')]).toEqual([who, visible.length, revenue(visible)]);
      expect([who, ok(out, 'by_region').rows]).toEqual([who, groupRows(visible, (s) => s.region, [count])]);
    }
  });

  conformanceTest(ctx, 'row-scope-options', "a select's options come only from the viewer's rows", async () => {
    const engine = ctx.projects().moscow.engine;
    const regionsOf = (rows: readonly Sale[]) => [...new Set(rows.map((s) => s.region).filter((r) => r !== null))].sort();
    const mine = await engine.parameterOptions('conf-scope', 'region', { viewer: scopedViewer({ manager_id: 2 }) });
    expect(mine).toEqual(regionsOf(SALES.filter((s) => s.manager_id === 2)));
    expect(await engine.parameterOptions('conf-scope', 'region', { viewer: scopedViewer({}) })).toEqual([]);
    expect(await engine.parameterOptions('conf-scope', 'region')).toEqual(regionsOf(SALES));
  });
}
