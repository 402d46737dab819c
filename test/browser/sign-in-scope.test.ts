/// <reference lib="dom" />
/**
 * Signing in through the login page in the real headless Chromium, as each role of the secured
 * demo server: the form works under the CSP, the dashboard draws with zero console errors, and
 * each sees exactly their scope — their own manager name in the "top managers" panel and no
 * other manager of a forbidden scope; an ungranted dashboard is a 404.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, type SecuredServer, startSecuredServer } from '../access/secured-server.js';
import { launchTestBrowser, type TestBrowser } from '../support/browser.js';

let s: SecuredServer;
let chromium: TestBrowser;
beforeAll(async () => {
  s = await startSecuredServer('sqlite');
  chromium = await launchTestBrowser();
});
afterAll(async () => {
  await chromium?.close();
  await s?.dispose();
});

async function signIn(role: keyof typeof PASSWORDS): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await chromium.browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${s.url}/d/sales?by=manager`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.type('input[name=username]', role);
  await page.type('input[name=password]', PASSWORDS[role]);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  if (new URL(page.url()).pathname === '/login')
    throw new Error(
      `login as ${role} stayed on the form: ${response?.status()} ${(await page.$eval('main', (m) => m.textContent)) ?? ''} ${errors.join(' | ')}`,
    );
  return { page, errors, close: () => context.close() };
}

describe.each(['manager', 'head', 'ceo', 'admin'] as const)('signed in as %s', (role) => {
  it('lands on the dashboard it asked for, drawn, within its scope', async () => {
    const { page, errors, close } = await signIn(role);
    try {
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/d/sales?by=manager');
      await page.waitForFunction('document.documentElement.dataset.vitrinaState === "ready"', { timeout: 60_000 });
      const text = (await page.evaluate(() => document.body.textContent)) as string;
      const { manager, department, managers } = s.scope;
      const allowed =
        role === 'manager' ? [manager] : role === 'head' ? managers.filter((m) => m.department_id === department.id) : managers;
      const forbidden = managers.filter((m) => !allowed.includes(m) && !allowed.some((a) => a.name.includes(m.name)));
      expect(forbidden.filter((m) => text.includes(m.name)).map((m) => m.name)).toEqual([]);
      if (role === 'manager') expect(text).toContain(manager.name);
      expect(errors).toEqual([]);
      const overview = await page.goto(`${s.url}/d/executive-overview`);
      expect(overview?.status()).toBe(role === 'manager' ? 404 : 200);
    } finally {
      await close();
    }
  });
});

it('the session cookie is HttpOnly (scripts cannot read it) and SameSite=Lax; same-site fetches carry it', async () => {
  const { page, close } = await signIn('ceo');
  try {
    const csrf = await page.evaluate(async () => ((await (await fetch('/api/reports/sales/panels/revenue')).ok) ? 'ok' : 'no'));
    expect(csrf).toBe('ok');
    const cookies = await page.browserContext().cookies();
    expect(cookies.find((c) => c.name === 'vitrina_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('vitrina_session');
  } finally {
    await close();
  }
});
