/**
 * Recurring control tasks: an instance opens at each cron slot (once, also after downtime), the
 * owner closes it with a comment, an overdue one is escalated once to the named user, and the
 * per-owner summary counts open, done and overdue tasks.
 */
import { TaskList } from '@vitrina/core/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUsers, clock, type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

describe('control tasks', () => {
  let fx: ScheduleFixture;
  beforeAll(async () => {
    fx = await scheduleProject(() => ({
      tasks: [
        {
          name: 'listen-calls',
          title: 'Listen to 5 calls of each manager',
          cron: '0 10 * * 1',
          owner: 'head-of-sales',
          due: '2d',
          checklist: ['Pick 5 calls per manager', 'Score them', 'Discuss with the team'],
          report: 'sales-activity',
          parameters: { period: 'last_week' },
          escalateTo: 'ceo',
        },
        { name: 'mystery-shopping', cron: '0 10 1 * *', owner: 'head-of-sales', due: '5d' },
      ],
    }));
  });
  afterAll(() => fx?.close());

  it('opens, closes, escalates and summarises', async () => {
    const time = clock('2026-11-29T12:00:00Z');
    const running = await fx.open(time.now);
    await addUsers(running, [{ username: 'ceo', role: 'executive', attributes: { email: 'ceo@example.com' } }]);
    await running.scheduler.tick();
    const tasks = new TaskList(running.database.db);

    // Monday 10:00 Moscow: this week's listening task opens, due on Wednesday.
    time.set('2026-11-30T07:00:30Z');
    await running.scheduler.tick();
    let list = await tasks.list({ owner: 'head-of-sales' }, time.at);
    expect(list.map((t) => [t.id, t.status, t.dueAt.toISOString()])).toEqual([
      ['listen-calls-2026-11-30-0700', 'open', '2026-12-02T07:00:00.000Z'],
    ]);
    expect(list[0]?.checklist).toHaveLength(3);
    expect(list[0]?.link).toBe('https://bi.example.com/d/sales-activity?period=last_week');

    // Down for two weeks: the missed Monday tasks and the monthly one still open.
    time.set('2026-12-14T07:30:00Z');
    await running.scheduler.tick();
    list = await tasks.list({ owner: 'head-of-sales' }, time.at);
    // Latest due first.
    expect(list.map((t) => t.id)).toEqual([
      'listen-calls-2026-12-14-0700',
      'listen-calls-2026-12-07-0700',
      'mystery-shopping-2026-12-01-0700',
      'listen-calls-2026-11-30-0700',
    ]);
    // The two past-due listening tasks were escalated to the CEO, once each.
    const escalations = fx.sink.mails.filter((m) => m.to[0] === 'ceo@example.com');
    expect(escalations.map((m) => m.subject).sort()).toEqual(
      [
        'Overdue task: Listen to 5 calls of each manager (head-of-sales)',
        'Overdue task: Listen to 5 calls of each manager (head-of-sales)',
      ].map((s) => s.replace('Overdue task', 'Просроченная задача')),
    );
    expect(escalations[0]?.html).toContain('Score them');
    await running.scheduler.tick();
    expect(fx.sink.mails.filter((m) => m.to[0] === 'ceo@example.com')).toHaveLength(2);

    // The owner closes this week's task; a comment is required.
    await expect(tasks.done('listen-calls-2026-12-14-0700', 'head-of-sales', '  ', time.at)).rejects.toThrow(/comment is required/);
    const done = await tasks.done('listen-calls-2026-12-14-0700', 'head-of-sales', 'Listened to 25 calls; two scripts to fix', time.at);
    expect(done).toMatchObject({ status: 'done', doneBy: 'head-of-sales', comment: 'Listened to 25 calls; two scripts to fix' });
    await expect(tasks.done('listen-calls-2026-12-14-0700', 'head-of-sales', 'again', time.at)).rejects.toThrow(/already done/);
    await expect(tasks.done('no-such-task', 'x', 'y', time.at)).rejects.toThrow(/no task 'no-such-task'/);

    // The monthly task becomes overdue without an escalation target: listed as overdue, nobody mailed.
    time.set('2026-12-16T08:00:00Z');
    await running.scheduler.tick();
    expect((await tasks.list({ status: 'overdue' }, time.at)).map((t) => t.id)).toEqual([
      'listen-calls-2026-12-07-0700',
      'mystery-shopping-2026-12-01-0700',
      'listen-calls-2026-11-30-0700',
    ]);
    expect(fx.sink.mails).toHaveLength(2);
    expect(await tasks.summary(time.at)).toEqual([{ owner: 'head-of-sales', open: 0, done: 1, overdue: 3, doneLate: 0 }]);
  });
});
