#!/usr/bin/env node
/**
 * `pnpm bench:http`: requests/s and p50/p99 latency of the panel API (cached and uncached) and of a
 * full dashboard page, with autocannon on loopback, against a bare hono route answering the very
 * same bytes in the same run (the ratio is the framework's cost over HTTP itself). Then the
 * dashboard's first paint and time to fully rendered in the real Chromium with a warm cache.
 *
 * Fairness: the bare route answers the same body *and* the same response headers (security
 * headers, ETag, Cache-Control; not Date/Content-Length, which both sides add), so both put the
 * same bytes on the wire (printed). Every target gets a 1 s warm-up, then the two sides alternate
 * `--rounds` times with identical autocannon settings and the medians are compared. The servers
 * run in child processes; autocannon runs here, in a third one. The CPU each server and the load
 * generator used during the measured runs is printed: a server well below 100% of a core while
 * the generator sits near 100% means the generator, not the server, set the pace.
 *
 *   pnpm bench:http [--scale small|large] [--report id] [--panel id] [--seconds 5] [--rounds 3]
 *                   [--connections 10] [--only cached|api|browser] [--json out.json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import puppeteer from 'puppeteer-core';

const root = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'large' },
    report: { type: 'string', default: 'executive-overview' },
    panel: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const TODAY = '2026-11-26';
const dir = join(root, '.vitrina', `bench-${args.scale}`);
const config = join(dir, 'vitrina.config.json');
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);

function ensureDemo() {
  if (existsSync(join(dir, 'data', 'crm.sqlite')) && existsSync(config)) return;
  mkdirSync(dir, { recursive: true });
  console.error(`generating the ${args.scale} demo into ${dir} (once)…`);
  const bin = join(root, 'cli', 'dist', 'bin.js');
  const r = spawnSync(
    process.execPath,
    [bin, 'demo', '--dir', dir, '--scale', args.scale, '--seed', '42', '--today', TODAY, '--no-serve'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 2);
}

/** Starts a server process and resolves with its URL and a stop function. */
async function start(...argv) {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'http-bench-server.mjs'), ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url] = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (line) => resolve([line.trim()]));
  });
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop, pid: child.pid };
}

/** CPU seconds a process has used (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** One autocannon run; with the server's pid, the share of a core it and this process (the load generator) used. */
function cannon(url, pid, duration = seconds) {
  const cpu0 = cpuSeconds(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: Number(args.connections), duration, pipelining: 1 }, (error, result) => {
      const wall = (performance.now() - t0) / 1000;
      const cpu1 = cpuSeconds(pid);
      const own = process.cpuUsage(own0);
      if (error) reject(error);
      else if (result.non2xx) reject(new Error(`${url}: ${result.non2xx} non-2xx answers`));
      else
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          bytesPerResponse: Math.round(result.throughput.total / result.requests.total),
          serverCpu: cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / wall,
          generatorCpu: (own.user + own.system) / 1e6 / wall,
        });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  bytesPerResponse: runs[0].bytesPerResponse,
  serverCpu: runs[0].serverCpu === undefined ? undefined : median(runs.map((r) => r.serverCpu)),
  generatorCpu: median(runs.map((r) => r.generatorCpu)),
  runs: runs.map((r) => Math.round(r.rps)),
});
const pct = (x) => (x === undefined ? '   ?' : `${Math.round(100 * x)}%`.padStart(4));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const fmt = (r) =>
  `${Math.round(r.rps).toLocaleString('en-US').padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ${String(r.bytesPerResponse).padStart(6)} B/resp  server CPU ${pct(r.serverCpu)}  generator CPU ${pct(r.generatorCpu)}`;

async function firstPaint(url) {
  const profile = mkdtempSync(join(tmpdir(), 'vitrina-bench-chromium-'));
  const flags = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...flags, `--user-data-dir=${profile}`],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    const samples = [];
    // The first visit warms the browser's asset cache and the server's result cache.
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction('document.documentElement.dataset.vitrinaState === "ready"', { timeout: 60_000 });
      const rendered = performance.now() - t;
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (i > 0) samples.push({ fcp, rendered });
    }
    const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { firstPaintMs: med(samples.map((s) => s.fcp)), renderedMs: med(samples.map((s) => s.rendered)) };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

ensureDemo();
const vitrina = await start('vitrina', config);
const uncached = await start('vitrina', config, '--no-cache');
const bytesDir = mkdtempSync(join(tmpdir(), 'vitrina-http-bench-'));
let plain;
try {
  const report = await (await fetch(`${vitrina.url}/api/reports/${args.report}`)).json();
  const failed = report.panels.filter((p) => p.error);
  if (failed.length) throw new Error(`panels failed: ${failed.map((p) => `${p.id}: ${p.error.message}`).join('; ')}`);
  const panel = args.panel ?? report.panels[0].id;
  const routes = { panel: `/api/reports/${args.report}/panels/${panel}`, page: `/d/${args.report}` };
  for (const [name, path] of Object.entries(routes)) {
    const res = await fetch(`${vitrina.url}${path}`);
    writeFileSync(join(bytesDir, `${name}.body`), Buffer.from(await res.arrayBuffer()));
    // Date and the framing headers are added by node:http on both sides.
    const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    const headers = Object.fromEntries([...res.headers].filter(([k]) => !skip.has(k)));
    writeFileSync(join(bytesDir, `${name}.json`), JSON.stringify({ path, headers }));
  }
  plain = await start('plain', bytesDir);
  console.log(
    `HTTP on loopback, ${args.connections} connections, pipelining 1, ${rounds} alternating rounds × ${seconds} s (medians), ${args.scale} demo, report ${args.report}, panel ${panel}; load average ${load()}\n`,
  );
  const results = { loadBefore: load() };
  const row = async (name, framework, baseline) => {
    await cannon(framework.url, framework.pid, 1);
    await cannon(baseline.url, baseline.pid, 1);
    const runs = { f: [], b: [] };
    for (let round = 0; round < rounds; round++)
      for (const side of round % 2 ? ['b', 'f'] : ['f', 'b'])
        runs[side].push(await cannon((side === 'f' ? framework : baseline).url, (side === 'f' ? framework : baseline).pid));
    const f = summary(runs.f);
    const b = summary(runs.b);
    results[name] = { framework: f, plain: b, ratio: f.rps / b.rps };
    console.log(
      `${name.padEnd(22)} vitrina ${fmt(f)}\n${''.padEnd(22)} plain   ${fmt(b)}\n${''.padEnd(22)} → ${(100 * results[name].ratio).toFixed(1)}% of the plain rate (rounds: vitrina ${f.runs.join(', ')}; plain ${b.runs.join(', ')})\n`,
    );
  };
  const at = (server, path) => ({ url: `${server.url}${path}`, pid: server.pid });
  if (args.only !== 'browser') await row('panel API (cached)', at(vitrina, routes.panel), at(plain, routes.panel));
  if (!args.only) {
    await row('panel API (uncached)', at(uncached, routes.panel), at(plain, routes.panel));
    await row('dashboard page', at(vitrina, routes.page), at(plain, routes.page));
  }
  results.loadAfter = load();
  console.log(`load average after the HTTP runs: ${results.loadAfter}`);
  if (args.only !== 'api' && args.only !== 'cached') {
    results.browser = await firstPaint(`${vitrina.url}${routes.page}`);
    console.log(
      `dashboard in Chromium (warm cache): first contentful paint ${results.browser.firstPaintMs?.toFixed(0)} ms, every panel rendered ${results.browser.renderedMs.toFixed(0)} ms`,
    );
  }
  if (args.json)
    writeFileSync(args.json, JSON.stringify({ scale: args.scale, report: args.report, panel, seconds, rounds, results }, null, 2));
} finally {
  await Promise.all([vitrina.stop(), uncached.stop(), plain?.stop()]);
  rmSync(bytesDir, { recursive: true, force: true });
}
