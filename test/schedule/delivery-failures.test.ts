/**
 * Bad input for scheduled deliveries: each failure is logged with a clear reason, retried with
 * backoff when a retry can help, final when it cannot — never a crash, never a silent success,
 * never an empty or broken report mailed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../support/smtp-sink.js';
import { clock, type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

const base = {
  cron: '0 9 * * *',
  parameters: { period: 'last_month' },
  format: 'csv',
  panels: ['top_managers'],
  retry: { attempts: 3, backoffSeconds: 60 },
};

describe('delivery failures', () => {
  let fx: ScheduleFixture;
  let hook: Server;
  let hookMode: '500' | 'hang' = '500';
  let deadPort = 0;
  beforeAll(async () => {
    hook = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (hookMode === 'hang') return;
        res.statusCode = 500;
        res.end('boom');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
    const dead = await startSmtpSink();
    deadPort = dead.port;
    await dead.close();
    fx = await scheduleProject(() => ({
      schedules: [
        { ...base, name: 'unknown-report', report: 'no-such-report', recipients: ['ceo@example.com'] },
        { ...base, name: 'mixed-recipients', report: 'sales', recipients: ['ceo@example.com', 'ghost', 'nobody@example.com'] },
        { ...base, name: 'hook-500', report: 'sales', channel: { type: 'webhook', url } },
        { ...base, name: 'hook-hang', report: 'sales', channel: { type: 'webhook', url, timeoutSeconds: 0.5 } },
        { ...base, name: 'broken-report', report: 'sales-activity', format: 'xlsx', panels: undefined, recipients: ['ceo@example.com'] },
      ],
    }));
    fx.sink.reject.add('nobody@example.com');
  });
  afterAll(async () => {
    hook.closeAllConnections();
    await new Promise((resolve) => hook.close(resolve));
    await fx?.close();
  });

  it('reports unknown reports and recipients with the config pointer at start-up', async () => {
    const running = await fx.open(() => new Date('2026-11-30T05:00:00Z'));
    expect(running.problems.map((p) => `${p.location.pointer}: ${p.message}`)).toEqual([
      "/schedules/0/report: no report 'no-such-report'",
      "/schedules/1/recipients/1: recipient 'ghost' is neither an e-mail address nor a known user",
    ]);
    expect(running.problems[0]?.location.line).toBeGreaterThan(1);
  });

  it('logs every failure with its reason, retries what can succeed later, and sends nothing broken', async () => {
    // The calls table disappears: every panel of sales-activity fails.
    const crm = new Database(join(fx.dir, 'data', 'crm.sqlite'));
    crm.exec('alter table calls rename to calls_gone');
    crm.close();
    hookMode = '500';
    const time = clock('2026-11-30T05:50:00Z');
    const running = await fx.open(time.now);
    await running.scheduler.tick();
    time.set('2026-11-30T06:00:10Z');
    const outcomes = await running.scheduler.tick();
    const by = Object.fromEntries(outcomes.map((o) => [o.id.replace(/:\d+:/, ':'), o]));
    expect(by['schedule:unknown-report:ceo@example.com']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/no report 'no-such-report'/),
    });
    expect(by['schedule:mixed-recipients:ceo@example.com']?.status).toBe('sent');
    expect(by['schedule:mixed-recipients:ghost']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/'ghost' is neither an e-mail address nor a known user/),
    });
    expect(by['schedule:mixed-recipients:nobody@example.com']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/refused recipient nobody@example\.com/),
    });
    expect(by['schedule:hook-500:*']).toMatchObject({ status: 'retry', error: expect.stringMatching(/answered 500: boom/) });
    expect(by['schedule:broken-report:ceo@example.com']).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/did not render for ceo@example\.com: panel '\w+'.*calls/),
    });
    // Only the good delivery reached a mailbox.
    expect(fx.sink.mails.map((m) => m.to[0])).toEqual(['ceo@example.com']);
    expect(fx.sink.mails[0]?.attachments[0]?.filename).toBe('sales-top_managers-2026-11-30.csv');

    // Retries wait for their backoff: 60 s, then 120 s; then the delivery fails for good.
    const id = (await running.context.deliveries.list({ name: 'broken-report' }))[0]?.id as string;
    expect((await running.context.deliveries.get(id))?.nextAttemptAt.toISOString()).toBe('2026-11-30T06:01:10.000Z');
    time.set('2026-11-30T06:00:40Z');
    expect((await running.scheduler.tick()).filter((o) => o.id === id)).toEqual([]);
    time.set('2026-11-30T06:01:15Z');
    expect((await running.scheduler.tick()).find((o) => o.id === id)?.status).toBe('retry');
    time.set('2026-11-30T06:03:30Z');
    expect((await running.scheduler.tick()).find((o) => o.id === id)?.status).toBe('failed');
    const final = await running.context.deliveries.get(id);
    expect(final).toMatchObject({ status: 'failed', attempts: 3 });
    expect(final?.error).toMatch(/nothing was sent/);
    expect(fx.sink.mails).toHaveLength(1);
  });

  it('a hanging webhook times out and is retried', async () => {
    hookMode = 'hang';
    const time = clock('2026-12-01T06:00:05Z');
    const running = await fx.open(time.now);
    const outcomes = await running.scheduler.tick();
    expect(outcomes.find((o) => o.id.startsWith('schedule:hook-hang:'))).toMatchObject({
      status: 'retry',
      error: expect.stringMatching(/did not answer within 500 ms/),
    });
  });

  it('an unreachable SMTP server is retried, visible in the log', async () => {
    const other = await scheduleProject((port) => ({
      smtp: { host: '127.0.0.1', port: deadPort || port + 1, from: 'reports@example.com', timeoutSeconds: 2 },
      schedules: [{ ...base, name: 'no-smtp', report: 'sales', recipients: ['ceo@example.com'] }],
    }));
    try {
      const time = clock('2026-11-30T05:00:00Z');
      const running = await other.open(time.now);
      await running.scheduler.tick();
      time.set('2026-11-30T06:00:01Z');
      const [outcome] = await running.scheduler.tick();
      expect(outcome).toMatchObject({ status: 'retry', error: expect.stringMatching(/127\.0\.0\.1:\d+.*unreachable/) });
      const [logged] = await running.context.deliveries.list({ name: 'no-smtp' });
      expect(logged).toMatchObject({ status: 'retry', attempts: 1 });
    } finally {
      await other.close();
    }
  });

  it('an unset SMTP password variable is named at start-up, and the delivery fails with the same reason', async () => {
    const other = await scheduleProject((port) => ({
      smtp: {
        host: '127.0.0.1',
        port,
        user: 'vitrina',
        password: { env: 'VITRINA_TEST_NO_SUCH_SMTP_PASSWORD' },
        from: 'reports@example.com',
      },
      schedules: [{ ...base, name: 'no-password', report: 'sales', recipients: ['ceo@example.com'] }],
    }));
    try {
      const time = clock('2026-11-30T05:00:00Z');
      const running = await other.open(time.now);
      expect(running.problems.map((p) => p.message)).toEqual([
        "schedules 'no-password': environment variable VITRINA_TEST_NO_SUCH_SMTP_PASSWORD (the SMTP password) is not set",
      ]);
      await running.scheduler.tick();
      time.set('2026-11-30T06:00:01Z');
      const [outcome] = await running.scheduler.tick();
      expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/VITRINA_TEST_NO_SUCH_SMTP_PASSWORD/) });
      expect(other.sink.mails).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
