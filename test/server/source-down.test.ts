/**
 * A source that is down: `/healthz` answers 503 naming it, its panels show "source unavailable" as
 * their own error (503 from the panel API), and every other panel and page keeps working.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from './page-state.js';
import { startDemoServer, type TestServer } from './server-fixture.js';

let server: TestServer;

const MIXED = {
  id: 'mixed',
  title: 'Deals and the warehouse',
  parameters: [{ id: 'period', type: 'period', default: 'this_month' }],
  datasets: {
    deals: { source: 'crm', table: 'deals', time: 'created_at', measures: { deals: { agg: 'count' } } },
    stock: { source: 'warehouse', table: 'stock', measures: { items: { agg: 'count' } } },
  },
  panels: [
    { id: 'deals', type: 'kpi', dataset: 'deals', measure: 'deals' },
    { id: 'stock', type: 'kpi', dataset: 'stock', measure: 'items' },
  ],
};

beforeAll(async () => {
  server = await startDemoServer({
    config: {
      sources: { crm: { plugin: 'sqlite', file: 'data/crm.sqlite' }, warehouse: { plugin: 'sqlite', file: 'data/missing.sqlite' } },
    },
  });
  writeFileSync(join(server.dir, 'report-definitions', 'mixed.json'), JSON.stringify(MIXED));
  server.project.reloadDefinitions();
});
afterAll(async () => server?.dispose());

describe('a source that is down', () => {
  it('/healthz is 503 and names it', async () => {
    const r = await server.get('/healthz');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { status: string; down: string[]; sources: Record<string, { ok: boolean; reason?: string }> };
    expect(body.status).toBe('unavailable');
    expect(body.down).toEqual(['warehouse']);
    expect(body.sources.crm).toEqual({ ok: true });
    expect(body.sources.warehouse?.ok).toBe(false);
    expect(body.sources.warehouse?.reason).toMatch(/warehouse/);
  });

  it('its panel is an error value on the page while the other panel renders', async () => {
    const r = await server.get('/d/mixed');
    expect(r.status).toBe(200);
    const state = stateOf(await r.text());
    expect(state.results.deals).toMatchObject({ id: 'deals', rows: [[expect.any(Number)]] });
    expect(state.results.stock).toMatchObject({ id: 'stock', error: { code: 'SOURCE_UNAVAILABLE' } });
    expect(state.messages['client.sourceUnavailable']).toBe('Source unavailable');
  });

  it('the panel API answers 503 with the panel error; the healthy panel 200', async () => {
    const down = await server.get('/api/reports/mixed/panels/stock');
    expect(down.status).toBe(503);
    expect(down.headers.get('cache-control')).toBe('no-store');
    expect(await down.json()).toMatchObject({
      id: 'stock',
      error: { code: 'SOURCE_UNAVAILABLE', message: expect.stringMatching(/warehouse/) },
    });
    const up = await server.get('/api/reports/mixed/panels/deals');
    expect(up.status).toBe(200);
  });

  it('dashboards on the healthy source are untouched', async () => {
    const r = await server.get('/d/sales');
    expect(r.status).toBe(200);
    const state = stateOf(await r.text());
    for (const [id, result] of Object.entries(state.results)) expect((result as { error?: unknown }).error, id).toBeUndefined();
  });

  it('the whole-report API still answers 200 with the failed panel inside, uncached', async () => {
    const r = await server.get('/api/reports/mixed');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    const body = (await r.json()) as { panels: { id: string; error?: { code: string } }[] };
    expect(body.panels.map((p) => p.error?.code ?? 'ok')).toEqual(['ok', 'SOURCE_UNAVAILABLE']);
  });
});
