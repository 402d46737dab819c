#!/usr/bin/env node
/**
 * The server the access-control benchmark loads, in its own process:
 *   auth-bench-server.mjs <config> open|secured [--no-cache]
 * `open`: no access layer (every request unrestricted). `secured`: the access layer on, with a
 * signed-in manager whose row scope applies; prints `<url> <cookie>` as the first stdout line.
 */
import { join } from 'node:path';
import { openProject } from '@vitrina/core';
import { openAccessControl, startServer } from '@vitrina/core/server';

const [config, mode, flag] = process.argv.slice(2);
const project = await openProject({
  configPath: config,
  resolveFrom: [join(import.meta.dirname, '..', '..', 'cli')],
  now: () => new Date('2026-11-26T12:00:00Z'),
  ...(flag === '--no-cache' ? { overrides: { cache: { ttlSeconds: 0 } } } : {}),
});
let cookie = '-';
let access;
if (mode === 'secured') {
  access = await openAccessControl(project, { log: () => {} });
  const manager = (await access.store.users.list()).find((u) => u.role === 'manager');
  if (!manager) throw new Error('no manager in the demo state store: run vitrina demo first');
  const { secret } = await access.store.sessions.create(manager.username);
  cookie = `vitrina_session=${secret}`;
}
const server = await startServer({ project, port: 0, log: () => {}, ...(access ? { access } : {}) });
process.stdout.write(`${server.url} ${cookie}\n`);
// The bench asks for this process's CPU time (µs) around each burst.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('SIGTERM', async () => {
  await server.close();
  await access?.close();
  process.exit(0);
});
