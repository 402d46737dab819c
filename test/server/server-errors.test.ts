/**
 * Bad input over HTTP: unknown dashboards and panels are 404 with a did-you-mean hint, malformed
 * parameters are 400 naming the parameter (JSON under /api, an HTML page elsewhere), oversize
 * input is capped, nothing shows a stack trace, and data from definitions is escaped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from './page-state.js';
import { startDemoServer, type TestServer } from './server-fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => server?.dispose());

const STACK = /\bat .+:\d+:\d+|node_modules|\.ts:\d+/;

async function apiError(path: string): Promise<{ status: number; error: { code: string; message: string; hint?: string } }> {
  const r = await server.get(path);
  expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  expect(r.headers.get('cache-control')).toBe('no-store');
  const text = await r.text();
  expect(text).not.toMatch(STACK);
  return { status: r.status, ...(JSON.parse(text) as { error: { code: string; message: string; hint?: string } }) };
}

describe('404', () => {
  it('an unknown report suggests the closest id', async () => {
    expect(await apiError('/api/reports/sales-funel')).toEqual({
      status: 404,
      error: { code: 'REPORT_NOT_FOUND', message: "no report 'sales-funel'", hint: "did you mean 'sales-funnel'?" },
    });
    expect((await apiError('/api/reports/nope/panels/x')).status).toBe(404);
  });

  it('an unknown panel lists or suggests the panels', async () => {
    const { status, error } = await apiError('/api/reports/sales/panels/revenu');
    expect(status).toBe(404);
    expect(error).toEqual({ code: 'PANEL_NOT_FOUND', message: "report 'sales' has no panel 'revenu'", hint: "did you mean 'revenue'?" });
  });

  it('an unknown dashboard or page is a themed HTML page', async () => {
    for (const path of ['/d/sales-funel', '/nope', '/d/']) {
      const r = await server.get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await r.text();
      expect(html).toContain('data-page="error"');
      expect(html).toContain('Page not found');
      expect(html).not.toMatch(STACK);
    }
    expect(await (await server.get('/d/sales-funel')).text()).toContain('did you mean &#x27;sales-funnel&#x27;?');
  });

  it('an unknown API route is JSON', async () => {
    expect(await apiError('/api/nope')).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
  });
});

describe('400 naming the parameter', () => {
  it.each([
    ['period=2026-13-45', 'PERIOD_INVALID', "parameter 'period'"],
    ['period=yesterdy', 'PERIOD_INVALID', "did you mean 'yesterday'?"],
    ['period=2026-02-30..2026-03-01', 'PERIOD_INVALID', "parameter 'period'"],
    ['by=colour', 'PARAMETER_INVALID', "parameter 'by': 'colour' is not one of its options"],
    ['department=Nowhere', 'PARAMETER_INVALID', "parameter 'department': 'Nowhere' is not one of its options"],
    ['periodd=this_month', 'PARAMETER_INVALID', "did you mean 'period'?"],
    ['period=this_month&period=last_month', 'PARAMETER_INVALID', "parameter 'period': takes one value"],
    [`department=${'x'.repeat(201)}`, 'PARAMETER_INVALID', "parameter 'department': value is too long"],
    [Array.from({ length: 101 }, () => 'department=a').join('&'), 'PARAMETER_INVALID', "parameter 'department': too many values"],
    ['lang=fr', 'PARAMETER_INVALID', "parameter 'lang'"],
  ])('%s', async (query, code, text) => {
    const { status, error } = await apiError(`/api/reports/sales-activity/panels/calls?${query}`);
    expect(status).toBe(400);
    expect(error.code).toBe(code);
    expect(`${error.message} ${error.hint ?? ''}`).toContain(text);
    const page = await server.get(`/d/sales-activity?${query}`);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('The link has a bad parameter');
    expect(html).not.toMatch(STACK);
  });

  it('fixed options are checked too (segment of client-base)', async () => {
    const { status, error } = await apiError('/api/reports/client-base?segment=hueg');
    expect(status).toBe(400);
    expect(error.message).toContain("parameter 'segment'");
  });

  it('an empty form field means "not set", not an error', async () => {
    const r = await server.get('/d/sales-activity?department=&by=manager&period=last_month');
    expect(r.status).toBe(200);
  });
});

describe('escaping', () => {
  it('definition text is HTML-escaped in the page and cannot end the state block', async () => {
    const file = join(server.dir, 'report-definitions', 'sales-funnel.json');
    const original = readFileSync(file, 'utf8');
    try {
      const def = JSON.parse(original);
      def.title = { en: '<script>alert(1)</script> & "funnel"' };
      def.description = '</script><img src=x onerror=alert(2)>';
      writeFileSync(file, JSON.stringify(def));
      server.project.reloadDefinitions();
      const html = await (await server.get('/d/sales-funnel')).text();
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;funnel&quot;');
      expect(stateOf(html).report.title).toBe('<script>alert(1)</script> & "funnel"');
      expect(stateOf(html).report.description).toBe('</script><img src=x onerror=alert(2)>');
    } finally {
      writeFileSync(file, original);
      server.project.reloadDefinitions();
    }
  });
});

describe('caching', () => {
  it('max-age follows the shortest cacheSeconds of the datasets a panel reads', async () => {
    const file = join(server.dir, 'report-definitions', 'sales.json');
    const original = readFileSync(file, 'utf8');
    try {
      const def = JSON.parse(original);
      const panel = def.panels.find((p: { id: string }) => p.id === 'revenue');
      def.datasets[panel.dataset].cacheSeconds = 15;
      writeFileSync(file, JSON.stringify(def));
      server.project.reloadDefinitions();
      const r = await server.get('/api/reports/sales/panels/revenue');
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('private, max-age=15');
    } finally {
      writeFileSync(file, original);
      server.project.reloadDefinitions();
    }
  });
});
