/**
 * @module The secured demo server (one user per role, the demo's grants) with alerts and control
 * tasks in its config and their state written straight into its state store, as the scheduler
 * would leave it: three firing alerts (one on a dashboard managers may not open, one scoped to a
 * department the head and the manager do not belong to, one on the managers' sales dashboard),
 * and task instances of the head (done, overdue and escalated, open) and of the manager (open).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlertStates, TaskList, taskId } from '@vitrina/core/schedule';
import Database from 'better-sqlite3';
import { type SecuredServer, startSecuredServer } from '../access/secured-server.js';

export const DAY = 86_400_000;

export interface AlertsTasksServer extends SecuredServer {
  tasks: TaskList;
  ids: { headDone: string; headOverdue: string; headOpen: string; managerOpen: string };
  otherDepartment: number;
}

export async function startAlertsTasksServer(): Promise<AlertsTasksServer> {
  let otherDepartment = 0;
  const s = await startSecuredServer('sqlite', (dir) => {
    const crm = new Database(join(dir, 'data', 'crm.sqlite'), { readonly: true });
    otherDepartment = (crm.prepare('SELECT id FROM departments ORDER BY id LIMIT 1 OFFSET 1').get() as { id: number }).id;
    crm.close();
    const path = join(dir, 'vitrina.config.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const outbox = { type: 'folder', path: 'outbox' };
    config.alerts = [
      {
        name: 'revenue-run-rate',
        title: 'Revenue run-rate <b>below</b> plan',
        cron: '0 9 * * *',
        report: 'executive-overview',
        dataset: 'closed_deals',
        measure: 'revenue',
        panel: 'revenue',
        target: { dataset: 'plan', measure: 'revenue_plan' },
        condition: { type: 'threshold', of: 'run_rate', below: 0.9 },
        channel: outbox,
      },
      {
        name: 'won-drop-other-department',
        title: 'Deals won fell in another department',
        cron: '0 9 * * *',
        report: 'sales',
        dataset: 'sales',
        measure: 'won',
        scope: { department_id: otherDepartment },
        condition: { type: 'drop', grain: 'week', percent: 30 },
        channel: outbox,
      },
      {
        name: 'sales-revenue-declines',
        title: 'Sales revenue declines',
        cron: '0 9 * * *',
        report: 'sales',
        dataset: 'sales',
        measure: 'revenue',
        condition: { type: 'declines', grain: 'week', periods: 2 },
        channel: outbox,
      },
    ];
    config.tasks = [
      {
        name: 'listen-calls',
        title: 'Listen to <5> calls of each manager',
        cron: '0 10 * * 1',
        owner: 'head',
        due: '2d',
        checklist: ['Pick 5 calls per manager', 'Score them'],
        report: 'sales-activity',
        escalateTo: 'ceo',
        channel: outbox,
      },
      { name: 'mystery-shopping', title: 'Mystery shopping', cron: '0 10 1 * *', owner: 'manager', due: '5d' },
    ];
    writeFileSync(path, JSON.stringify(config, null, 2));
  });
  const db = s.access.store.db as never;
  const states = new AlertStates(db);
  const at = new Date('2026-11-26T06:00:00Z');
  const reading = (reason: string) => ({
    fired: true,
    reason,
    value: 0.5,
    periodParameter: 'period',
    range: '2026-11-01..2026-11-26',
    evaluatedAt: at.toISOString(),
  });
  await states.record('revenue-run-rate', reading('run-rate attainment of plan is 0.5, below 0.9 <script>'), at);
  await states.record('won-drop-other-department', reading('won fell 40.0% week over week'), at);
  await states.record('sales-revenue-declines', reading('revenue declined 2 weeks in a row'), at);

  // Tasks around the real clock: the page and the panel judge "overdue" by the time of the request.
  const tasks = new TaskList(db);
  const now = Date.now();
  const open = async (name: string, owner: string, title: string, openedMs: number, dueDays: number) => {
    const openedAt = new Date(Math.floor(openedMs / 60_000) * 60_000);
    await tasks.open({ id: taskId(name, openedAt), name, title, owner, openedAt, dueAt: new Date(openedAt.getTime() + dueDays * DAY) });
    return taskId(name, openedAt);
  };
  const listen = 'Listen to <5> calls of each manager';
  const headDone = await open('listen-calls', 'head', listen, now - 20 * DAY, 2);
  const headOverdue = await open('listen-calls', 'head', listen, now - 9 * DAY, 2);
  const headOpen = await open('listen-calls', 'head', listen, now - 3_600_000, 2);
  const managerOpen = await open('mystery-shopping', 'manager', 'Mystery shopping', now - DAY, 5);
  await tasks.done(headDone, 'head', 'Listened to 25 calls; <two> scripts to fix', new Date(now - 19 * DAY));
  await tasks.markEscalated(headOverdue, new Date(now - 6 * DAY));
  return { ...s, tasks, ids: { headDone, headOverdue, headOpen, managerOpen }, otherDepartment };
}
