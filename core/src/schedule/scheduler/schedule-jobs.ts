/**
 * @module Scheduled reports as a job kind: each due slot becomes one log row per recipient; a
 * claimed row is rendered under that recipient's scope and sent through the schedule's channel.
 * `runScheduleNow` is the same path by hand (`vitrina schedule run`), logged like any slot.
 */
import { UNRESTRICTED_VIEWER } from '../../access/viewer.js';
import { didYouMean, VitrinaError } from '../../errors/index.js';
import { DeliveryError } from '../channels/delivery-channel.js';
import { type ResolvedRecipient, recipientKey, resolveRecipient } from '../delivery/recipients.js';
import { reportMessage } from '../delivery/report-message.js';
import type { ScheduleConfig } from '../schedule-types.js';
import type { Delivery } from '../store/delivery-log.js';
import { type JobContext, zoneOf } from './job-context.js';
import type { AttemptOutcome, JobKind, Scheduler } from './scheduler.js';
import { withDueSlots } from './slot-plan.js';

/** The log key of a delivery with no recipients (a folder or webhook): the unrestricted view. */
export const EVERYONE = '*';

export function findSchedule(ctx: Pick<JobContext, 'project'>, name: string): ScheduleConfig {
  const all = ctx.project.config.schedules ?? [];
  const found = all.find((s) => s.name === name);
  if (!found)
    throw new VitrinaError('SCHEDULE_NOT_FOUND', `no schedule '${name}'`, {
      hint: didYouMean(
        name,
        all.map((s) => s.name),
        'schedules:',
      ),
    });
  return found;
}

function recipientKeys(s: ScheduleConfig): string[] {
  return s.recipients?.length ? s.recipients.map(recipientKey) : [EVERYONE];
}

async function recipientFor(ctx: JobContext, s: ScheduleConfig, key: string): Promise<ResolvedRecipient> {
  if (key === EVERYONE) return { key, viewer: UNRESTRICTED_VIEWER };
  const configured = s.recipients?.find((r) => recipientKey(r) === key);
  return resolveRecipient(configured ?? key, ctx.users);
}

export async function deliverSchedule(
  ctx: JobContext,
  d: Pick<Delivery, 'id' | 'name' | 'slot' | 'recipient'>,
): Promise<Record<string, unknown>> {
  let schedule: ScheduleConfig;
  try {
    schedule = findSchedule(ctx, d.name);
  } catch (error) {
    throw new DeliveryError(`schedule '${d.name}' is no longer in the config`, { retryable: false, cause: error });
  }
  const recipient = await recipientFor(ctx, schedule, d.recipient);
  const channel = ctx.channels.get(schedule.channel);
  const message = await reportMessage(ctx, schedule, d, recipient);
  const sent = await channel.send(message);
  return {
    ...sent,
    channel: channel.type,
    subject: message.subject,
    link: message.link,
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, bytes: a.content.length })),
  };
}

export function scheduleJobs(ctx: JobContext): JobKind {
  return {
    kind: 'schedule',
    async enumerate(now) {
      for (const s of ctx.project.config.schedules ?? []) {
        if (s.enabled === false) continue;
        const job = {
          key: `schedule:${s.name}`,
          cron: s.cron,
          timezone: zoneOf(ctx.project, s),
          catchUp: s.catchUp ?? 'latest',
          graceMs: (s.graceMinutes ?? 15) * 60_000,
        } as const;
        const keys = recipientKeys(s);
        await withDueSlots(ctx.deliveries, job, now, (plan) =>
          ctx.deliveries
            .enqueue(
              [
                ...plan.run.flatMap((slot) => keys.map((recipient) => ({ kind: 'schedule' as const, name: s.name, slot, recipient }))),
                ...plan.skipped.flatMap((slot) =>
                  keys.map((recipient) => ({
                    kind: 'schedule' as const,
                    name: s.name,
                    slot,
                    recipient,
                    status: 'skipped' as const,
                    error: `missed while Vitrina was not running (catch-up policy: ${s.catchUp ?? 'latest'})`,
                  })),
                ),
              ],
              now,
            )
            .then(() => {}),
        );
      }
    },
    perform: (d) => deliverSchedule(ctx, d),
    retry: (d) => (ctx.project.config.schedules ?? []).find((s) => s.name === d.name)?.retry,
  };
}

/** Sends a schedule now (to its recipients, or to `to` instead), through the log; failures are retried later like any slot. */
export async function runScheduleNow(
  ctx: JobContext,
  scheduler: Scheduler,
  name: string,
  options: { to?: string[] } = {},
): Promise<AttemptOutcome[]> {
  const schedule = findSchedule(ctx, name);
  const slot = scheduler.now();
  const keys = options.to?.length ? options.to.map((t) => t.trim().toLowerCase()) : recipientKeys(schedule);
  await ctx.deliveries.enqueue(
    keys.map((recipient) => ({ kind: 'schedule' as const, name, slot, recipient, detail: { manual: true } })),
    slot,
  );
  const outcomes: AttemptOutcome[] = [];
  for (const key of keys) {
    const d = await ctx.deliveries.get(`schedule:${name}:${slot.getTime()}:${key}`);
    if (d) outcomes.push(await scheduler.attempt(d));
  }
  return outcomes;
}
