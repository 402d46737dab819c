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
  /** Demo mode: accounts printed on start and shown on the login page. */
  demoAccounts?: { username: string; password: string; role: string; note?: string }[];
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
  const { startServer, openAccessControl } = await import('@vitrina/core/server');
  for (const p of [...project.problems, ...project.definitions.problems]) process.stderr.write(`warning: ${p.format()}\n`);
  const log = (message: string) => process.stderr.write(`${stamp()} ${message}\n`);
  // Sign-in and row scope (config `auth`); users, sessions and the audit log live in the state store.
  const access = await openAccessControl(project, { log, ...(options.demoAccounts ? { demoAccounts: options.demoAccounts } : {}) });
  // Signals are handled here, not by the server: the scheduler must stop before the server closes the project.
  const server = await startServer({
    access,
    project,
    port,
    host,
    watch: { open },
    backgroundRefresh: true,
    log,
  }).catch(async (error) => {
    await access.close();
    throw error;
  });
  // Scheduled reports, alerts and control tasks (config `schedules`, `alerts`, `tasks`), sharing the state store.
  const scheduler = await startSchedules(server.live, log);
  const reports = project.definitions.reports.size;
  process.stdout.write(`Serving ${reports} dashboard${reports === 1 ? '' : 's'} at ${server.url}/\n`);
  process.stdout.write(`Edits to ${project.definitionsDir} and the config are live on the next request. Ctrl+C stops.\n`);
  if (access.setupToken)
    process.stdout.write(
      `No users yet. Create the first admin (link works once): ${server.url}/setup?token=${access.setupToken}\n` +
        '  or run: vitrina user add <name> --role admin\n',
    );
  if (options.demoAccounts?.length) {
    process.stdout.write('Demo accounts (demo mode: these passwords are public; never use them elsewhere):\n');
    for (const a of options.demoAccounts)
      process.stdout.write(`  ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${a.role}${a.note ? ` — ${a.note}` : ''}\n`);
  }
  const stop = shutdownInOrder({ scheduler, server, access });
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl+C while stopping gets Node's default (exit at once).
    for (const s of SIGNALS) process.off(s, onSignal);
    log(`${signal}: shutting down`);
    void stop();
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  await server.closed;
  await stop();
  for (const s of SIGNALS) process.off(s, onSignal);
  process.stderr.write('stopped\n');
  return EXIT_OK;
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Stops a served project in the only safe order: the scheduler first (it waits for the delivery
 * in flight), so no job runs against a closed project; then the server, which lets requests
 * finish and closes the project; then the state store both used. Safe to call twice.
 */
export function shutdownInOrder(parts: {
  scheduler?: { stop(): Promise<void> } | undefined;
  server: { close(): Promise<void> };
  access: { close(): Promise<void> };
}): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      await parts.scheduler?.stop();
      await parts.server.close();
      await parts.access.close();
    })();
    return stopping;
  };
}

/** Starts the scheduler when the config has anything to schedule; a failure leaves the dashboards serving. */
async function startSchedules(live: { project: Project }, log: (message: string) => void): Promise<{ stop(): Promise<void> } | undefined> {
  const { config } = live.project;
  if (!config.schedules?.length && !config.alerts?.length && !config.tasks?.length) return undefined;
  try {
    const { startScheduler } = await import('@vitrina/core/schedule');
    const running = await startScheduler(() => live.project, {
      log: (level, message) => log(`${level === 'info' ? '' : `${level}: `}schedule: ${message}`),
    });
    log(
      `scheduler started: ${config.schedules?.length ?? 0} schedules, ${config.alerts?.length ?? 0} alerts, ${config.tasks?.length ?? 0} tasks (state: ${running.database.where})`,
    );
    return running;
  } catch (error) {
    log(`error: the scheduler did not start, nothing will be sent: ${(error as Error).message}`);
    return undefined;
  }
}
