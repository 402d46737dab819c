/**
 * @module The demo's recurring control tasks: the head of sales listens to calls every Monday and
 * calls clients about their satisfaction every month; overdue ones escalate to the CEO (written to
 * the project's `outbox/` folder: the demo has no mail server). A few past instances are opened
 * in the state store — one done with a comment, one overdue, one open — so the tasks page and the
 * personnel-control dashboard's tasks panel show all three states on the first start.
 */
import type { TaskConfig } from '@vitrina/core/schedule';
import { TaskList, taskId } from '@vitrina/core/schedule';

export const DEMO_TASKS: TaskConfig[] = [
  {
    name: 'listen-calls',
    title: 'Прослушать по 5 звонков каждого менеджера',
    cron: '0 10 * * 1',
    owner: 'head',
    due: '2d',
    checklist: ['Выбрать по 5 звонков на менеджера', 'Оценить по чек-листу скрипта', 'Разобрать с командой'],
    report: 'sales-activity',
    parameters: { period: 'last_week' },
    escalateTo: 'ceo',
    channel: { type: 'folder', path: 'outbox' },
  },
  {
    name: 'client-satisfaction',
    title: 'Обзвонить 10 клиентов об удовлетворённости',
    cron: '0 10 1 * *',
    owner: 'head',
    due: '5d',
    report: 'client-base',
    escalateTo: 'ceo',
    channel: { type: 'folder', path: 'outbox' },
  },
];

const DAY = 86_400_000;

/** Replaces the demo tasks' instances with three of the weekly one: done two weeks ago, overdue since last week, open now. */
export async function seedDemoTasks(stateDb: unknown, now: Date = new Date()): Promise<void> {
  // The state store's Kysely: the schedule tables are one of its migrations.
  const store = stateDb as ConstructorParameters<typeof TaskList>[0];
  await store
    .deleteFrom('vitrina_tasks')
    .where(
      'name',
      'in',
      DEMO_TASKS.map((t) => t.name),
    )
    .execute();
  const tasks = new TaskList(store);
  const task = DEMO_TASKS[0] as TaskConfig;
  const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  for (const daysAgo of [14, 7, 0]) {
    const openedAt = new Date(hour - daysAgo * DAY - (daysAgo === 0 ? 3_600_000 : 0));
    await tasks.open({
      id: taskId(task.name, openedAt),
      name: task.name,
      title: task.title ?? task.name,
      owner: task.owner,
      openedAt,
      dueAt: new Date(openedAt.getTime() + 2 * DAY),
      checklist: task.checklist,
    });
  }
  const first = new Date(hour - 14 * DAY);
  await tasks.done(taskId(task.name, first), 'head', 'Прослушано 25 звонков; два скрипта на доработку', new Date(first.getTime() + DAY));
}
