/**
 * `vitrina serve`, `vitrina demo` and `vitrina render --format html` as a user runs them: the built
 * binary prints the URL, serves, stops gracefully on SIGTERM/SIGINT (exit 0, port released), and
 * refuses a port in use with a clear error (exit 1).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STACK_TRACE, vitrina } from './run-vitrina.js';
import { type RunningVitrina, spawnVitrina } from './spawn-vitrina.js';

const base = mkdtempSync(join(tmpdir(), 'vitrina-serve-e2e-'));
const demoDir = join(base, 'demo');
const config = join(demoDir, 'vitrina.config.json');

/** Dashboards need a signed-in user or an API token (docs/security.md): the demo's admin, via a token. */
let auth: { headers: { authorization: string } };
function tokenFor(configFile: string): { headers: { authorization: string } } {
  const t = vitrina(['token', 'create', '--user', 'admin', '--config', configFile]);
  expect(t.code, t.stderr).toBe(0);
  return { headers: { authorization: `Bearer ${t.stdout.trim()}` } };
}

beforeAll(() => {
  const r = vitrina(['demo', '--dir', demoDir, '--today', '2026-11-26', '--no-serve']);
  expect(r.code, r.stderr).toBe(0);
  auth = tokenFor(config);
});

/** A port that is free now (the OS picks it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('vitrina serve', () => {
  let serve: RunningVitrina;
  afterAll(async () => {
    await serve?.stop('SIGKILL');
  });

  it('prints the URL and serves the dashboards', async () => {
    serve = spawnVitrina(['serve', '--config', config, '--port', '0']);
    const url = await serve.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(serve.stdout()).toMatch(/Serving 9 dashboards at http:\/\/127\.0\.0\.1:\d+\//);
    expect((await fetch(`${url}/`, { redirect: 'manual' })).status).toBe(302); // to /login
    const index = await fetch(`${url}/`, auth);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('href="/d/executive-overview"');
    expect((await fetch(`${url}/d/sales`, auth)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const panel = await fetch(`${url}/api/reports/sales/panels/revenue`, auth);
    expect(panel.status).toBe(200);
  });

  it('stops gracefully on SIGTERM: exit 0, the port is released', async () => {
    const url = await serve.url;
    const { code } = await serve.stop('SIGTERM');
    expect(code).toBe(0);
    expect(serve.stderr()).toContain('SIGTERM: shutting down');
    expect(serve.stderr()).not.toMatch(STACK_TRACE);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('stops on SIGINT (Ctrl+C) too', async () => {
    const port = await freePort();
    const run = spawnVitrina(['serve', '--config', config, '--port', String(port)]);
    expect(await run.url).toBe(`http://127.0.0.1:${port}`);
    expect((await run.stop('SIGINT')).code).toBe(0);
    // The same port can be taken again at once.
    const again = spawnVitrina(['serve', '--config', config, '--port', String(port)]);
    expect(await again.url).toBe(`http://127.0.0.1:${port}`);
    expect((await again.stop('SIGTERM')).code).toBe(0);
  });

  it('a port in use is a clear error, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = spawnVitrina(['serve', '--config', config, '--port', String(port)]);
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.stderr()).toContain(`error: port ${port} on 127.0.0.1 is already in use — stop the other server or pass --port <n>`);
      expect(run.stderr()).not.toMatch(STACK_TRACE);
    } finally {
      blocker.close();
    }
  });

  it('a bad --port is a usage error', () => {
    const r = vitrina(['serve', '--config', config, '--port', 'eighty']);
    expect(r).toMatchObject({ code: 1, stderr: "error: --port must be a number from 0 to 65535, not 'eighty'\n" });
  });

  it('--help documents --port and --host', () => {
    const r = vitrina(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--port <n>');
    expect(r.stdout).toContain('--host <host>');
  });
});

describe('vitrina demo', () => {
  it('generates, shows the executive overview in Russian, then serves and prints the URL', async () => {
    const run = spawnVitrina(['demo', '--dir', join(base, 'served-demo'), '--today', '2026-11-26', '--seed', '5', '--port', '0']);
    try {
      const url = await run.url;
      expect(run.stderr()).toMatch(/Demo CRM \(small, seed 5, today 2026-11-26\) generated in [\d.]+ s: .*deals 20,000.*calls 100,000/);
      expect(run.stdout()).toContain('Обзор для руководства');
      expect(run.stdout()).toMatch(/Выручка: [\d\s\u00a0\u202f]+₽/);
      expect(run.stdout()).not.toMatch(/ERROR|error:/);
      await vi.waitFor(() => expect(run.stdout()).toMatch(/Demo accounts.*\n\s+admin\s+demo-admin/));
      const page = await fetch(`${url}/d/executive-overview`, tokenFor(join(base, 'served-demo', 'vitrina.config.json')));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html lang="ru"');
    } finally {
      expect((await run.stop('SIGTERM')).code).toBe(0);
    }
  });
});

describe('vitrina render --format html', () => {
  it('writes a self-contained dashboard file', () => {
    const out = join(base, 'sales.html');
    const r = vitrina([
      'render',
      'sales',
      '--config',
      config,
      '--format',
      'html',
      '--out',
      out,
      '--param',
      'period=last_month',
      '--now',
      '2026-11-26',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^wrote .*sales\.html \(\d+ KB\)\n$/);
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    const state = JSON.parse(/<script type="application\/json" id="vitrina-state">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');
    expect(state).toMatchObject({ static: true, report: { id: 'sales' }, query: { period: 'last_month' } });
    expect(/<(link|script) [^>]*(href|src)="\//.test(html)).toBe(false);
    expect(html.includes('id="vt-filters"')).toBe(true);
  });

  it('a bad parameter exits 1 naming it', () => {
    const r = vitrina(['render', 'sales', '--config', config, '--format', 'html', '--param', 'period=someday']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("parameter 'period'");
    expect(r.stdout).toBe('');
  });
});
