/**
 * @module The control tasks page: `GET /tasks` lists open, overdue and done task instances per
 * owner (`?owner=`, `?status=`), and `POST /tasks/:id/done` marks one done with a comment — a
 * form with the session's CSRF token (checked by the CSRF guard like every state-changing
 * request), by the owner or an admin only, audited, then back to the page it came from. The
 * tasks live in the state store; a server without one says so.
 */
import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { TaskState } from '../definition/report-definition.js';
import { VitrinaError } from '../errors/index.js';
import { dateTimeText } from '../render/html/render-dashboard.js';
import { renderTasksPage, type TaskRowView } from '../render/html/render-pages.js';
import type { ScheduleTables } from '../schedule/store/schedule-tables.js';
import { closeTask, type TaskActor, type TaskItem, taskBoard } from '../schedule/tasks/task-board.js';
import type { AppEnv } from './app-state.js';
import type { AccessControl, AuthEnv } from './auth/auth-types.js';
import { recordAudit } from './auth/record-audit.js';
import { safeNext } from './auth/require-login.js';
import { chooseLocale } from './choose-locale.js';
import { hostedAssets } from './page-assets.js';
import { pageUrl, signedIn } from './page-routes.js';

const STATES: readonly TaskState[] = ['open', 'overdue', 'done'];

/** The asking user; undefined when nobody signs in (auth off): then anyone may close any task. */
export function taskActor(c: Context<AppEnv>): TaskActor | undefined {
  const principal = c.get('principal');
  return principal ? { username: principal.user.username, role: principal.user.role } : undefined;
}

function row(t: TaskItem, when: (d: Date) => string): TaskRowView {
  return {
    id: t.id,
    title: t.title,
    owner: t.owner,
    status: t.status,
    due: when(t.dueAt),
    openedAt: when(t.openedAt),
    ...(t.doneAt ? { doneAt: when(t.doneAt) } : {}),
    ...(t.doneBy ? { doneBy: t.doneBy } : {}),
    ...(t.comment ? { comment: t.comment } : {}),
    ...(t.escalateTo ? { escalateTo: t.escalateTo } : {}),
    ...(t.escalatedAt ? { escalatedAt: when(t.escalatedAt) } : {}),
    checklist: t.checklist,
    ...(t.link ? { link: t.link } : {}),
    mayClose: t.mayClose,
    closeAction: `/tasks/${encodeURIComponent(t.id)}/done`,
  };
}

export function taskRoutes(app: Hono<AppEnv>, access: AccessControl | undefined): void {
  const db = access?.store.db as unknown as Kysely<ScheduleTables> | undefined;

  app.get('/tasks', async (c) => {
    const project = c.get('project');
    const locale = chooseLocale(c, project.config.locale);
    const theme = c.get('themes').get();
    const owner = c.req.query('owner')?.trim().slice(0, 64) || undefined;
    const status = STATES.find((s) => s === c.req.query('status'));
    const ctx = { theme, locale, assets: hostedAssets(theme, false), url: pageUrl(c), user: signedIn(c) };
    if (!db) return c.html(renderTasksPage(ctx, { owners: [], available: false }), 200, { 'Cache-Control': 'no-store' });
    const board = await taskBoard(db, project.config.tasks ?? [], {
      filter: { ...(owner ? { owner } : {}), ...(status ? { status: [status] } : {}) },
      actor: taskActor(c),
    });
    const when = (d: Date) => dateTimeText(d, locale, project.config.timezone ?? 'UTC');
    const owners = board.owners.map((s) => ({ ...s, tasks: board.tasks.filter((t) => t.owner === s.owner).map((t) => row(t, when)) }));
    const done = c.req.query('done');
    const notice = done && board.tasks.some((t) => t.id === done && t.status === 'done') ? 'page.taskMarkedDone' : undefined;
    const html = renderTasksPage(ctx, {
      owners,
      available: true,
      ...(owner ? { owner } : {}),
      ...(status ? { status } : {}),
      ...(notice ? { notice } : {}),
    });
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/tasks/:id/done', async (c) => {
    if (!db || !access)
      throw new VitrinaError('TASK_NOT_FOUND', 'control tasks need the state store', { hint: 'serve the project with `vitrina serve`' });
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const comment = typeof body.comment === 'string' ? body.comment : '';
    const back = safeNext(typeof body.back === 'string' ? body.back : '/tasks');
    const actor = taskActor(c);
    const audit = (entry: Parameters<typeof recordAudit>[2]) => recordAudit(access, c as unknown as Context<AuthEnv>, entry);
    try {
      const task = await closeTask(db, c.get('project').config.tasks ?? [], id, actor, comment);
      await audit({ event: 'task_done', subject: task.id, details: { task: task.name, owner: task.owner, comment } });
    } catch (error) {
      const e = error instanceof VitrinaError ? error : undefined;
      if (e?.code === 'FORBIDDEN' || e?.code === 'TASK_NOT_FOUND')
        await audit({ event: 'task_done', subject: id.slice(0, 100), ok: false, details: { refused: e.message } });
      throw error;
    }
    const url = new URL(back, 'http://local');
    url.searchParams.set('done', id);
    return c.redirect(`${url.pathname}${url.search}#task-${encodeURIComponent(id)}`, 303);
  });
}
