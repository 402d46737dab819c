/**
 * @module Control tasks in the store: an instance opens per cron slot (once, however many
 * instances run), is marked done with a comment, and counts as overdue past its due time. The
 * list and the per-owner summary are what a page or a panel shows, so control of personnel is
 * itself reportable.
 */
import type { Kysely } from 'kysely';
import { VitrinaError } from '../../errors/index.js';
import type { ScheduleTables, TaskRow } from '../store/schedule-tables.js';

export type TaskStatus = 'open' | 'done' | 'overdue';

export interface TaskView {
  id: string;
  name: string;
  title: string;
  owner: string;
  openedAt: Date;
  dueAt: Date;
  status: TaskStatus;
  doneAt: Date | null;
  doneBy: string | null;
  comment: string | null;
  escalatedAt: Date | null;
  checklist: string[];
  /** The linked report's dashboard. */
  link: string | null;
}

export interface OwnerSummary {
  owner: string;
  open: number;
  done: number;
  overdue: number;
  /** Done after their due time. */
  doneLate: number;
}

/** `listen-calls-2026-11-30-0700`: readable, unique per task and slot (UTC). */
export function taskId(name: string, slot: Date): string {
  return `${name}-${slot.toISOString().slice(0, 16).replace('T', '-').replace(':', '')}`;
}

const n = (v: number | string | null) => (v === null ? null : new Date(Number(v)));

function view(row: TaskRow, now: Date): TaskView {
  const detail = JSON.parse(row.detail) as { checklist?: string[]; link?: string };
  const overdue = row.status === 'open' && Number(row.due_at) < now.getTime();
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    owner: row.owner,
    openedAt: new Date(Number(row.opened_at)),
    dueAt: new Date(Number(row.due_at)),
    status: row.status === 'done' ? 'done' : overdue ? 'overdue' : 'open',
    doneAt: n(row.done_at),
    doneBy: row.done_by,
    comment: row.comment,
    escalatedAt: n(row.escalated_at),
    checklist: detail.checklist ?? [],
    link: detail.link ?? null,
  };
}

export class TaskList {
  constructor(readonly db: Kysely<ScheduleTables>) {}

  /** Opens the instance of a slot; false when it already exists. */
  async open(task: {
    id: string;
    name: string;
    title: string;
    owner: string;
    openedAt: Date;
    dueAt: Date;
    checklist?: string[];
    link?: string;
  }): Promise<boolean> {
    const result = await this.db
      .insertInto('vitrina_tasks')
      .values({
        id: task.id,
        name: task.name,
        title: task.title,
        owner: task.owner,
        opened_at: task.openedAt.getTime(),
        due_at: task.dueAt.getTime(),
        status: 'open',
        detail: JSON.stringify({ checklist: task.checklist ?? [], link: task.link }),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async get(id: string, now: Date): Promise<TaskView | undefined> {
    const row = await this.db.selectFrom('vitrina_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && view(row, now);
  }

  async list(filter: { owner?: string; status?: TaskStatus; name?: string } = {}, now: Date = new Date()): Promise<TaskView[]> {
    let q = this.db.selectFrom('vitrina_tasks').selectAll();
    if (filter.owner) q = q.where('owner', '=', filter.owner);
    if (filter.name) q = q.where('name', '=', filter.name);
    if (filter.status === 'done') q = q.where('status', '=', 'done');
    if (filter.status === 'open') q = q.where('status', '=', 'open').where('due_at', '>=', now.getTime());
    if (filter.status === 'overdue') q = q.where('status', '=', 'open').where('due_at', '<', now.getTime());
    const rows = await q.orderBy('due_at', 'desc').limit(1000).execute();
    return rows.map((r) => view(r, now));
  }

  /** Marks a task done; the comment is required (what was checked, what was found). */
  async done(id: string, by: string, comment: string, now: Date): Promise<TaskView> {
    if (!comment.trim())
      throw new VitrinaError('USAGE', 'a comment is required to close a task', { hint: 'say what was checked and what was found' });
    const result = await this.db
      .updateTable('vitrina_tasks')
      .set({ status: 'done', done_at: now.getTime(), done_by: by, comment })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    const task = await this.get(id, now);
    if (!task) throw new VitrinaError('TASK_NOT_FOUND', `no task '${id}'`, { hint: "'vitrina task list' shows the ids" });
    if (Number(result.numUpdatedRows) === 0)
      throw new VitrinaError('USAGE', `task '${id}' was already done on ${task.doneAt?.toISOString()} by ${task.doneBy}`);
    return task;
  }

  /** Open tasks past due that nobody has been told about yet. */
  async overdueUnescalated(now: Date): Promise<TaskView[]> {
    const rows = await this.db
      .selectFrom('vitrina_tasks')
      .selectAll()
      .where('status', '=', 'open')
      .where('due_at', '<', now.getTime())
      .where('escalated_at', 'is', null)
      .execute();
    return rows.map((r) => view(r, now));
  }

  /** Claims the escalation of a task: true for exactly one caller. */
  async markEscalated(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('vitrina_tasks')
      .set({ escalated_at: now.getTime() })
      .where('id', '=', id)
      .where('escalated_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async summary(now: Date = new Date()): Promise<OwnerSummary[]> {
    return summarise(await this.list({}, now));
  }
}

/** Open, done, overdue and done-late counts per owner, owners in alphabetical order. */
export function summarise(tasks: readonly TaskView[]): OwnerSummary[] {
  const by = new Map<string, OwnerSummary>();
  for (const t of tasks) {
    const s = by.get(t.owner) ?? { owner: t.owner, open: 0, done: 0, overdue: 0, doneLate: 0 };
    s[t.status] += 1;
    if (t.status === 'done' && t.doneAt && t.doneAt > t.dueAt) s.doneLate += 1;
    by.set(t.owner, s);
  }
  return [...by.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}
