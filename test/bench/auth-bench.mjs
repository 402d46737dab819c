#!/usr/bin/env node
/**
 * Access-control benchmark (issue 7), on the built packages (`pnpm build` first):
 *  1. the panel API with the access layer and a manager's row scope vs without it, in the same
 *     run: both servers up, short bursts alternating (cached and uncached panel; target ≤ 1.15),
 *     with each server's own CPU time per request beside the rates (from process.cpuUsage over
 *     IPC): on a shared machine the rates swing with other processes' load, CPU time much less;
 *  2. scrypt cost per parameter set (latency of one hash, throughput of 16 in parallel);
 *  3. login throughput over HTTP (form POST with a valid password) with the chosen parameters.
 *
 *   node test/bench/auth-bench.mjs [--scale small|large] [--seconds 2] [--rounds 12] [--only panel] [--json out.json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, scrypt } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SCRYPT_PARAMETERS } from '@vitrina/core/access';
import autocannon from 'autocannon';

const root = join(import.meta.dirname, '..', '..');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'small' },
    seconds: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '12' },
    connections: { type: 'string', default: '10' },
    json: { type: 'string' },
    only: { type: 'string' },
  },
});
const dir = join(root, '.vitrina', `bench-auth-${args.scale}`);
const config = join(dir, 'vitrina.config.json');
const PANEL = '/api/reports/sales/panels/revenue_by?by=manager&period=this_quarter';

if (!existsSync(config)) {
  mkdirSync(dir, { recursive: true });
  console.error(`generating the ${args.scale} demo (with its demo users) into ${dir} (once)…`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'cli', 'dist', 'bin.js'), 'demo', '--dir', dir, '--scale', args.scale, '--today', '2026-11-26', '--no-serve'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 2);
}

async function start(mode, cache) {
  const argv = [join(import.meta.dirname, 'auth-bench-server.mjs'), config, mode, ...(cache ? [] : ['--no-cache'])];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const line = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const [url, cookie] = line.trim().split(' ');
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  // The server's own CPU time (user + system, µs), asked over IPC.
  const cpu = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m.cpu.user + m.cpu.system));
      child.send('cpu');
    });
  return { url, cookie, stop, cpu };
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: Number(args.connections), duration: Number(args.seconds), pipelining: 1, ...opts }, (error, result) => {
      if (error) reject(error);
      else if (result.non2xx && !opts.expectRedirect) reject(new Error(`${opts.url}: ${result.non2xx} non-2xx answers`));
      else
        resolve({
          rps: result.requests.average,
          total: result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
        });
    });
  });
}
const fmt = (r) =>
  `${Math.round(r.rps).toLocaleString('en-US').padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms`;

const results = { machine: `${cpus().length} × ${cpus()[0]?.model}`, node: process.version, panel: {}, scrypt: [], login: {} };

// 1. Panel API, open vs secured: both servers up at once, short bursts alternating many times,
// so a machine whose load drifts (other processes) weighs on both sides alike.
for (const cache of [true, false]) {
  const label = cache ? 'cached' : 'uncached';
  const servers = { open: await start('open', cache), secured: await start('secured', cache) };
  const headers = { open: {}, secured: { cookie: servers.secured.cookie } };
  for (const mode of ['open', 'secured']) await cannon({ url: `${servers[mode].url}${PANEL}`, headers: headers[mode], duration: 1 });
  const runs = { open: [], secured: [] };
  const rounds = Number(args.rounds);
  for (let round = 0; round < rounds; round++)
    for (const mode of round % 2 ? ['secured', 'open'] : ['open', 'secured']) {
      const before = await servers[mode].cpu();
      const run = await cannon({ url: `${servers[mode].url}${PANEL}`, headers: headers[mode], duration: Number(args.seconds) });
      run.cpuMicros = ((await servers[mode].cpu()) - before) / Math.max(1, run.total);
      runs[mode].push(run);
    }
  await Promise.all([servers.open.stop(), servers.secured.stop()]);
  const median = (list, key) => [...list.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const summary = (list) => ({
    rps: median(list, 'rps'),
    p50: median(list, 'p50'),
    p99: median(list, 'p99'),
    cpuMicros: median(list, 'cpuMicros'),
  });
  const open = summary(runs.open);
  const secured = summary(runs.secured);
  // Other processes' load swings single rounds both ways; the ratio of the median rates is the
  // headline, the per-round ratios show the spread.
  const ratios = runs.open.map((o, i) => o.rps / runs.secured[i].rps).sort((a, b) => a - b);
  const ratio = open.rps / secured.rps;
  const quartiles = [ratios[Math.floor(ratios.length / 4)], ratios[Math.floor((3 * ratios.length) / 4)]];
  const cpuRatio = secured.cpuMicros / open.cpuMicros;
  results.panel[label] = { open, secured, ratio, ratios, cpuRatio, rounds };
  console.log(
    `panel API (${label}), no auth:           ${fmt(open)}   (median of ${rounds} × ${args.seconds} s; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log(
    `panel API (${label}), session + scope:   ${fmt(secured)}   ratio ${ratio.toFixed(3)} (target ≤ 1.15; per-round quartiles ${quartiles.map((q) => q.toFixed(2)).join('–')})`,
  );
  console.log(
    `panel API (${label}), server CPU per request: no auth ${open.cpuMicros.toFixed(0)} µs, session + scope ${secured.cpuMicros.toFixed(0)} µs, ratio ${cpuRatio.toFixed(3)}`,
  );
}

if (args.only === 'panel') {
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
  process.exit(0);
}

// 2. scrypt parameter sets.
const hash = (logN) =>
  new Promise((resolve, reject) =>
    scrypt('a password of usual length', randomBytes(16), 32, { N: 2 ** logN, r: 8, p: 1, maxmem: 256 * 2 ** logN * 8 }, (e) =>
      e ? reject(e) : resolve(),
    ),
  );
for (const logN of [14, 15, 16, 17]) {
  await hash(logN);
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await hash(logN);
  const single = (performance.now() - t0) / 5;
  const t1 = performance.now();
  await Promise.all(Array.from({ length: 16 }, () => hash(logN)));
  const parallel = 16 / ((performance.now() - t1) / 1000);
  results.scrypt.push({ logN, memoryMiB: (128 * 2 ** logN * 8) / 2 ** 20, singleMs: single, parallelPerSecond: parallel });
  console.log(
    `scrypt N=2^${logN} r=8 p=1 (${(128 * 2 ** logN * 8) / 2 ** 20} MiB): ${single.toFixed(0).padStart(5)} ms per hash, ${parallel.toFixed(1)} hashes/s in parallel${logN === SCRYPT_PARAMETERS.logN ? '   ← chosen' : ''}`,
  );
}

// 3. Login throughput over HTTP with the chosen parameters.
{
  const s = await start('secured', true);
  const form = await fetch(`${s.url}/login`);
  const formCookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  const body = new URLSearchParams({ _csrf: token, next: '/', username: 'manager', password: 'demo-manager' }).toString();
  const r = await cannon({
    url: `${s.url}/login`,
    method: 'POST',
    body,
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    expectRedirect: true,
    connections: 4,
    duration: Math.max(10, Number(args.seconds)),
  });
  await s.stop();
  results.login = r;
  console.log(`login over HTTP (N=2^${SCRYPT_PARAMETERS.logN}, 4 clients): ${fmt(r)}   (303 answers: ${r.non2xx})`);
}

if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
