import { describe, expect, it } from 'vitest';
import { cronProblem, latestSlot, slotsBetween } from '../cron-slots.js';
import { nextAttempt } from './retry-policy.js';
import { planSlots } from './slot-plan.js';

const at = (iso: string) => new Date(iso);

describe('cron slots', () => {
  it('reads the cron fields in the schedule time zone', () => {
    const slots = slotsBetween('0 9 * * 1', 'Europe/Moscow', at('2026-11-01T00:00:00Z'), at('2026-11-30T06:00:00Z'));
    expect(slots.map((s) => s.toISOString())).toEqual([
      '2026-11-02T06:00:00.000Z',
      '2026-11-09T06:00:00.000Z',
      '2026-11-16T06:00:00.000Z',
      '2026-11-23T06:00:00.000Z',
      '2026-11-30T06:00:00.000Z',
    ]);
    expect(latestSlot('0 9 * * 1', 'Europe/Moscow', at('2026-11-30T06:00:00Z'))?.toISOString()).toBe('2026-11-30T06:00:00.000Z');
  });

  it('keeps the wall-clock hour across a DST change', () => {
    const slots = slotsBetween('0 9 * * *', 'Europe/Berlin', at('2026-10-24T00:00:00Z'), at('2026-10-26T23:00:00Z'));
    expect(slots.map((s) => s.toISOString())).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('explains a bad expression', () => {
    expect(cronProblem('61 * * * *', 'UTC')).toMatch(/minute/);
    expect(cronProblem('0 9 * * *', 'UTC')).toBeUndefined();
  });
});

describe('catch-up policy', () => {
  const slots = ['2026-11-16T06:00:00Z', '2026-11-23T06:00:00Z', '2026-11-30T06:00:00Z'].map(at);
  const grace = 15 * 60_000;
  it('on time: everything runs whatever the policy', () => {
    for (const p of ['all', 'latest', 'skip'] as const)
      expect(planSlots(slots.slice(2), at('2026-11-30T06:01:00Z'), p, grace)).toEqual({ run: slots.slice(2), skipped: [] });
  });
  it('after downtime: all, only the latest, or none', () => {
    const now = at('2026-11-30T09:00:00Z');
    expect(planSlots(slots, now, 'all', grace)).toEqual({ run: slots, skipped: [] });
    expect(planSlots(slots, now, 'latest', grace)).toEqual({ run: slots.slice(2), skipped: slots.slice(0, 2) });
    expect(planSlots(slots, now, 'skip', grace)).toEqual({ run: [], skipped: slots });
  });
  it('latest with an on-time slot skips the missed ones', () => {
    expect(planSlots(slots, at('2026-11-30T06:05:00Z'), 'latest', grace)).toEqual({ run: slots.slice(2), skipped: slots.slice(0, 2) });
  });
});

describe('retry backoff', () => {
  it('doubles up to the cap and stops after the attempts', () => {
    const now = at('2026-11-30T06:00:00Z');
    const policy = { attempts: 4, backoffSeconds: 60, maxBackoffSeconds: 150 };
    expect(nextAttempt(policy, 1, now)?.toISOString()).toBe('2026-11-30T06:01:00.000Z');
    expect(nextAttempt(policy, 2, now)?.toISOString()).toBe('2026-11-30T06:02:00.000Z');
    expect(nextAttempt(policy, 3, now)?.toISOString()).toBe('2026-11-30T06:02:30.000Z');
    expect(nextAttempt(policy, 4, now)).toBeUndefined();
  });
});
