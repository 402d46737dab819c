/**
 * Two scheduler instances sharing one PostgreSQL state store (and, for contrast, one SQLite
 * file): ticking at the same moments over several slots, every (slot, recipient) is mailed
 * exactly once; a delivery whose instance died mid-send is taken over when its lease expires.
 */
import { deliveryId } from '@vitrina/core/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.js';
import { clock, type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

const schedule = {
  name: 'hourly-sales',
  cron: '0 * * * *',
  report: 'sales',
  parameters: { period: 'last_month' },
  format: 'xlsx',
  recipients: ['a@example.com', 'b@example.com', { address: 'north@example.com', attributes: { department_id: 2 } }],
  catchUp: 'all',
};

for (const store of ['postgres', 'sqlite'] as const) {
  describe(`two instances on one ${store} state store`, () => {
    let fx: ScheduleFixture;
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = store === 'postgres' ? await createTestDatabase('vitrina_schedule') : undefined;
      const state = database ? { url: { env: 'VITRINA_STATE_URL' } } : { file: 'state/state.sqlite' };
      fx = await scheduleProject(() => ({ schedules: [schedule], state }), database ? { VITRINA_STATE_URL: database.url } : {});
    });
    afterAll(async () => {
      await fx?.close();
      await database?.drop();
    });

    it('sends each slot to each recipient once', async () => {
      const time = clock('2026-11-30T05:30:00Z');
      const one = await fx.open(time.now);
      const two = await fx.open(time.now);
      await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
      for (const at of ['2026-11-30T06:00:05Z', '2026-11-30T07:00:05Z', '2026-11-30T07:00:30Z', '2026-11-30T08:00:01Z']) {
        time.set(at);
        await Promise.all([one.scheduler.tick(), two.scheduler.tick(), one.scheduler.tick()]);
      }
      const sent = fx.sink.mails.map((m) => `${m.attachments[0]?.filename} → ${m.to[0]}`).sort();
      // Three slots (06, 07, 08 UTC) × three recipients.
      expect(sent).toEqual(
        ['a@example.com', 'b@example.com', 'north@example.com'].flatMap((to) => [1, 2, 3].map(() => `sales-2026-11-30.xlsx → ${to}`)),
      );
      const slots = await one.context.deliveries.list({ name: 'hourly-sales' });
      expect([...new Set(slots.map((d) => d.slot.toISOString()))].sort()).toEqual([
        '2026-11-30T06:00:00.000Z',
        '2026-11-30T07:00:00.000Z',
        '2026-11-30T08:00:00.000Z',
      ]);
      const log = await one.context.deliveries.list({ name: 'hourly-sales' });
      expect(log).toHaveLength(9);
      expect(log.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
      // XLSX really is a workbook (zip) with the recipient's numbers rendered in.
      expect(fx.sink.mails[0]?.attachments[0]?.content.subarray(0, 2).toString()).toBe('PK');
    });

    it('instances restarted after downtime resend nothing and send each missed slot once (catch-up: all)', async () => {
      const before = fx.sink.mails.length;
      const sentBefore = (await (await fx.open(() => new Date())).context.deliveries.list({ name: 'hourly-sales', limit: 1000 })).length;
      // Both instances were stopped after 08:00 and come back at 10:30: 09:00 and 10:00 were missed.
      const time = clock('2026-11-30T10:30:00Z');
      const one = await fx.open(time.now);
      const two = await fx.open(time.now);
      await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
      const fresh = fx.sink.mails.slice(before);
      expect(fresh).toHaveLength(6);
      const log = await one.context.deliveries.list({ name: 'hourly-sales', limit: 1000 });
      expect(log).toHaveLength(sentBefore + 6);
      expect(log.filter((d) => d.slot.toISOString() === '2026-11-30T06:00:00.000Z').every((d) => d.attempts === 1)).toBe(true);
      expect([...new Set(log.map((d) => d.slot.toISOString()))].sort().slice(-2)).toEqual([
        '2026-11-30T09:00:00.000Z',
        '2026-11-30T10:00:00.000Z',
      ]);
    });

    it('takes over a delivery whose instance died holding the lease, once the lease expires', async () => {
      const time = clock('2026-11-30T11:00:10Z');
      const dying = await fx.open(time.now);
      const survivor = await fx.open(time.now);
      // The dying instance enumerates and claims, then "crashes" before sending.
      await dying.context.deliveries.enqueue(
        [{ kind: 'schedule', name: 'hourly-sales', slot: new Date('2026-11-30T11:00:00Z'), recipient: 'a@example.com' }],
        time.at,
      );
      const id = deliveryId('schedule', 'hourly-sales', new Date('2026-11-30T11:00:00Z'), 'a@example.com');
      expect(await dying.context.deliveries.claim(id, time.at, 60_000)).toBe(true);
      expect(await survivor.context.deliveries.claim(id, time.at, 60_000)).toBe(false);
      const before = fx.sink.mails.length;
      time.set('2026-11-30T11:02:00Z');
      const outcome = (await survivor.scheduler.tick()).find((o) => o.id === id);
      expect(outcome?.status).toBe('sent');
      expect(fx.sink.mails.slice(before).filter((m) => m.to[0] === 'a@example.com')).toHaveLength(1);
      // The dead instance's late "success" cannot overwrite the survivor's record.
      await dying.context.deliveries.succeed(id, time.at, { stale: true });
      expect((await survivor.context.deliveries.get(id))?.detail.stale).toBeUndefined();
    });
  });
}
