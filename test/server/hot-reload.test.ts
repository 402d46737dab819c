/**
 * Hot reload in a running server: a valid definition change is live on the next request; an
 * invalid one keeps the last valid version serving and shows the problem, with file and line, on
 * the index page and in the log; a config change swaps the project, an invalid config keeps the
 * old one.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from './page-state.js';
import { startDemoServer, type TestServer } from './server-fixture.js';

let server: TestServer;
let salesFile: string;
let original: string;

beforeAll(async () => {
  server = await startDemoServer({ watch: true });
  salesFile = join(server.dir, 'report-definitions', 'sales.json');
  original = readFileSync(salesFile, 'utf8');
});
afterAll(async () => server?.dispose());

const title = async (id: string) => {
  const r = await server.get(`/d/${id}`);
  return r.status === 200 ? stateOf(await r.text()).report.title : `HTTP ${r.status}`;
};
const index = async () => (await server.get('/')).text();
const POLL = { timeout: 10_000, interval: 50 };

describe('definitions', () => {
  it('a valid edit is live without a restart', async () => {
    const def = JSON.parse(original);
    def.title.en = 'Sales, edited live';
    writeFileSync(salesFile, JSON.stringify(def, null, 2));
    await expect.poll(() => title('sales'), POLL).toBe('Sales, edited live');
  });

  it('a syntax error keeps the last valid version serving and shows the file and line', async () => {
    const broken = readFileSync(salesFile, 'utf8').replace('"panels": [', '"panels": [,');
    writeFileSync(salesFile, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"panels": [,')) + 1;
    await expect.poll(index, POLL).toContain('vt-problems');
    const html = await index();
    expect(html).toContain(`report-definitions/sales.json:${line}:`);
    expect(html).toContain('the last valid version is still served');
    expect(await title('sales')).toBe('Sales, edited live');
    expect(server.logs.join('\n')).toMatch(/still serving the last valid sales/);
    const health = (await (await server.get('/healthz')).json()) as { definitionProblems: number };
    expect(health.definitionProblems).toBeGreaterThan(0);
  });

  it('a schema error is reported with its line too', async () => {
    const def = JSON.parse(original);
    def.panels[1].type = 'piechart';
    const text = JSON.stringify(def, null, 2);
    writeFileSync(salesFile, text);
    const line = text.split('\n').findIndex((l) => l.includes('"piechart"')) + 1;
    await expect.poll(index, POLL).toContain(`report-definitions/sales.json:${line}:`);
    expect(await title('sales')).toBe('Sales, edited live');
  });

  it('fixing the file clears the problems', async () => {
    writeFileSync(salesFile, original);
    await expect.poll(() => title('sales'), POLL).toBe('Sales');
    expect(await index()).not.toContain('vt-problems');
  });

  it('a new file adds a dashboard; deleting it removes it', async () => {
    const copy = JSON.parse(original);
    copy.id = 'sales-copy';
    copy.title = 'Sales, a copy';
    const file = join(server.dir, 'report-definitions', 'sales-copy.json');
    writeFileSync(file, JSON.stringify(copy));
    await expect.poll(() => title('sales-copy'), POLL).toBe('Sales, a copy');
    expect(await index()).toContain('href="/d/sales-copy"');
    rmSync(file);
    await expect.poll(() => title('sales-copy'), POLL).toBe('HTTP 404');
  });
});

describe('config', () => {
  it('a valid change reopens the project (theme switched to dark)', async () => {
    const config = JSON.parse(readFileSync(server.configPath, 'utf8'));
    const before = server.project;
    writeFileSync(server.configPath, JSON.stringify({ ...config, theme: 'dark' }, null, 2));
    await expect.poll(async () => (await server.get('/d/sales')).text(), POLL).toContain('data-theme="dark"');
    expect(server.project).not.toBe(before);
    const html = await (await server.get('/d/sales')).text();
    expect(html).toMatch(/\/assets\/themes\/default\/theme\.css\?v/);
    expect(html).toMatch(/\/assets\/themes\/dark\/theme\.css\?v/);
    // The old project was closed after the swap; the new one answers.
    expect((await server.get('/healthz')).status).toBe(200);
  });

  it('an invalid config keeps the previous project serving', async () => {
    const current = server.project;
    writeFileSync(server.configPath, '{ "sources": ');
    await expect.poll(() => server.logs.join('\n'), POLL).toMatch(/config change ignored/);
    expect(server.project).toBe(current);
    expect((await server.get('/d/sales')).status).toBe(200);
    expect((await server.get('/healthz')).status).toBe(200);
  });
});
