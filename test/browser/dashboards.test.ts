/// <reference lib="dom" />
/**
 * Every demo dashboard in the real headless Chromium, served by `startServer` over the demo CRM:
 * at desktop and phone sizes, with zero console errors, every panel drawn (a chart, a table or a
 * KPI, no error), no horizontal scrolling on a phone with KPIs first; known numbers equal
 * hand-written SQL, and changing a filter changes them to the right values without a reload.
 * Screenshots go to test-artifacts/dashboards/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@vitrina/core/server';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, openDemo, type Period, period } from '../integration/demo-fixture.js';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/dashboards/', import.meta.url));
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const REPORTS = [
  'executive-overview',
  'activity-vs-plan',
  'sales',
  'sales-activity',
  'sales-funnel',
  'client-base',
  'marketing',
  'service-quality',
  'personnel-control',
];

let demo: Demo;
let server: RunningServer;
let chromium: TestBrowser;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // With the call logs and plan CSV, so the dashboard on telephony and CSV sources is opened too.
  demo = await openDemo({ files: true });
  server = await startServer({ project: demo.project, port: 0, log: () => {} });
  chromium = await launchTestBrowser();
});
afterAll(async () => {
  await chromium?.close();
  // The server closes the project; the fixture's own handles go after it.
  await server?.close();
  demo?.db.close();
});

/** Opens a page that records console errors and uncaught exceptions. */
async function open(path: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await chromium.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.setViewport(viewport);
  await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  await ready(page);
  return { page, errors };
}

const ready = (page: Page) => page.waitForFunction('document.documentElement.dataset.vitrinaState === "ready"', { timeout: 60_000 });

/** What each panel shows: a drawn chart, a table with rows, a KPI value, or an error. */
function panelStates(page: Page) {
  return page.$$eval('section.vt-panel', (sections) =>
    sections.map((s) => {
      const el = s as HTMLElement;
      const rect = el.getBoundingClientRect();
      return {
        id: el.dataset.panel,
        type: el.dataset.type,
        error: el.classList.contains('vt-has-error') ? (el.querySelector('.vt-panel-body')?.textContent ?? '?') : null,
        chart: !!el.querySelector('.vt-chart canvas, .vt-chart svg'),
        tableRows: el.querySelectorAll('table tbody tr').length,
        kpi: el.querySelector('.vt-kpi-value')?.textContent ?? null,
        empty: !!el.querySelector('.vt-empty'),
        left: Math.round(rect.left),
        top: Math.round(rect.top + window.scrollY),
      };
    }),
  );
}

const kpiText = (page: Page, panel: string) => page.$eval(`section[data-panel="${panel}"] .vt-kpi-value`, (el) => el.textContent);
const rub = (n: number) => new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(n);

function revenue(p: Period, where = '1 = 1'): number {
  const row = demo.one(
    `select coalesce(sum(case when d.stage = 'won' then d.amount end), 0) as revenue
     from deals d join clients c on c.id = d.client_id join regions r on r.id = c.region_id
     where d.stage in ('won', 'lost') and d.closed_at >= ? and d.closed_at < ? and ${where}`,
    p.start,
    p.end,
  );
  return row.revenue as number;
}

describe('every demo dashboard in Chromium', () => {
  for (const report of REPORTS)
    for (const viewport of VIEWPORTS)
      it(`${report} at ${viewport.name} size: no console errors, every panel drawn`, async () => {
        const { page, errors } = await open(`/d/${report}?period=2026-06-01..2026-08-31`, viewport);
        try {
          const panels = await panelStates(page);
          expect(panels.length).toBeGreaterThan(3);
          for (const p of panels) {
            expect(p.error, `${p.id} shows an error`).toBeNull();
            expect(p.chart || p.tableRows > 0 || p.kpi !== null || p.empty, `${p.id} (${p.type}) drew nothing`).toBe(true);
          }
          const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          expect(width.scroll, 'no horizontal scrolling').toBeLessThanOrEqual(width.inner);
          if (viewport.name === 'phone') {
            // One column, in reading order, KPIs before everything else.
            expect(new Set(panels.map((p) => p.left)).size).toBe(1);
            const byTop = [...panels].sort((a, b) => a.top - b.top).map((p) => p.type === 'kpi');
            expect(byTop.indexOf(false) === -1 || byTop.slice(byTop.indexOf(false)).every((k) => !k)).toBe(true);
          }
          await page.screenshot({ path: join(ARTIFACTS, `${report}-${viewport.name}.png`), fullPage: true });
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
});

describe('numbers and filters', () => {
  it('shows the revenue of a known period and follows a change of the period picker', async () => {
    const summer = period('2026-06-01', '2026-09-01');
    const autumn = period('2026-09-01', '2026-11-01');
    const { page, errors } = await open('/d/executive-overview?period=2026-06-01..2026-08-31', VIEWPORTS[0]);
    try {
      expect(await kpiText(page, 'revenue')).toBe(rub(revenue(summer)));
      // A marker on the window survives history.pushState but not a page load.
      await page.evaluate(() => Object.assign(window, { vitrinaMarker: 1 }));
      await page.select('#vt-p-period', '__custom');
      await page.$eval('.vt-period-custom input[type="date"]', (el) => {
        (el as HTMLInputElement).value = '2026-09-01';
      });
      await page.$$eval('.vt-period-custom input[type="date"]', (els) => {
        (els[1] as HTMLInputElement).value = '2026-10-31';
      });
      await page.click('.vt-period-apply');
      await page.waitForFunction(
        (expected) => document.querySelector('section[data-panel="revenue"] .vt-kpi-value')?.textContent === expected,
        { timeout: 30_000 },
        rub(revenue(autumn)),
      );
      await ready(page);
      expect(await kpiText(page, 'revenue')).toBe(rub(revenue(autumn)));
      expect(decodeURIComponent(new URL(page.url()).search)).toContain('period=2026-09-01..2026-10-31');
      expect(await page.evaluate(() => (window as unknown as { vitrinaMarker?: number }).vitrinaMarker), 'no full page reload').toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('filters the sales dashboard to one region chosen in its select', async () => {
    const range = period('2026-09-01', '2026-11-01');
    const { page, errors } = await open('/d/sales?period=2026-09-01..2026-10-31', VIEWPORTS[0]);
    try {
      expect(await kpiText(page, 'revenue')).toBe(rub(revenue(range)));
      await page.select('#vt-p-region', 'Москва');
      const expected = rub(revenue(range, "r.name = 'Москва'"));
      await page.waitForFunction(
        (text) => document.querySelector('section[data-panel="revenue"] .vt-kpi-value')?.textContent === text,
        { timeout: 30_000 },
        expected,
      );
      expect(decodeURIComponent(new URL(page.url()).search)).toContain('region=Москва');
      // The shared URL restores the same view.
      const { page: again } = await open(`/d/sales?${new URL(page.url()).search.slice(1)}`, VIEWPORTS[0]);
      expect(await kpiText(again, 'revenue')).toBe(expected);
      await again.close();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
