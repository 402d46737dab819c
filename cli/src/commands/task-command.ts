/** @module `vitrina task list|done`: control tasks per owner, and closing one with a comment. */
import { TaskList, type TaskStatus } from '@vitrina/core/schedule';
import { EXIT_OK } from '../output/exit-codes.js';
import { printJson, printTable, withScheduler } from './schedule-session.js';

export async function taskListCommand(options: { config?: string; owner?: string; status?: TaskStatus; json?: boolean }): Promise<number> {
  return withScheduler(options, async (_project, running) => {
    const tasks = new TaskList(running.database.db);
    const now = running.scheduler.now();
    const list = await tasks.list({ owner: options.owner?.toLowerCase(), status: options.status }, now);
    if (options.json) printJson({ tasks: list, summary: await tasks.summary(now) });
    else if (!list.length) process.stdout.write('no tasks\n');
    else
      printTable([
        ['ID', 'OWNER', 'STATUS', 'DUE', 'TITLE', 'COMMENT'],
        ...list.map((t) => [t.id, t.owner, t.status, t.dueAt.toISOString(), t.title, t.comment ?? '']),
      ]);
    return EXIT_OK;
  });
}

export async function taskDoneCommand(id: string, options: { config?: string; comment: string; by?: string }): Promise<number> {
  return withScheduler(options, async (_project, running) => {
    const tasks = new TaskList(running.database.db);
    const now = running.scheduler.now();
    const current = await tasks.get(id, now);
    const done = await tasks.done(id, (options.by ?? current?.owner ?? '').toLowerCase(), options.comment, now);
    process.stdout.write(`done  ${done.id} (${done.title}) by ${done.doneBy}\n`);
    return EXIT_OK;
  });
}
