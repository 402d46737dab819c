#!/usr/bin/env node
/**
 * `pnpm bench:charts`: every chart of the demo's print pages — the same options, sizes, theme and
 * locale the PDF uses — drawn by paper charts and by ECharts' server renderer in the same process,
 * median time per chart for each and their ratio. `--shot F.png` also writes the two drawings side
 * by side (ECharts left, paper right) through the system Chromium, to compare them by eye.
 *
 *   pnpm bench:charts [--scale small|large] [--type bar|line|pie|funnel|gauge|heatmap|sparkline]
 *                     [--paper A4|Letter] [--orientation landscape|portrait] [--locale en|ru] [--shot F.png]
 */
import { parseArgs } from 'node:util';
import { BrowserPool } from '@vitrina/core/export';
import { chartOption, isChartType } from '../../core/dist/render/client/chart-options/chart-option.js';
import { sparklineOption } from '../../core/dist/render/client/chart-options/sparkline-option.js';
import { chartContext } from '../../core/dist/render/client/model/chart-context.js';
import { renderDashboard } from '../../core/dist/render/html/render-dashboard.js';
import { ThemeRegistry } from '../../core/dist/render/html/theme-registry.js';
import { echartsChartSvg, registerChartTheme } from '../../core/dist/render/print/chart-svg.js';
import { paperChartSvg } from '../../core/dist/render/print/paper/paper-chart.js';
import { PRINT_CHART_HEIGHT, panelBodyWidth, SPARKLINE_HEIGHT } from '../../core/dist/render/print/print-layout.js';
import { openBenchDemo } from './bench-demo.mjs';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'small' },
    type: { type: 'string' },
    paper: { type: 'string', default: 'A4' },
    orientation: { type: 'string', default: 'landscape' },
    locale: { type: 'string' },
    shot: { type: 'string' },
  },
});
const { project, now } = await openBenchDemo(args.scale);
const themes = new ThemeRegistry({ projectDir: project.dir, defaultTheme: project.config.theme });
const kind = (type) => ({ area: 'line', stacked_bar: 'bar' })[type] ?? type;

/** Every chart of every demo print page, as the print page draws it. */
async function demoCharts() {
  const charts = [];
  for (const reportId of project.definitions.reports.keys()) {
    const locale = args.locale ?? project.config.locale ?? 'en';
    const { state } = await renderDashboard({
      project,
      themes,
      reportId,
      parameters: {},
      locale,
      assets: () => ({ styles: [], scripts: [] }),
      static: true,
      now,
    });
    const base = chartContext({
      locale: state.locale,
      messages: state.messages,
      timezone: state.timezone,
      currency: state.currency,
      animation: false,
    });
    const theme = registerChartTheme(state.theme, state.echartsTheme);
    for (const view of state.panels) {
      const result = state.results[view.id];
      if (!result || 'error' in result || !result.rows?.length) continue;
      const width = panelBodyWidth(view.width, args.paper, args.orientation);
      const ctx = view.goodWhen ? { ...base, goodWhen: view.goodWhen } : base;
      const common = { reportId, panel: view.id, width, locale: state.locale, theme, themeObject: state.echartsTheme };
      if (isChartType(view.type)) {
        const option = chartOption(result, { ...view, title: view.title ?? result.title ?? '', width }, ctx).option;
        charts.push({ ...common, type: view.type, option, height: PRINT_CHART_HEIGHT[view.height] ?? 300 });
      } else if (view.type === 'kpi' && result.series && result.series.rows.length >= 2) {
        charts.push({ ...common, type: 'sparkline', option: sparklineOption(result.series, ctx), height: SPARKLINE_HEIGHT });
      }
    }
  }
  return charts.filter((c) => !args.type || kind(c.type) === args.type || c.type === args.type);
}

/** Median of per-call times over repeated rounds (a round is at least ~20 ms of calls). */
function timeEach(draw) {
  for (let i = 0; i < 5; i++) draw();
  const samples = [];
  for (let round = 0; round < 15; round++) {
    let calls = 0;
    const t = performance.now();
    while (performance.now() - t < 20 || calls < 3) {
      draw();
      calls++;
    }
    samples.push((performance.now() - t) / calls);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const charts = await demoCharts();
console.log(
  `${charts.length} charts of the ${args.scale} demo's print pages (${args.paper} ${args.orientation}), median time per drawing\n`,
);
console.log(
  `${'dashboard / panel'.padEnd(44)} ${'type'.padEnd(12)} ${'size'.padEnd(9)} ${'paper'.padStart(9)} ${'echarts'.padStart(9)} ${'ratio'.padStart(6)}`,
);
const rows = [];
let html =
  '<!doctype html><meta charset="utf-8"><style>body{font-family:sans-serif;margin:8px} .row{display:flex;gap:12px;margin-bottom:12px} .cell{outline:1px dashed #ccc} h4{margin:2px 0;font-size:12px}</style>';
for (const c of charts) {
  const paperSvg = paperChartSvg(c.option, { width: c.width, height: c.height, theme: c.themeObject });
  const echartsOptions = { width: c.width, height: c.height, locale: c.locale, ...(c.theme ? { theme: c.theme } : {}) };
  const echartsSvg = echartsChartSvg(c.option, echartsOptions);
  const paperMs =
    paperSvg === undefined
      ? Number.NaN
      : timeEach(() => paperChartSvg(c.option, { width: c.width, height: c.height, theme: c.themeObject }));
  const echartsMs = timeEach(() => echartsChartSvg(c.option, echartsOptions));
  rows.push({ paperMs, echartsMs });
  const size = `${Math.round(c.width)}x${c.height}`;
  console.log(
    `${`${c.reportId} / ${c.panel}`.padEnd(44)} ${c.type.padEnd(12)} ${size.padEnd(9)} ${(paperSvg === undefined ? 'declined' : `${paperMs.toFixed(2)} ms`).padStart(9)} ${`${echartsMs.toFixed(1)} ms`.padStart(9)} ${(echartsMs / paperMs).toFixed(0).padStart(5)}×`,
  );
  const cell = (svg) => `<div class="cell" style="width:${c.width}px;height:${c.height}px">${svg ?? '<i>declined</i>'}</div>`;
  html += `<h4>${c.reportId} / ${c.panel} (${c.type})</h4><div class="row">${cell(echartsSvg)}${cell(paperSvg)}</div>`;
}
const drawn = rows.filter((r) => Number.isFinite(r.paperMs));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(
  `\npaper charts: ${drawn.length} of ${rows.length} drawn (the rest declined to ECharts); all charts once: paper ${sum(drawn.map((r) => r.paperMs)).toFixed(1)} ms, ECharts ${sum(rows.map((r) => r.echartsMs)).toFixed(0)} ms`,
);
if (args.shot) {
  const pool = new BrowserPool({ maxPages: 1 });
  try {
    await pool.withPage(async (page) => {
      await page.setViewport({ width: 2000, height: 800 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: args.shot, fullPage: true });
    });
    console.log(`side by side (ECharts left, paper right): ${args.shot}`);
  } finally {
    await pool.close();
  }
}
await project.close();
