/**
 * @module What the tasks page and the `tasks` panel show, and who may act: task instances from
 * the store, filtered (owner, task, state), each with whom it escalates to and whether the asking
 * user may mark it done. Admins and executives see every task (control of personnel is itself
 * reportable); anyone else sees the tasks they own or that escalate to them. Only the owner or an
 * admin may mark a task done.
 */
import type { Kysely } from 'kysely';
import type { TaskState, TasksPanelFilter } from '../../definition/report-definition.js';
import { VitrinaError } from '../../errors/index.js';
import { recipientKey } from '../delivery/recipients.js';
import type { TaskConfig } from '../schedule-types.js';
import type { ScheduleTables } from '../store/schedule-tables.js';
import { type OwnerSummary, summarise, TaskList, type TaskView } from './task-list.js';

/** Who asks; `undefined` when nobody signs in (auth off): every task, and every task may be closed. */
export interface TaskActor {
  username: string;
  role: string;
}

export interface TaskItem extends TaskView {
  /** Who hears about it when it is overdue (the config's `escalateTo`), if anyone. */
  escalateTo: string | null;
  /** Whether the asking user may mark it done (open or overdue, and theirs — or they are an admin). */
  mayClose: boolean;
}

export interface TaskBoard {
  tasks: TaskItem[];
  owners: OwnerSummary[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const list = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat());

function escalationOf(tasks: readonly TaskConfig[], name: string): string | null {
  const target = tasks.find((t) => t.name === name)?.escalateTo;
  return target ? recipientKey(target) : null;
}

export function maySeeTask(task: Pick<TaskItem, 'owner' | 'escalateTo'>, actor: TaskActor | undefined): boolean {
  if (!actor || actor.role === 'admin' || actor.role === 'executive') return true;
  return same(task.owner, actor.username) || (task.escalateTo !== null && same(task.escalateTo, actor.username));
}

export function mayCloseTask(task: Pick<TaskView, 'owner' | 'status'>, actor: TaskActor | undefined): boolean {
  if (task.status === 'done') return false;
  return !actor || actor.role === 'admin' || same(task.owner, actor.username);
}

export async function taskBoard(
  db: Kysely<ScheduleTables>,
  configured: readonly TaskConfig[],
  options: { filter?: TasksPanelFilter; actor?: TaskActor; now?: Date } = {},
): Promise<TaskBoard> {
  const now = options.now ?? new Date();
  const owners = list(options.filter?.owner);
  const names = list(options.filter?.task);
  const states: readonly TaskState[] | undefined = options.filter?.status;
  const tasks = (await new TaskList(db).list({}, now))
    .map((t): TaskItem => {
      const escalateTo = escalationOf(configured, t.name);
      return { ...t, escalateTo, mayClose: mayCloseTask(t, options.actor) };
    })
    .filter((t) => maySeeTask(t, options.actor))
    .filter((t) => !owners || owners.some((o) => same(o, t.owner)))
    .filter((t) => !names || names.includes(t.name))
    .filter((t) => !states || states.includes(t.status));
  return { tasks, owners: summarise(tasks) };
}

/** Marks a task done as `actor`, refusing a task they may not see or close (404 / 403). */
export async function closeTask(
  db: Kysely<ScheduleTables>,
  configured: readonly TaskConfig[],
  id: string,
  actor: TaskActor | undefined,
  comment: string,
  now: Date = new Date(),
): Promise<TaskView> {
  const tasks = new TaskList(db);
  const task = await tasks.get(id, now);
  const missing = () =>
    new VitrinaError('TASK_NOT_FOUND', `no task '${id.slice(0, 100)}'`, { hint: 'the tasks you may see are listed at /tasks' });
  if (!task || !maySeeTask({ owner: task.owner, escalateTo: escalationOf(configured, task.name) }, actor)) throw missing();
  if (task.status !== 'done' && !mayCloseTask(task, actor))
    throw new VitrinaError('FORBIDDEN', `only ${task.owner} (the owner) or an admin may mark '${task.title}' done`);
  return tasks.done(id, actor?.username ?? 'anonymous', comment.slice(0, 2000), now);
}
