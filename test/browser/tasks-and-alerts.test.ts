/// <reference lib="dom" />
/**
 * Control tasks and active alerts in the real headless Chromium, signed in through the login
 * page: the tasks panel of the personnel-control dashboard lists every task with its state and
 * escalation; an alert shows as a badge on the panel it targets; the owner marks her open task
 * done from the tasks page's form (the CSRF token travels in the form) and the page comes back
 * with it done. Zero console errors; screenshots in test-artifacts/tasks/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS } from '../access/secured-server.js';
import { type AlertsTasksServer, startAlertsTasksServer } from '../server/alerts-tasks-fixture.js';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/tasks/', import.meta.url));

let s: AlertsTasksServer;
let chromium: TestBrowser;
let page: Page;
const errors: string[] = [];
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  s = await startAlertsTasksServer();
  chromium = await launchTestBrowser();
  page = await (await chromium.browser.createBrowserContext()).newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${s.url}/login?next=/`);
  await page.type('input[name=username]', 'head');
  await page.type('input[name=password]', PASSWORDS.head);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  if (new URL(page.url()).pathname === '/login') throw new Error('sign-in as head failed');
});
afterAll(async () => {
  await chromium?.close();
  await s?.dispose();
});

const ready = (p: Page) => p.waitForFunction('document.documentElement.dataset.vitrinaState === "ready"', { timeout: 60_000 });

describe('in Chromium, signed in as the head of sales', () => {
  it('the tasks panel lists open, overdue and done tasks per owner with the escalation', async () => {
    await page.goto(`${s.url}/d/personnel-control`);
    await ready(page);
    const rows = await page.$$eval('section[data-panel="control_tasks"] tbody tr', (trs) =>
      trs.map((tr) => ({
        status: (tr as HTMLElement).dataset.status,
        cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => [r.cells[0], r.status])).toEqual([
      ['head', 'open'],
      ['head', 'overdue'],
      ['head', 'done'],
      ['manager', 'open'],
    ]);
    expect(rows[0]?.cells[1]).toBe('Listen to <5> calls of each manager');
    expect(rows[1]?.cells[5]).toMatch(/^ceo \(.+\)$/);
    expect(rows[2]?.cells[4]).toContain('Listened to 25 calls; <two> scripts to fix');
    expect(await page.$eval('section[data-panel="control_tasks"] .vt-tasks-page', (a) => (a as HTMLAnchorElement).pathname)).toBe('/tasks');
    await page.$eval('section[data-panel="control_tasks"]', (el) => el.scrollIntoView());
    const panel = await page.$('section[data-panel="control_tasks"]');
    await panel?.screenshot({ path: join(ARTIFACTS, 'tasks-panel.png') });
    expect(errors).toEqual([]);
  });

  it('an active alert shows as a badge on the panel its rule targets', async () => {
    await page.goto(`${s.url}/d/executive-overview`);
    await ready(page);
    const badge = await page.$eval('section[data-panel="revenue"] .vt-panel-alerts', (el) => ({
      text: el.textContent?.replace(/\s+/g, ' ').trim(),
      visible: (el as HTMLElement).offsetHeight > 0,
      link: (el.querySelector('a.vt-alert-link') as HTMLAnchorElement).href,
    }));
    expect(badge.visible).toBe(true);
    expect(badge.text).toContain('Revenue run-rate <b>below</b> plan');
    expect(new URL(badge.link).pathname + new URL(badge.link).search).toBe('/d/executive-overview?period=2026-11-01..2026-11-26');
    expect(await page.$$eval('.vt-panel-alerts', (els) => els.length)).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'alert-on-panel.png') });
    expect(errors).toEqual([]);
  });

  it('the owner marks her open task done from the tasks page', async () => {
    await page.goto(`${s.url}/tasks?owner=head`);
    const item = `li[data-task="${s.ids.headOpen}"]`;
    await page.type(`${item} textarea[name=comment]`, 'Listened to 30 calls, all fine');
    await Promise.all([page.waitForNavigation(), page.click(`${item} form button[type=submit]`)]);
    expect(new URL(page.url()).searchParams.get('done')).toBe(s.ids.headOpen);
    expect(await page.$eval(item, (el) => (el as HTMLElement).dataset.status)).toBe('done');
    expect(await page.$eval(`${item} .vt-task-comment`, (el) => el.textContent)).toBe('Listened to 30 calls, all fine');
    expect(await page.$eval('.vt-notice', (el) => el.textContent)).toBe('The task is marked done.');
    await page.screenshot({ path: join(ARTIFACTS, 'tasks-page.png'), fullPage: true });
    expect(await s.tasks.get(s.ids.headOpen, new Date())).toMatchObject({ status: 'done', doneBy: 'head' });
    expect(errors).toEqual([]);
  });
});
