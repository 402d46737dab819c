/**
 * @module Serves an opened project until SIGTERM/SIGINT: prints the URL, hot-reloads definitions
 * and config, keeps extracts fresh, and shuts down gracefully. Shared by `serve` and `demo`.
 */
import type { OpenProjectOptions, Project } from '@vitrina/core';
import { VitrinaError } from '@vitrina/core';
import { EXIT_OK } from '../output/exit-codes.js';

export interface ServeOptions {
  port?: string;
  host?: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new VitrinaError('USAGE', `--port must be a number from 0 to 65535, not '${text}'`);
  return port;
}

const stamp = () => new Date().toISOString().slice(11, 19);

export async function serveProject(project: Project, open: OpenProjectOptions, options: ServeOptions): Promise<number> {
  const port = parsePort(options.port);
  const host = options.host ?? DEFAULT_HOST;
  // The server module (hono, handlebars) loads only for commands that serve.
  const { startServer } = await import('@vitrina/core/server');
  for (const p of [...project.problems, ...project.definitions.problems]) process.stderr.write(`warning: ${p.format()}\n`);
  const server = await startServer({
    project,
    port,
    host,
    watch: { open },
    handleSignals: true,
    backgroundRefresh: true,
    log: (message) => process.stderr.write(`${stamp()} ${message}\n`),
  });
  const reports = project.definitions.reports.size;
  process.stdout.write(`Serving ${reports} dashboard${reports === 1 ? '' : 's'} at ${server.url}/\n`);
  process.stdout.write(`Edits to ${project.definitionsDir} and the config are live on the next request. Ctrl+C stops.\n`);
  await server.closed;
  process.stderr.write('stopped\n');
  return EXIT_OK;
}
