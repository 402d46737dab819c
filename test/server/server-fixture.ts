/**
 * @module A real server on a free port over the demo CRM (seed 7, today 2026-11-26) and a copy of
 * the shipped report pack in a temporary project folder, so tests may edit definitions and the
 * config. The engine's clock is pinned to the demo's last day.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenProjectOptions, openProject, type Project } from '@vitrina/core';
import { type RunningServer, startServer } from '@vitrina/core/server';
import { generateDemoCrm } from '../../cli/src/demo/generate-demo-crm.js';
import { copyDemoDefinitions } from '../support/demo-definitions.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const NOW = new Date('2026-11-26T12:00:00Z');

/** Generated once per folder and copied: generating takes a few seconds. */
let template: Promise<string> | undefined;

function demoData(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-server-data-'));
    await generateDemoCrm({ file: join(dir, 'crm.sqlite'), scale: 'small', seed: 7, today: '2026-11-26' });
    return join(dir, 'crm.sqlite');
  })();
  return template;
}

export interface DemoProjectOptions {
  /** Extra config keys (theme, cache, sources…). */
  config?: Record<string, unknown>;
}

/** A project folder: data/crm.sqlite, report-definitions/ (the shipped pack), vitrina.config.json. */
export async function makeDemoProject(options: DemoProjectOptions = {}): Promise<{ dir: string; configPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-server-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(await demoData(), join(dir, 'data', 'crm.sqlite'));
  copyDemoDefinitions(REPO, dir, ['crm']);
  const config = {
    plugins: ['@vitrina/plugin-sqlite'],
    sources: { crm: { plugin: 'sqlite', file: 'data/crm.sqlite' } },
    definitions: 'report-definitions',
    timezone: 'Europe/Moscow',
    locale: 'en',
    currency: 'RUB',
    ...options.config,
  };
  const configPath = join(dir, 'vitrina.config.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return { dir, configPath };
}

export interface TestServer extends RunningServer {
  dir: string;
  /** What the server logged (reloads, problems). */
  logs: string[];
  configPath: string;
  project: Project;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server and removes the folder. */
  dispose(): Promise<void>;
}

export async function startDemoServer(
  options: DemoProjectOptions & { watch?: boolean; onReload?: (what: string, ok: boolean) => void } = {},
): Promise<TestServer> {
  const { dir, configPath } = await makeDemoProject(options);
  // Relative to the project folder, file names in problems read `report-definitions/x.json`.
  const open: OpenProjectOptions = { configPath, cwd: dir, resolveFrom: [join(REPO, 'cli')], now: () => NOW };
  const project = await openProject(open);
  const logs: string[] = [];
  const server = await startServer({
    project,
    port: 0,
    log: (m) => logs.push(m),
    ...(options.watch ? { watch: { open, debounceMs: 50, onReload: options.onReload } } : {}),
  });
  return {
    ...server,
    dir,
    configPath,
    logs,
    get project() {
      return server.live.project;
    },
    get: (path, init) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init }),
    async dispose() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
