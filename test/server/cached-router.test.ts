/**
 * The app's route-match cache answers every path as Hono's own router does: parameters belong to
 * the path asked, repeats included, and the method is part of the match.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CachedRouter } from '../../core/src/server/cached-router.js';

describe('CachedRouter', () => {
  const app = new Hono({ router: new CachedRouter() });
  app.get('/api/reports/:id/panels/:file{[^/]+\\.(?:csv|xlsx)}', (c) => c.json({ route: 'file', ...c.req.param() }));
  app.get('/api/reports/:id/panels/:panel', (c) => c.json({ route: 'panel', ...c.req.param() }));
  app.post('/api/reports/:id/panels/:panel', (c) => c.json({ route: 'post', ...c.req.param() }));

  it('gives each path its own parameters, on first and repeated matches', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await (await app.request('/api/reports/a/panels/x')).json()).toEqual({ route: 'panel', id: 'a', panel: 'x' });
      expect(await (await app.request('/api/reports/b/panels/y?z=1')).json()).toEqual({ route: 'panel', id: 'b', panel: 'y' });
      expect(await (await app.request('/api/reports/b/panels/y.csv')).json()).toEqual({ route: 'file', id: 'b', file: 'y.csv' });
      expect(await (await app.request('/api/reports/b/panels/y', { method: 'POST' })).json()).toEqual({
        route: 'post',
        id: 'b',
        panel: 'y',
      });
      expect((await app.request('/nowhere')).status).toBe(404);
    }
  });
});
