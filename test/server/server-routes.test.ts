/**
 * The hosted app over real HTTP on the demo CRM: index, every dashboard, the JSON API (the same
 * JSON as `vitrina render --format json`), option lists, health, assets with immutable hashed
 * URLs, language switching and security headers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPanelError } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScripts, panelIds, stateOf } from './page-state.js';
import { NOW, startDemoServer, type TestServer } from './server-fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => server?.dispose());

const REPORTS = [
  'client-base',
  'executive-overview',
  'marketing',
  'personnel-control',
  'sales',
  'sales-activity',
  'sales-funnel',
  'service-quality',
];

describe('GET /healthz', () => {
  it('reports every source up', async () => {
    const r = await server.get('/healthz');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(await r.json()).toEqual({ status: 'ok', sources: { crm: { ok: true } }, reports: 8, definitionProblems: 0 });
  });
});

describe('GET /', () => {
  it('lists every dashboard with title, description and tags, linked to /d/<id>', async () => {
    const r = await server.get('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    for (const id of REPORTS) expect(html).toContain(`href="/d/${id}"`);
    expect(html).toContain('Executive overview');
    expect(html).toContain('Headline numbers against plan');
    expect(html).toContain('<li class="vt-tag">kpi</li>');
    expect(html).not.toContain('vt-problems');
  });
});

describe('GET /d/:id', () => {
  it.each(REPORTS)('%s renders every panel with its data embedded for the first paint', async (id) => {
    const r = await server.get(`/d/${id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    const html = await r.text();
    const state = stateOf(html);
    const def = server.project.definitions.reports.get(id)?.definition;
    expect(state.report.id).toBe(id);
    expect(state.panels.map((p) => p.id)).toEqual(def?.panels.map((p) => p.id));
    expect(panelIds(html)).toEqual(def?.panels.map((p) => p.id));
    for (const panel of state.panels) {
      const result = state.results[panel.id] as { error?: unknown };
      expect(result, panel.id).toBeDefined();
      expect(result.error, panel.id).toBeUndefined();
      expect(panel.width).toBeGreaterThanOrEqual(1);
      expect(html).toContain(`style="--vt-span: ${panel.width}"`);
    }
    expect(state.parameters.map((p) => p.id)).toEqual((def?.parameters ?? []).map((p) => p.id));
    expect(html).toContain('id="vt-filters"');
    expect(inlineScripts(html)).toEqual([]);
  });

  it('restores the view from the query string: parameters, resolved period, selected options', async () => {
    const html = await (await server.get('/d/sales-activity?period=2026-10&by=department&department=Интернет-продажи')).text();
    const state = stateOf(html);
    expect(state.query).toEqual({ period: '2026-10', by: 'department', department: 'Интернет-продажи' });
    const period = state.parameters.find((p) => p.id === 'period');
    expect(period?.value).toBe('2026-10');
    expect(period?.resolved).toMatchObject({ start: '2026-10-01', end: '2026-10-31' });
    expect(html).toMatch(/<option value="department" selected>/);
    expect(html).toMatch(/<option value="Интернет-продажи" selected>/);
    // The page's numbers are the engine's for the same parameters.
    const expected = await server.project.engine.render('sales-activity', {
      parameters: { period: '2026-10', by: 'department', department: 'Интернет-продажи' },
      locale: 'en',
      now: NOW,
    });
    for (const panel of expected.panels) expect(state.results[panel.id]).toEqual(JSON.parse(JSON.stringify(panel)));
  });

  it('reads a multiple select from repeated keys or a comma-separated value', async () => {
    for (const query of [
      'department=Интернет-продажи&department=Корпоративные продажи',
      'department=Интернет-продажи,Корпоративные продажи',
    ]) {
      const html = await (await server.get(`/d/sales-activity?${encodeURI(query)}`)).text();
      const department = stateOf(html).parameters.find((p) => p.id === 'department');
      expect(department?.value).toEqual(['Интернет-продажи', 'Корпоративные продажи']);
      expect(html).toMatch(/<option value="Интернет-продажи" selected>/);
      expect(html).toMatch(/<option value="Корпоративные продажи" selected>/);
    }
  });

  it('offers data-driven select options and labelled period presets in the viewer language', async () => {
    const state = stateOf(await (await server.get('/d/sales-activity?lang=ru')).text());
    expect(state.locale).toBe('ru');
    expect(state.report.title).toBe('Активность продаж');
    expect(state.messages['client.loading']).toBe('Загрузка…');
    const period = state.parameters.find((p) => p.id === 'period');
    expect(period?.presets).toContainEqual({ value: 'last_month', label: 'Прошлый месяц' });
    const department = state.parameters.find((p) => p.id === 'department');
    expect(department?.options?.map((o) => o.value)).toEqual([
      'Интернет-продажи',
      'Корпоративные продажи',
      'Отдел продаж Москва',
      'Региональные продажи',
    ]);
    expect(state.parameters.find((p) => p.id === 'by')?.options).toEqual([
      { value: 'manager', label: 'Менеджер' },
      { value: 'department', label: 'Отдел' },
    ]);
  });

  it("a definition's theme overrides the config's; an unknown one falls back to the config's", async () => {
    const file = join(server.dir, 'report-definitions', 'marketing.json');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, JSON.stringify({ ...JSON.parse(original), theme: 'dark' }));
      server.project.reloadDefinitions();
      const dark = await (await server.get('/d/marketing')).text();
      expect(dark).toContain('data-theme="dark"');
      expect(stateOf(dark).theme).toBe('dark');
      expect(stateOf(dark).echartsTheme).toMatchObject({ color: expect.arrayContaining(['#5b8dff']) });
      writeFileSync(file, JSON.stringify({ ...JSON.parse(original), theme: 'neon' }));
      server.project.reloadDefinitions();
      const fallback = await server.get('/d/marketing');
      expect(fallback.status).toBe(200);
      expect(await fallback.text()).toContain('data-theme="default"');
    } finally {
      writeFileSync(file, original);
      server.project.reloadDefinitions();
    }
  });

  it('remembers ?lang in a cookie', async () => {
    const r = await server.get('/?lang=ru');
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vitrina_lang=ru;/);
    expect(await r.text()).toContain('<html lang="ru"');
    const again = await server.get('/d/sales', { headers: { cookie: 'vitrina_lang=ru' } });
    expect(stateOf(await again.text()).locale).toBe('ru');
  });
});

describe('JSON API', () => {
  it('GET /api/reports/:id/panels/:panel is the panel of `render --format json`', async () => {
    const r = await server.get('/api/reports/executive-overview/panels/revenue?period=last_month');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('private, max-age=60');
    expect(r.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const expected = await server.project.engine.panel('executive-overview', 'revenue', {
      parameters: { period: 'last_month' },
      locale: 'en',
      now: NOW,
    });
    expect(await r.json()).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('GET /api/reports/:id is the whole report', async () => {
    const r = await server.get('/api/reports/sales-funnel');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { report: string; panels: unknown[] };
    const expected = await server.project.engine.render('sales-funnel', { locale: 'en', now: NOW });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.panels.some((p) => isPanelError(p))).toBe(false);
  });

  it('GET /api/reports/:id/parameters/:param/options lists the values from the data, labelled', async () => {
    const r = await server.get('/api/reports/sales-activity/parameters/department/options');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { options: { value: string; label: string }[] };
    expect(body.options.map((o) => o.value)).toEqual([
      'Интернет-продажи',
      'Корпоративные продажи',
      'Отдел продаж Москва',
      'Региональные продажи',
    ]);
  });

  it('answers If-None-Match with 304 and the same ETag', async () => {
    const first = await server.get('/api/reports/sales/panels/revenue');
    const etag = first.headers.get('etag') as string;
    const second = await server.get('/api/reports/sales/panels/revenue', { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe('');
    const other = await server.get('/api/reports/sales/panels/revenue?period=last_month', { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(200);
  });
});

describe('assets', () => {
  it('serves ECharts from node_modules and theme files with long-lived caching under the hashed URL', async () => {
    const html = await (await server.get('/d/sales')).text();
    const links = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => (m[1] as string).replace(/&#x3D;/g, '='));
    expect(links.some((l) => /^\/assets\/themes\/default\/theme\.css\?v=[0-9a-f]{16}$/.test(l))).toBe(true);
    for (const link of links) {
      const r = await server.get(link);
      expect(r.status, `${link}: ${r.status === 200 ? '' : await r.text()}`).toBe(200);
      expect(r.headers.get('cache-control'), link).toBe('public, max-age=31536000, immutable');
    }
    const echarts = await server.get('/assets/echarts/echarts.min.js');
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(echarts.headers.get('cache-control')).toBe('no-cache');
    expect((await echarts.text()).length).toBeGreaterThan(500_000);
    const json = await server.get('/assets/themes/dark/echarts-theme.json');
    expect(json.status).toBe(200);
    expect(((await json.json()) as { color: string[] }).color.length).toBeGreaterThan(5);
  });

  it('links the theme favicon, and answers /favicon.ico without an error', async () => {
    const html = await (await server.get('/')).text();
    const icon = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)">/.exec(html)?.[1]?.replace(/&#x3D;/g, '=');
    expect(icon).toMatch(/^\/assets\/themes\/default\/favicon\.svg\?v=[0-9a-f]{16}$/);
    const r = await server.get(icon as string);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/svg+xml');
    expect((await server.get('/favicon.ico')).status).toBe(204);
  });

  it('refuses paths outside a theme and templates', async () => {
    for (const path of [
      '/assets/themes/default/..%2F..%2Fpackage.json',
      '/assets/themes/..%2Fcore/package.json',
      '/assets/themes/default/layout.hbs',
      '/assets/themes/default/.hidden',
      '/assets/themes/nope/theme.css',
      '/assets/themes/default/%2e%2e',
    ]) {
      const r = await server.get(path);
      expect(r.status, path).toBe(404);
    }
  });

  it('answers the client bundle with the file or a clear 404 while it is not built', async () => {
    const r = await server.get('/assets/vitrina/dashboard.js');
    if (r.status === 200) expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    else {
      expect(r.status).toBe(404);
      expect(await r.text()).toContain('the dashboard script is not built yet');
    }
  });
});

describe('security headers', () => {
  it('sets nosniff and a CSP with scripts and stylesheets from this origin only', async () => {
    for (const path of ['/', '/d/sales', '/api/reports/sales/panels/revenue', '/nope']) {
      const r = await server.get(path);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });
});
