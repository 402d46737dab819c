/**
 * @module `startServer`: serves a project over HTTP with @hono/node-server. Resolves once
 * listening with `{ url, close }`; `port: 0` picks a free port (tests). `close` stops accepting,
 * lets requests in flight finish (idle keep-alive sockets are closed at once, busy ones after a
 * grace period), stops watching and closes the project. `handleSignals` makes SIGTERM/SIGINT do that.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { VitrinaError } from '../errors/index.js';
import type { OpenProjectOptions, Project } from '../project/open-project.js';
import type { AccessControl } from './auth/auth-types.js';
import { closePrinter, createApp } from './create-app.js';
import { LiveProject } from './live-project.js';
import { type ProjectWatcher, watchProject } from './watch-project.js';

export interface StartServerOptions {
  project: Project;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only); `0.0.0.0` to serve the network. */
  host?: string;
  /** Hot reload of definitions and config; `open` is how to reopen the project. Default: off. */
  watch?: { open: OpenProjectOptions; debounceMs?: number; onReload?: (what: 'definitions' | 'config', ok: boolean) => void };
  /** Close gracefully on SIGTERM and SIGINT. Default false (a CLI turns it on). */
  handleSignals?: boolean;
  /** Reload the project's DuckDB extracts in the background when their data changes. Default false. */
  backgroundRefresh?: boolean;
  /** How long requests in flight may take to finish on close. Default 10 s. */
  graceMs?: number;
  log?: (message: string) => void;
  /** Sign-in and row scope (`openAccessControl`); the caller closes it. Default: none, everything unrestricted. */
  access?: AccessControl;
}

export interface RunningServer {
  /** `http://host:port` */
  url: string;
  port: number;
  live: LiveProject;
  /** Resolves when the server stopped and the project is closed; safe to call twice. */
  close(): Promise<void>;
  /** Resolves when the server closed (by `close` or a signal). */
  closed: Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const live = new LiveProject(options.project, log, { backgroundRefresh: options.backgroundRefresh });
  const app = createApp({ live, log, ...(options.access ? { access: options.access } : {}) });
  const host = options.host ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await live.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new VitrinaError('USAGE', `port ${options.port} on ${host} is already in use`, {
        hint: 'stop the other server or pass --port <n>',
        cause: error,
      });
    if (code === 'EACCES')
      throw new VitrinaError('USAGE', `no permission to listen on port ${options.port}`, { hint: 'use a port above 1023', cause: error });
    throw new VitrinaError('USAGE', `cannot listen on ${host}:${options.port}: ${(error as Error).message}`, { cause: error });
  }
  const { port } = server.address() as AddressInfo;
  const watcher: ProjectWatcher | undefined = options.watch
    ? watchProject(live, {
        open: options.watch.open,
        log,
        debounceMs: options.watch.debounceMs,
        onReload: (what, ok) => {
          options.watch?.onReload?.(what, ok);
          options.access?.store.audit.record({ event: 'definitions_reloaded', ok, details: { what } }).catch(() => {});
        },
      })
    : undefined;

  let closing: Promise<void> | undefined;
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
  });
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: shutting down`);
    void close();
  };
  function close(): Promise<void> {
    closing ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      watcher?.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
      grace.unref();
      await stopped;
      clearTimeout(grace);
      await closePrinter(app);
      await live.close();
      onClosed();
    })();
    return closing;
  }
  if (options.handleSignals) for (const s of signals) process.on(s, onSignal);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, port, live, close, closed };
}
