/**
 * Scheduled reports end to end on the demo project: a controllable clock fires the cron slot,
 * each recipient receives the PDF rendered under their own row scope (numbers checked against
 * the engine for that viewer and against the PDF's text), the mail body carries the headline
 * KPIs and a link with the same parameters; the slot goes out once, across a restart too, and
 * missed slots follow the catch-up policy.
 */
import { scopedViewer, UNRESTRICTED_VIEWER, type Viewer } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPool } from '../../core/src/render/pdf/browser-pool.js';
import { pdfText } from '../support/pdf-text.js';
import { addUsers, clock, type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

const executablePath = inject('vitrinaChromium');

const schedule = {
  name: 'monday-overview',
  cron: '0 9 * * 1',
  report: 'executive-overview',
  parameters: { period: 'last_month' },
  format: 'pdf',
  recipients: ['ceo@example.com', { user: 'ivanov' }, { address: 'north@example.com', attributes: { department_id: 2 } }],
  catchUp: 'latest',
};

describe.skipIf(!executablePath)('scheduled PDF reports', () => {
  let fx: ScheduleFixture;
  const pool = new BrowserPool({ executablePath });
  beforeAll(async () => {
    fx = await scheduleProject(() => ({ schedules: [schedule] }));
  });
  afterAll(async () => {
    await fx?.close();
    await pool.close();
  });

  async function revenueText(viewer: Viewer): Promise<string> {
    const output = await fx.project.engine.render('executive-overview', {
      parameters: { period: 'last_month' },
      viewer,
      now: new Date('2026-11-30T06:00:00Z'),
      locale: 'ru',
    });
    const panel = output.panels.find((p) => p.id === 'revenue');
    if (!panel || 'error' in panel) throw new Error('revenue panel failed');
    const value = panel.rows[0]?.[panel.columns.findIndex((c) => c.name === 'revenue')] as number;
    return new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 }).format(value);
  }

  it('sends each recipient their own slice at the slot, once', async () => {
    const time = clock('2026-11-30T05:50:00Z');
    const running = await fx.open(time.now, { printer: pool });
    await addUsers(running, [{ username: 'ivanov', role: 'manager', attributes: { manager_id: 3, email: 'ivanov@example.com' } }]);
    // First start: only remembers where it is, no back-fill.
    expect(await running.scheduler.tick()).toEqual([]);
    time.set('2026-11-30T06:00:20Z');
    const outcomes = await running.scheduler.tick();
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    expect(fx.sink.mails.map((m) => m.to[0]).sort()).toEqual(['ceo@example.com', 'ivanov@example.com', 'north@example.com']);

    const expected: Record<string, string> = {
      'ceo@example.com': await revenueText(UNRESTRICTED_VIEWER),
      'ivanov@example.com': await revenueText(scopedViewer({ manager_id: 3 })),
      'north@example.com': await revenueText(scopedViewer({ department_id: 2 })),
    };
    expect(new Set(Object.values(expected)).size).toBe(3);
    for (const mail of fx.sink.mails) {
      const revenue = expected[mail.to[0] as string] as string;
      expect(mail.subject).toMatch(/^Обзор|^Executive|—/);
      expect(mail.html).toContain(revenue);
      expect(mail.html).toContain('https://bi.example.com/d/executive-overview?period=2026-10-01..2026-10-31');
      expect(mail.attachments).toHaveLength(1);
      const pdf = mail.attachments[0];
      expect(pdf?.contentType).toBe('application/pdf');
      expect(pdf?.filename).toBe('executive-overview-2026-11-30.pdf');
      expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await pdfText(new Uint8Array(pdf?.content ?? []))).join('\n').replace(/\s+/g, ' ');
      // The PDF shows this recipient's number, not someone else's.
      expect(text).toContain(revenue.replace(/\s+/g, ' '));
      for (const [other, value] of Object.entries(expected))
        if (other !== mail.to[0]) expect(text).not.toContain(value.replace(/\s+/g, ' '));
    }
    // Ticking again in the same minute sends nothing more.
    time.set('2026-11-30T06:03:00Z');
    expect(await running.scheduler.tick()).toEqual([]);
    const log = await running.context.deliveries.list({ kind: 'schedule', name: 'monday-overview' });
    expect(log.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    expect(log[0]?.detail.attachments).toEqual([
      { filename: 'executive-overview-2026-11-30.pdf', contentType: 'application/pdf', bytes: expect.any(Number) },
    ]);
    await running.stop();
  });

  it('after a restart nothing is resent, and the latest missed slot is caught up while older ones are logged as skipped', async () => {
    const before = fx.sink.mails.length;
    // Down from 06:03 on Nov 30 until Dec 14 07:10 (Moscow 10:10): the Dec 7 and Dec 14 slots were missed.
    const time = clock('2026-12-14T07:10:00Z');
    const running = await fx.open(time.now, { printer: pool });
    const outcomes = await running.scheduler.tick();
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent']);
    const fresh = fx.sink.mails.slice(before);
    expect(fresh).toHaveLength(3);
    expect(fresh.every((m) => m.attachments[0]?.filename === 'executive-overview-2026-12-14.pdf')).toBe(true);
    // "last month" at the Dec 14 slot is November.
    expect(fresh[0]?.html).toContain('period=2026-11-01..2026-11-30');
    const log = await running.context.deliveries.list({ kind: 'schedule', name: 'monday-overview' });
    const bySlot = (iso: string) => log.filter((d) => d.slot.toISOString() === iso).map((d) => d.status);
    expect(bySlot('2026-11-30T06:00:00.000Z')).toEqual(['sent', 'sent', 'sent']);
    expect(bySlot('2026-12-07T06:00:00.000Z')).toEqual(['skipped', 'skipped', 'skipped']);
    expect(bySlot('2026-12-14T06:00:00.000Z')).toEqual(['sent', 'sent', 'sent']);
    expect(log.find((d) => d.status === 'skipped')?.error).toMatch(/missed while Vitrina was not running/);
    await running.stop();
  });
});
