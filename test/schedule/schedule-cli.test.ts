/** `vitrina schedule|alert|task` in-process against the demo project, with a real SMTP server. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli-captured.js';
import { type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

const cli = runCliCaptured;

describe('schedule, alert and task commands', () => {
  let fx: ScheduleFixture;
  let config: string;
  beforeAll(async () => {
    fx = await scheduleProject(() => ({
      schedules: [
        {
          name: 'weekly-sales',
          cron: '0 9 * * 1',
          report: 'sales',
          parameters: { period: 'last_month' },
          format: 'xlsx',
          recipients: ['ceo@example.com', 'ivanov'],
        },
        { name: 'broken', cron: '0 9 * * 1', report: 'no-such-report', format: 'csv', recipients: ['ceo@example.com'] },
      ],
      alerts: [
        {
          name: 'calls-drop',
          cron: '0 8 * * *',
          report: 'sales-activity',
          dataset: 'calls',
          measure: 'calls',
          condition: { type: 'drop', grain: 'week', percent: 30 },
          channel: { type: 'folder', path: 'alerts' },
        },
      ],
      tasks: [{ name: 'listen-calls', cron: '0 10 * * 1', owner: 'head-of-sales', due: '2d' }],
    }));
    config = join(fx.dir, 'vitrina.config.json');
  });
  afterAll(() => fx?.close());

  it('lists schedules with the next slot and names a broken one (exit 1)', async () => {
    const r = await cli(['schedule', 'list', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/weekly-sales\s+20\d\d-\d\d-\d\dT06:00:00\.000Z\s+sales\s+xlsx\s+email\s+2/);
    expect(r.err).toMatch(/\/schedules\/1\/report.*no report 'no-such-report'/);
  });

  it('vitrina validate names the schedule with an unknown report', async () => {
    const r = await cli(['validate', '--offline', '--config', config]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/vitrina\.config\.json:\d+:\d+ \/schedules\/1\/report: no report 'no-such-report'/);
  });

  it('runs a schedule now, per recipient, and logs it', async () => {
    // A user added with the access-control command receives their own slice.
    const added = await cli(
      [
        'user',
        'add',
        'ivanov',
        '--role',
        'manager',
        '--attr',
        'manager_id=3',
        '--attr',
        'email=ivanov@example.com',
        '--password-stdin',
        '--config',
        config,
      ],
      'correct horse battery staple\n',
    );
    expect(added.code, added.err).toBe(0);
    const r = await cli(['schedule', 'run', 'weekly-sales', '--config', config, '--now', '2026-11-30T09:00:00+03:00']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sent\s+ceo@example\.com/);
    expect(fx.sink.mails.map((m) => m.to[0]).sort()).toEqual(['ceo@example.com', 'ivanov@example.com']);
    const [ceo, ivanov] = ['ceo@example.com', 'ivanov@example.com'].map((to) => fx.sink.mails.find((m) => m.to[0] === to));
    expect(ceo?.attachments[0]?.filename).toBe('sales-2026-11-30.xlsx');
    // Different scopes, different numbers.
    expect(ceo?.html).not.toBe(ivanov?.html);

    const to = await cli(['schedule', 'run', 'weekly-sales', '--to', 'cfo@example.com', '--config', config]);
    expect(to.code).toBe(0);
    expect(fx.sink.mails.at(-1)?.to).toEqual(['cfo@example.com']);

    const log = await cli(['schedule', 'log', 'weekly-sales', '--json', '--config', config]);
    expect(
      JSON.parse(log.out)
        .map((d: { recipient: string; status: string }) => `${d.recipient}:${d.status}`)
        .sort(),
    ).toEqual(['ceo@example.com:sent', 'cfo@example.com:sent', 'ivanov:sent']);
  });

  it('refuses unknown and broken schedules with exit 1 and a clear message', async () => {
    const unknown = await cli(['schedule', 'run', 'weekly-salse', '--config', config]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no schedule 'weekly-salse'.*weekly-sales/s);
    const broken = await cli(['schedule', 'run', 'broken', '--config', config]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/no report 'no-such-report'/);
  });

  it('tests an alert without notifying, lists alerts and tasks, closes a task', async () => {
    const test = await cli(['alert', 'test', 'calls-drop', '--now', '2026-11-26T15:00:00+03:00', '--config', config]);
    expect(test.code).toBe(0);
    expect(test.out).toMatch(/^ok\s+calls \(calls\) .*week over week/);
    expect(test.out).toContain('2026-11-16');
    const mails = fx.sink.mails.length;
    expect((await cli(['alert', 'list', '--config', config])).out).toMatch(/calls-drop\s+armed/);
    expect(fx.sink.mails.length).toBe(mails);
    expect((await cli(['alert', 'test', 'nope', '--config', config])).code).toBe(1);

    expect((await cli(['task', 'list', '--config', config])).out).toBe('no tasks\n');
    expect((await cli(['task', 'done', 'no-such-task', '--comment', 'x', '--config', config])).err).toMatch(/no task 'no-such-task'/);
  });
});
