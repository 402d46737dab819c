/**
 * A demo project (seed 7, last day 2026-11-26, Moscow) with an SMTP sink, a state store and
 * users, for scheduler tests; the clock is a variable the test moves.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject, type Project } from '@vitrina/core';
import { openScheduler, type RunningScheduler, type SchedulerStartOptions } from '@vitrina/core/schedule';
import { generateDemoCrm } from '../../cli/src/demo/generate-demo-crm.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const REPORTS = ['executive-overview', 'sales', 'sales-activity'];

export interface Clock {
  at: Date;
  now: () => Date;
  set(iso: string): void;
}

export function clock(iso: string): Clock {
  const c: Clock = {
    at: new Date(iso),
    now: () => c.at,
    set(text) {
      c.at = new Date(text);
    },
  };
  return c;
}

export interface ScheduleFixture {
  dir: string;
  sink: SmtpSink;
  project: Project;
  open(now: () => Date, options?: SchedulerStartOptions): Promise<RunningScheduler>;
  close(): Promise<void>;
}

let crm: Promise<string> | undefined;

/** The demo CRM is generated once per test file and copied into each project. */
function demoCrm(): Promise<string> {
  crm ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-schedule-crm-'));
    const file = join(dir, 'crm.sqlite');
    await generateDemoCrm({ file, scale: 'small', seed: 7, today: '2026-11-26' });
    return file;
  })();
  return crm;
}

export async function scheduleProject(
  extra: (smtpPort: number) => Record<string, unknown>,
  env: NodeJS.ProcessEnv = {},
): Promise<ScheduleFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-schedule-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(await demoCrm(), join(dir, 'data', 'crm.sqlite'));
  mkdirSync(join(dir, 'report-definitions'));
  // The reports these tests use (others in the pack may need sources this project lacks).
  for (const name of REPORTS)
    copyFileSync(join(REPO, 'report-definitions', `${name}.json`), join(dir, 'report-definitions', `${name}.json`));
  const sink = await startSmtpSink();
  const config = {
    plugins: ['@vitrina/plugin-sqlite'],
    sources: { crm: { plugin: 'sqlite', file: 'data/crm.sqlite' } },
    definitions: 'report-definitions',
    timezone: 'Europe/Moscow',
    locale: 'ru',
    currency: 'RUB',
    server: { publicUrl: 'https://bi.example.com/' },
    smtp: { host: '127.0.0.1', port: sink.port, from: 'Vitrina <reports@example.com>', timeoutSeconds: 3 },
    ...extra(sink.port),
  };
  writeFileSync(join(dir, 'vitrina.config.json'), JSON.stringify(config, null, 2));
  const project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(REPO, 'cli')], env });
  const problems = [...project.problems, ...project.definitions.problems].map((p) => p.message);
  if (problems.length) throw new Error(problems.join('\n'));
  const opened: RunningScheduler[] = [];
  return {
    dir,
    sink,
    project,
    async open(now, options = {}) {
      const running = await openScheduler(project, { now, env, ...options });
      opened.push(running);
      return running;
    },
    async close() {
      for (const r of opened) await r.stop().catch(() => {});
      await sink.close();
      await project.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds users straight into the state store (the access-control commands do the same). */
export async function addUsers(
  running: RunningScheduler,
  users: { username: string; role: string; attributes: Record<string, unknown> }[],
): Promise<void> {
  const db = running.database.db as unknown as import('kysely').Kysely<any>;
  for (const u of users)
    await db
      .insertInto('vitrina_users')
      .values({
        username: u.username,
        role: u.role,
        display_name: null,
        attributes: JSON.stringify(u.attributes),
        password_hash: null,
        disabled: 0,
        created_at: 0,
        updated_at: 0,
      })
      .execute();
}
