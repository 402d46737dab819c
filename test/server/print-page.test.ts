/**
 * The print page of every demo dashboard: charts drawn on the server as SVG (paper charts; ECharts
 * only on request) and no script at all (nothing for Chromium to run or wait for), with the panels
 * the screen shows; printed by the real Chromium, its PDF carries the title, the parameters,
 * Cyrillic chart labels (SVG text stays text) and a number computed here with hand-written SQL; a
 * long table prints every row across pages with its header repeated.
 */
import { isPanelError } from '@vitrina/core';
import { BrowserPool, exportPdf, renderPrintPage } from '@vitrina/core/export';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Demo, NOW, openDemo } from '../integration/demo-fixture.js';
import { pdfText } from '../support/pdf-text.js';

const chromium = inject('vitrinaChromium');
const CHARTS = new Set(['line', 'area', 'bar', 'stacked_bar', 'pie', 'funnel', 'heatmap', 'gauge']);
const SUMMER = { period: '2026-06-01..2026-08-31' };
let demo: Demo;
let pool: BrowserPool;
beforeAll(async () => {
  demo = await openDemo({ files: true });
  pool = new BrowserPool({ executablePath: chromium });
}, 120_000);
afterAll(async () => {
  await pool?.close();
  await demo?.close();
});

const print = (reportId: string, parameters = {}) =>
  renderPrintPage({ project: demo.project, reportId, parameters, now: NOW, paper: 'A4', orientation: 'landscape' });

describe('the print page', () => {
  it('has every chart as inline SVG and no <script>, for every demo dashboard', async () => {
    const reports = [...demo.project.definitions.reports.keys()];
    expect(reports.length).toBeGreaterThanOrEqual(9);
    for (const reportId of reports) {
      const html = await print(reportId, reportId === 'activity-vs-plan' ? {} : SUMMER);
      expect(html, reportId).not.toMatch(/<script/i);
      const def = demo.project.engine.report(reportId);
      const output = await demo.project.engine.render(reportId, { parameters: reportId === 'activity-vs-plan' ? {} : SUMMER, now: NOW });
      const drawn = def.panels.filter((p, i) => {
        const outcome = output.panels[i];
        return CHARTS.has(p.type) && outcome && !isPanelError(outcome) && outcome.rows.length > 0;
      });
      expect((html.match(/<svg\b/g) ?? []).length, reportId).toBeGreaterThanOrEqual(drawn.length);
      // Every panel's body is filled: none is left for a script to draw.
      expect(html, reportId).not.toContain('<div class="vt-panel-body"></div>');
      for (const panel of def.panels) expect(html).toContain(`data-panel="${panel.id}"`);
    }
  });

  it('draws every demo chart as a paper chart (none left to ECharts), and ECharts draws them all when asked', async () => {
    // ECharts' SVG root carries baseProfile="full"; a paper chart's does not.
    const byEcharts = (html: string) => (html.match(/<svg [^>]*baseProfile="full"/g) ?? []).length;
    for (const reportId of demo.project.definitions.reports.keys()) {
      const html = await print(reportId, reportId === 'activity-vs-plan' ? {} : SUMMER);
      expect(byEcharts(html), reportId).toBe(0);
    }
    process.env.VITRINA_PRINT_CHARTS = 'echarts';
    try {
      const html = await print('sales', SUMMER);
      expect(byEcharts(html)).toBe((html.match(/<svg\b/g) ?? []).length);
      expect(byEcharts(html)).toBeGreaterThan(0);
    } finally {
      delete process.env.VITRINA_PRINT_CHARTS;
    }
  });

  it('escapes data and draws KPIs, tables and charts from the same results as the screen', async () => {
    const html = await print('sales', SUMMER);
    expect(html).toContain('class="vt-kpi-value"');
    expect(html).toContain('<table class="vt-table">');
    expect(html).toMatch(/<div class="vt-chart vt-chart-svg" role="img"[^>]*><svg /);
    expect(html).toContain('data-vitrina-state="ready"');
  });
});

describe.skipIf(!chromium)('the printed PDF', () => {
  it('prints a dashboard with Cyrillic chart labels, the parameters and a known number', async () => {
    const pdf = await exportPdf({ project: demo.project, reportId: 'sales', parameters: SUMMER, now: NOW }, { pool });
    const pages = await pdfText(pdf);
    const text = pages.join('\n');
    expect(text).toContain('Продажи');
    expect(text).toContain('2026-06-01 – 2026-08-31');
    // A region name drawn only inside an SVG chart's axis: the chart printed as text, not pixels.
    const region = demo.one(
      `select r.name as region from deals d join clients c on c.id = d.client_id join regions r on r.id = c.region_id
       where d.stage = 'won' and d.closed_at >= '2026-05-31 21:00:00' and d.closed_at < '2026-08-31 21:00:00'
       group by r.name order by sum(d.amount) desc limit 1`,
    ).region as string;
    expect(text).toContain(region);
    const won = demo.one(
      `select count(*) as n from deals where stage = 'won' and closed_at >= '2026-05-31 21:00:00' and closed_at < '2026-08-31 21:00:00'`,
    ).n as number;
    expect(text.replaceAll(/\s/g, '')).toContain(String(won));
    expect(pages[0]).toMatch(new RegExp(`Стр\\. 1 из ${pages.length}`));
  });

  it('prints every row of a long table across pages, the header row on each', async () => {
    const html = await print('client-base', SUMMER);
    expect(html).not.toMatch(/<script/i);
    const pdf = await exportPdf({ project: demo.project, reportId: 'client-base', parameters: SUMMER, now: NOW }, { pool });
    const pages = await pdfText(pdf);
    const output = await demo.project.engine.panel('client-base', 'silent_list', { parameters: SUMMER, now: NOW });
    if (isPanelError(output)) throw new Error(output.error.message);
    expect(output.rows.length).toBeGreaterThan(20);
    const heading = output.columns[0]?.label as string;
    const last = String(output.rows[output.rows.length - 1]?.[0]);
    expect(pages.join('\n')).toContain(last);
    const withRows = pages.filter((p) => output.rows.some((r) => p.includes(String(r[0]))));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain(heading);
  });
});
