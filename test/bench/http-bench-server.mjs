#!/usr/bin/env node
/**
 * The servers the HTTP benchmark loads, in a process of their own so autocannon in the parent
 * does not share their event loop:
 *   vitrina <config> [--no-cache]  the real server (createApp via startServer) on a free port
 *   plain <bytes-dir>               a bare hono route per file, answering those exact bytes and headers
 * Prints the URL as the first line on stdout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { openProject } from '@vitrina/core';
import { startServer } from '@vitrina/core/server';
import { Hono } from 'hono';

const [mode, target, flag] = process.argv.slice(2);
if (mode === 'vitrina') {
  const project = await openProject({
    configPath: target,
    // Plugins resolve like in the CLI: from the project, then from the CLI's own dependencies.
    resolveFrom: [join(import.meta.dirname, '..', '..', 'cli')],
    now: () => new Date('2026-11-26T12:00:00Z'),
    ...(flag === '--no-cache' ? { overrides: { cache: { ttlSeconds: 0 } } } : {}),
  });
  const server = await startServer({ project, port: 0, log: () => {} });
  process.stdout.write(`${server.url}\n`);
} else {
  // Each file is `<name>.body` + `<name>.json` ({ path, headers }): the same bytes and headers.
  const app = new Hono();
  for (const file of readdirSync(target).filter((f) => f.endsWith('.json'))) {
    const { path, headers } = JSON.parse(readFileSync(join(target, file), 'utf8'));
    const body = readFileSync(join(target, file.replace(/\.json$/, '.body')));
    app.get(path, (c) => c.body(body, 200, headers));
  }
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`http://127.0.0.1:${info.port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
