/**
 * Charts drawn in the print page's worker threads are the charts the main thread draws: the same
 * SVG (up to ECharts' per-instance element ids) for a bar chart, a line chart in Russian and a KPI
 * sparkline. Runs against the build (`pnpm test` builds first): the TypeScript sources have no
 * worker file, and there the print page draws on its own thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chartContext } from '../../core/dist/render/client/model/chart-context.js';
import { type DrawTask, PanelWorkers } from '../../core/dist/render/print/panel-workers.js';
import { printPanel } from '../../core/dist/render/print/print-panel.js';

const workers = new PanelWorkers(1);
afterAll(() => workers.close());

const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
const result = {
  id: 'p',
  columns: [
    { name: 'month', type: 'string', role: 'dimension', label: 'Месяц' },
    { name: 'calls', type: 'integer', role: 'measure', label: 'Звонки' },
  ],
  rows: months.map((m, i) => [m, 100 + i * 17]),
} as const;
const view = (type: string) => ({ id: 'p', type, title: 'Звонки по месяцам', width: 6, height: 'm' }) as DrawTask['view'];
const kpi = { ...result, columns: [result.columns[1]], rows: [[420]], series: { columns: result.columns, rows: result.rows } };
const sameIds = (html: string) => html.replace(/zr\d+-/g, 'zr-').replace(/cls-\d+/g, 'cls-');

async function drawnByWorker(task: DrawTask) {
  // The pool hands work out only once a worker has loaded; until then the caller draws.
  for (let i = 0; i < 200; i++) {
    const drawing = workers.draw(task);
    if (drawing) return drawing;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the chart worker never became ready');
}

describe('print panel workers', () => {
  for (const [type, outcome, locale] of [
    ['bar', result, 'en'],
    ['line', result, 'ru'],
    ['kpi', kpi, 'en'],
  ] as const) {
    it(`draws a ${type} panel (${locale}) as the main thread does`, async () => {
      const task: DrawTask = { view: view(type), outcome, context: { locale }, width: 420 };
      const remote = await drawnByWorker(task);
      const local = printPanel(task.view, outcome, { ctx: chartContext({ locale, animation: false }), width: 420 });
      expect(remote.failed).toBe(false);
      expect(remote.html).toContain('<svg');
      expect(sameIds(remote.html)).toBe(sameIds(local.html));
    });
  }
});

describe('idle print workers', () => {
  it('do not keep a process alive once their drawing is done (a CLI render must exit)', () => {
    // A process that starts the workers, waits until one has drawn, then has nothing left to do.
    const script = `
      import { PanelWorkers } from ${JSON.stringify(new URL('../../core/dist/render/print/panel-workers.js', import.meta.url).href)};
      const workers = new PanelWorkers(2);
      const task = { view: { id: 'p', type: 'bar', title: 't', width: 6, height: 'm' }, outcome: ${JSON.stringify(result)}, context: { locale: 'en' }, width: 300 };
      for (let i = 0; i < 200; i++) {
        const drawing = workers.draw(task);
        if (drawing) { await drawing; console.log('drawn'); break; }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }`;
    const file = join(mkdtempSync(join(tmpdir(), 'vitrina-workers-')), 'idle.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout, run.stderr).toContain('drawn');
    expect(run.signal, 'the process had to be killed: an idle worker held the event loop').toBeNull();
    expect(run.status).toBe(0);
  });

  it('nor does a chart kept for reuse on the thread that drew it (its frame loop is stopped)', () => {
    const script = `
      import { echartsChartSvg } from ${JSON.stringify(new URL('../../core/dist/render/print/chart-svg.js', import.meta.url).href)};
      const option = { xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: {}, series: [{ type: 'bar', data: [1, 2] }] };
      for (let i = 0; i < 3; i++) echartsChartSvg(option, { width: 300, height: 200, locale: 'en' });
      console.log('drawn');`;
    const file = join(mkdtempSync(join(tmpdir(), 'vitrina-workers-')), 'kept.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout, run.stderr).toContain('drawn');
    expect(run.signal, 'the process had to be killed: a kept chart held the event loop').toBeNull();
    expect(run.status).toBe(0);
  });
});
