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

/**
 * Runs `record` with the slots due at `now`, then advances the mark (forward only, so racing
 * instances agree). The mark moves only after the slots are recorded: a crash in between
 * enumerates them again, and the idempotent inserts make that harmless — no slot is lost.
 */
export async function withDueSlots(log: DeliveryLog, job: CronJob, now: Date, record: (plan: SlotPlan) => Promise<void>): Promise<void> {
  const mark = await log.mark(job.key);
  if (mark) await record(planSlots(slotsBetween(job.cron, job.timezone, mark, now), now, job.catchUp, job.graceMs));
  await log.advanceMark(job.key, now);
}
