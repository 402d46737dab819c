/**
 * @module Which slots of a cron job to act on at a tick: those since the last slot any instance
 * enumerated (the mark in the store). Slots later than the grace period were missed while
 * Vitrina was down and follow the catch-up policy: all of them, only the latest, or none (the
 * skipped ones are still logged). The first start of a job only sets the mark: no back-filling.
 */

import { slotsBetween } from '../cron-slots.js';
import type { CatchUpPolicy } from '../schedule-types.js';
import type { DeliveryLog } from '../store/delivery-log.js';

export interface SlotPlan {
  run: Date[];
  skipped: Date[];
}

export interface CronJob {
  key: string;
  cron: string;
  timezone: string;
  catchUp: CatchUpPolicy;
  graceMs: number;
}

export function planSlots(slots: Date[], now: Date, catchUp: CatchUpPolicy, graceMs: number): SlotPlan {
  const onTime = slots.filter((s) => now.getTime() - s.getTime() <= graceMs);
  const missed = slots.filter((s) => now.getTime() - s.getTime() > graceMs);
  if (catchUp === 'all' || !missed.length) return { run: slots, skipped: [] };
  if (catchUp === 'latest' && !onTime.length) return { run: missed.slice(-1), skipped: missed.slice(0, -1) };
  return { run: onTime, skipped: missed };
}

/** The slots due at `now`; advances the mark (forward only, so racing instances agree). */
export async function dueSlots(log: DeliveryLog, job: CronJob, now: Date): Promise<SlotPlan> {
  const mark = await log.mark(job.key);
  await log.advanceMark(job.key, now);
  if (!mark) return { run: [], skipped: [] };
  return planSlots(slotsBetween(job.cron, job.timezone, mark, now), now, job.catchUp, job.graceMs);
}
