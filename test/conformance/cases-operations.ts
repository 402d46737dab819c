/** @module Cases: SQL datasets, health, error values for bad input, cancellation, and large results. */
import { isPanelError, VitrinaError } from '@vitrina/core';
import { expect } from 'vitest';
import { count, groupRows, inDates, NOW, revenue } from './expected-answers.js';
import { BIG_ROWS, bigValue, SALES } from './fixture.js';
import { SLOW_REPORTS, slowMarker } from './reports-engine.js';
import { approx, conformanceTest, kpi, ok, panelOf, render, type SuiteContext, sortedByKey } from './suite-context.js';

/** Whether the report's slow query is running at the source, by the harness's probe. */
function runningProbe(ctx: SuiteContext, report: string): () => Promise<boolean> {
  const probe = ctx.loaded().runningQueries;
  if (!probe) throw new Error('the harness has no runningQueries() probe: add one, or skip the case with a reason');
  const marker = slowMarker(report);
  return async () => (await probe()).some((q) => q.includes(marker));
}

/** Polls until `done` holds or the time is up; returns whether it held. */
async function eventually(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return done();
}

function errorOf(output: Awaited<ReturnType<typeof render>>, id: string) {
  const outcome = panelOf(output, id);
  return isPanelError(outcome) ? outcome.error : undefined;
}

export function operationCases(ctx: SuiteContext): void {
  conformanceTest(ctx, 'sql-dataset', 'a SQL dataset binds :params, :period_start and :period_end as values', async () => {
    const project = ctx.projects().moscow;
    for (const [parameters, start, end, minQty, product] of [
      [{}, '2026-01-01', '2026-04-01', 5, "O'Brien's tea"],
      [{ period: '2026-Q2', min_qty: '8', product: 'Чайник' }, '2026-04-01', '2026-07-01', 8, 'Чайник'],
    ] as const) {
      const out = await render(project, 'conf-sql', { parameters });
      const rows = inDates(start, end).filter((s) => s.qty >= minQty);
      expect(kpi(out, 'windowed')).toBe(rows.length);
      const byProduct = sortedByKey(groupRows(rows, (s) => s.product, [count, revenue]));
      expect(sortedByKey(ok(out, 'windowed_by_product').rows)).toEqual(approx(byProduct));
      expect(ok(out, 'by_product').rows).toEqual([["it's", SALES.filter((s) => s.product === product).length]]);
    }
  });

  conformanceTest(ctx, 'health-ok', 'the loaded source reports healthy', async () => {
    expect(await ctx.projects().moscow.sources.get('data')?.checkHealth({ timeoutMs: 10_000 })).toMatchObject({ ok: true });
  });

  conformanceTest(ctx, 'health-broken', 'a source that cannot work reports { ok: false, reason } and does not throw', async () => {
    const health = await ctx.projects().moscow.sources.get('broken')?.checkHealth({ timeoutMs: 10_000 });
    expect(health).toMatchObject({ ok: false, reason: expect.stringMatching(/\S/) });
  });

  conformanceTest(ctx, 'error-missing-table', 'a missing table, column or bad SQL is a panel error; the other panels render', async () => {
    const out = await render(ctx.projects().moscow, 'conf-errors');
    expect(kpi(out, 'good')).toBe(SALES.length);
    for (const id of ['missing_table', 'missing_column', 'bad_sql']) {
      expect([id, errorOf(out, id)]).toEqual([
        id,
        expect.objectContaining({ code: 'QUERY_FAILED', message: expect.stringContaining("source 'data'") }),
      ]);
    }
  });

  conformanceTest(ctx, 'error-broken-source', 'a panel on a source that cannot work is an error naming the source', async () => {
    const out = await render(ctx.projects().moscow, 'conf-errors');
    expect(kpi(out, 'good')).toBe(SALES.length);
    expect(errorOf(out, 'broken')).toEqual(
      expect.objectContaining({
        code: expect.stringMatching(/^(SOURCE_UNAVAILABLE|QUERY_FAILED)$/),
        message: expect.stringContaining("source 'broken'"),
      }),
    );
  });

  conformanceTest(ctx, 'error-bad-parameters', 'bad request values are refused; hostile text is only ever a value', async () => {
    const project = ctx.projects().moscow;
    const refused = async (report: string, parameters: Record<string, string>) => {
      const error = await render(project, report, { parameters }).catch((e: unknown) => e);
      return error instanceof VitrinaError ? error.code : error;
    };
    expect(await refused('conf-periods', { period: '2026-13' })).toBe('PERIOD_INVALID');
    expect(await refused('conf-periods', { perod: '2026' })).toBe('PARAMETER_INVALID');
    expect(await refused('conf-filter-params', { min_amount: 'abc' })).toBe('PARAMETER_INVALID');
    expect(await refused('conf-filter-params', { paid: 'maybe' })).toBe('PARAMETER_INVALID');
    for (const product of ["x' or '1'='1", "'; drop table sales; --"]) {
      expect([product, kpi(await render(project, 'conf-errors', { parameters: { product } }), 'good')]).toEqual([product, 0]);
    }
    expect(kpi(await render(project, 'conf-errors'), 'good')).toBe(SALES.length);
  });

  conformanceTest(ctx, 'cancellation', 'aborting a render stops waiting for a slow query at once', async () => {
    const project = ctx.projects().moscow;
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('the viewer went away')), 300);
    const out = await render(project, SLOW_REPORTS.client, { signal: controller.signal });
    expect(errorOf(out, 'slow')?.code).toBe('ABORTED');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(kpi(await render(project, 'conf-errors'), 'good')).toBe(SALES.length);
  });

  conformanceTest(ctx, 'cancellation-server', 'a query aborted while it runs stops at the source', async () => {
    const running = runningProbe(ctx, SLOW_REPORTS.running);
    const controller = new AbortController();
    const pending = render(ctx.projects().moscow, SLOW_REPORTS.running, { signal: controller.signal });
    expect(await eventually(running, 5_000)).toBe(true);
    // Well into its work: the moment right after sending is 'cancellation-early'.
    await new Promise((r) => setTimeout(r, 250));
    controller.abort(new Error('the viewer went away'));
    expect(errorOf(await pending, 'slow')?.code).toBe('ABORTED');
    expect(await eventually(async () => !(await running()), 5_000)).toBe(true);
  });

  conformanceTest(
    ctx,
    'cancellation-early',
    'a query aborted the moment it is sent does not run on at the source either',
    async () => {
      const running = runningProbe(ctx, SLOW_REPORTS.early);
      const left: number[] = [];
      // A viewer who leaves at once, or a deadline that fires while the query is still on its way.
      for (const delayMs of [0, 2, 5, 10, 20]) {
        const controller = new AbortController();
        setTimeout(() => controller.abort(new Error('the viewer went away')), delayMs);
        expect(errorOf(await render(ctx.projects().moscow, SLOW_REPORTS.early, { signal: controller.signal }), 'slow')?.code).toBe(
          'ABORTED',
        );
        if (!(await eventually(async () => !(await running()), 5_000))) left.push(delayMs);
      }
      expect({ 'still running after an abort at (ms)': left }).toEqual({ 'still running after an abort at (ms)': [] });
    },
    60_000,
  );

  conformanceTest(
    ctx,
    'large-result',
    `${BIG_ROWS.toLocaleString('en')} rows through a table panel arrive complete and in order`,
    async () => {
      const panel = ok(await render(ctx.projects().moscow, 'conf-large'), 'rows');
      expect(panel.rows).toHaveLength(BIG_ROWS);
      const wrong = panel.rows.findIndex((row, i) => row[0] !== i + 1 || row[1] !== bigValue(i + 1) || row.length !== 2);
      expect(wrong >= 0 ? { index: wrong, row: panel.rows[wrong] } : undefined).toBeUndefined();
    },
  );

  conformanceTest(
    ctx,
    'streaming',
    'an export streams a table panel in batches, complete and in order (read as it goes where the source implements stream)',
    async () => {
      const stream = await ctx.projects().moscow.engine.streamPanel('conf-large', 'rows', { now: NOW, batchRows: 5_000 });
      if (!stream) throw new Error('a plain table panel must stream');
      expect(stream.columns.map((c) => c.name)).toEqual(['id', 'total']);
      let batches = 0;
      let n = 0;
      let wrong: { index: number; row: unknown[] } | undefined;
      for await (const batch of stream.batches) {
        batches++;
        for (const row of batch) {
          n++;
          if (!wrong && (row[0] !== n || row[1] !== bigValue(n) || row.length !== 2)) wrong = { index: n - 1, row };
        }
      }
      expect(wrong).toBeUndefined();
      expect(n).toBe(BIG_ROWS);
      expect(batches).toBeGreaterThan(1);
    },
  );
}
