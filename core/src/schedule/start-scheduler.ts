/**
 * @module `startScheduler(project, options)`: what `serve` calls. Opens the state store (the
 * same SQLite file or PostgreSQL database as users and sessions), checks every schedule, alert
 * and task against the report definitions, and ticks every `tickSeconds`. `stop()` waits for the
 * delivery in flight, then closes the printer, the SMTP connections and the store.
 */
import { toVitrinaError, VitrinaError } from '../errors/index.js';
import type { Project } from '../project/open-project.js';
import type { BrowserPool } from '../render/pdf/browser-pool.js';
import { alertJobs } from './alerts/alert-jobs.js';
import { ChannelSet } from './channels/create-channel.js';
import { recipientProblems } from './delivery/recipient-problems.js';
import { stateUserDirectory, type UserDirectory } from './delivery/recipients.js';
import { type ReferenceProblem, scheduleReferenceProblems } from './reference-problems.js';
import type { JobContext } from './scheduler/job-context.js';
import { scheduleJobs } from './scheduler/schedule-jobs.js';
import { instanceName, Scheduler, type SchedulerLog } from './scheduler/scheduler.js';
import { DeliveryLog } from './store/delivery-log.js';
import { openScheduleDatabase, type ScheduleDatabase } from './store/open-schedule-store.js';
import { taskJobs } from './tasks/task-jobs.js';

export interface SchedulerStartOptions {
  /** Default 30. Slots are never missed by a slow tick: each tick handles everything since the last. */
  tickSeconds?: number;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  log?: SchedulerLog;
  /** An open store (tests, or a server that already has one). Default: opened from the config. */
  database?: ScheduleDatabase;
  users?: UserDirectory;
  /** Default: a pool created on the first PDF and closed by `stop()`. */
  printer?: BrowserPool;
  /** Tick once at start. Default true. */
  tickAtStart?: boolean;
}

export interface RunningScheduler {
  scheduler: Scheduler;
  context: JobContext;
  database: ScheduleDatabase;
  /** Schedules, alerts or tasks naming a report, panel, dataset or measure that does not exist. */
  problems: ReferenceProblem[];
  stop(): Promise<void>;
}

/** Channels that cannot be built (a secret's variable unset): said at start, not at the first slot. */
function channelProblems(project: Project, context: JobContext): VitrinaError[] {
  const problems: VitrinaError[] = [];
  const lists = [
    ['schedules', project.config.schedules ?? []],
    ['alerts', project.config.alerts ?? []],
    ['tasks', (project.config.tasks ?? []).filter((t) => t.escalateTo)],
  ] as const;
  for (const [list, items] of lists)
    for (const item of items) {
      try {
        context.channels.get(item.channel);
      } catch (error) {
        const e = toVitrinaError(error, 'CONFIG_INVALID');
        problems.push(new VitrinaError(e.code, `${list} '${item.name}': ${e.message}`, { ...e.location, hint: e.hint }));
      }
    }
  return problems;
}

/** The pieces without the timer: for the CLI's one-off commands and tests. */
export async function openScheduler(project: Project | (() => Project), options: SchedulerStartOptions = {}): Promise<RunningScheduler> {
  const current = typeof project === 'function' ? project : () => project;
  const first = current();
  const database = options.database ?? (await openScheduleDatabase(first.config, first.dir, options.env ?? process.env));
  const deliveries = new DeliveryLog(database.db, database.dialect, instanceName());
  let pool = options.printer;
  let ownPool: BrowserPool | undefined;
  const { BrowserPool: Pool } = options.printer ? { BrowserPool: undefined } : await import('../render/pdf/browser-pool.js');
  const context: JobContext = {
    get project() {
      return current();
    },
    deliveries,
    users: options.users ?? stateUserDirectory(database.db),
    channels: new ChannelSet({
      get smtp() {
        return current().config.smtp;
      },
      projectDir: first.dir,
      env: options.env,
    }),
    printer: () => {
      if (!pool && Pool) pool = ownPool = new Pool();
      return pool as BrowserPool;
    },
  };
  const scheduler = new Scheduler(deliveries, [scheduleJobs(context), alertJobs(context), taskJobs(context)], {
    now: options.now,
    log: options.log,
  });
  return {
    scheduler,
    context,
    database,
    problems: [...scheduleReferenceProblems(first), ...channelProblems(first, context), ...(await recipientProblems(first, context.users))],
    async stop() {
      context.channels.close();
      await ownPool?.close();
      if (!options.database) await database.close();
    },
  };
}

export async function startScheduler(project: Project | (() => Project), options: SchedulerStartOptions = {}): Promise<RunningScheduler> {
  const running = await openScheduler(project, options);
  const log = options.log ?? (() => {});
  for (const p of running.problems) log('warn', p.message);
  const tickMs = (options.tickSeconds ?? 30) * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    try {
      await running.scheduler.tick();
    } catch (error) {
      // The store being briefly unreachable must not stop the scheduler: the next tick catches up.
      log('error', `scheduler tick failed: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(loop, tickMs).unref();
  };
  if (options.tickAtStart === false) timer = setTimeout(loop, tickMs).unref();
  else void loop();
  return {
    ...running,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.scheduler.idle();
      await running.stop();
    },
  };
}
