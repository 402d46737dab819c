/**
 * @module Alerts as a job kind. Each cron slot of an alert is one evaluation row in the log
 * (recipient `(evaluate)`: one instance evaluates it); a switch from armed to firing enqueues one
 * notification per recipient, keyed by the moment it fired, so it is sent once however often it
 * is evaluated while still firing; when it clears, one "cleared" notification per recipient says
 * the problem is over, and it re-arms: the next firing notifies again.
 */
import { UNRESTRICTED_VIEWER } from '../../access/viewer.js';
import { didYouMean, VitrinaError } from '../../errors/index.js';
import { DeliveryError } from '../channels/delivery-channel.js';
import { recipientKey, resolveRecipient } from '../delivery/recipients.js';
import type { AlertConfig } from '../schedule-types.js';
import type { JobContext } from '../scheduler/job-context.js';
import { zoneOf } from '../scheduler/job-context.js';
import type { JobKind } from '../scheduler/scheduler.js';
import { withDueSlots } from '../scheduler/slot-plan.js';
import type { Delivery } from '../store/delivery-log.js';
import { alertClearedMessage, alertMessage } from './alert-message.js';
import { AlertStates } from './alert-states.js';
import { type AlertReading, evaluateAlert } from './evaluate-alert.js';

export const EVALUATE = '(evaluate)';

export function findAlert(ctx: Pick<JobContext, 'project'>, name: string): AlertConfig {
  const all = ctx.project.config.alerts ?? [];
  const found = all.find((a) => a.name === name);
  if (!found)
    throw new VitrinaError('ALERT_NOT_FOUND', `no alert '${name}'`, {
      hint: didYouMean(
        name,
        all.map((a) => a.name),
        'alerts:',
      ),
    });
  return found;
}

function known(ctx: JobContext, name: string): AlertConfig {
  try {
    return findAlert(ctx, name);
  } catch (error) {
    throw new DeliveryError(`alert '${name}' is no longer in the config`, { retryable: false, cause: error });
  }
}

/** Evaluates, stores the state, and enqueues notifications on a new firing. */
export async function evaluateAndRecord(ctx: JobContext, alert: AlertConfig, at: Date): Promise<{ reading: AlertReading; change: string }> {
  const reading = await evaluateAlert(ctx.project, alert, at);
  const states = new AlertStates(ctx.deliveries.db);
  const firingSince = (await states.get(alert.name))?.since ?? null;
  const change = await states.record(alert.name, reading, at, {
    report: alert.report,
    panel: alert.panel ?? null,
    title: alert.title ?? null,
  });
  if (change !== 'unchanged') {
    // One message per edge, keyed by the moment it happened: a firing, and the all-clear when it
    // re-arms, so recipients know the problem is over (the clearing's slot differs from the firing's).
    const keys = alert.recipients?.length ? alert.recipients.map(recipientKey) : ['*'];
    const detail = change === 'fired' ? { reading } : { reading, cleared: true, firingSince: firingSince?.getTime() ?? null };
    await ctx.deliveries.enqueue(
      keys.map((recipient) => ({ kind: 'alert' as const, name: alert.name, slot: at, recipient, detail })),
      at,
    );
  }
  return { reading, change };
}

async function notify(ctx: JobContext, d: Delivery): Promise<Record<string, unknown>> {
  const alert = known(ctx, d.name);
  const reading = d.detail.reading as AlertReading | undefined;
  if (!reading) throw new DeliveryError(`alert notification ${d.id} has no reading`, { retryable: false });
  const configured = alert.recipients?.find((r) => recipientKey(r) === d.recipient);
  const recipient =
    d.recipient === '*' ? { key: '*', viewer: UNRESTRICTED_VIEWER } : await resolveRecipient(configured ?? d.recipient, ctx.users);
  const channel = ctx.channels.get(alert.channel);
  const message =
    d.detail.cleared === true
      ? alertClearedMessage(
          ctx.project,
          alert,
          d,
          recipient,
          reading,
          typeof d.detail.firingSince === 'number' ? new Date(d.detail.firingSince) : null,
        )
      : alertMessage(ctx.project, alert, d, recipient, reading);
  return { ...(await channel.send(message)), channel: channel.type, subject: message.subject, link: message.link };
}

export function alertJobs(ctx: JobContext): JobKind {
  return {
    kind: 'alert',
    async enumerate(now) {
      for (const a of ctx.project.config.alerts ?? []) {
        if (a.enabled === false) continue;
        // Missed evaluations are not worth replaying: only the latest state matters.
        const job = { key: `alert:${a.name}`, cron: a.cron, timezone: zoneOf(ctx.project, a), catchUp: 'latest', graceMs: 0 } as const;
        await withDueSlots(ctx.deliveries, job, now, async (plan) => {
          await ctx.deliveries.enqueue(
            plan.run.map((slot) => ({ kind: 'alert' as const, name: a.name, slot, recipient: EVALUATE })),
            now,
          );
        });
      }
    },
    async perform(d) {
      if (d.recipient !== EVALUATE) return notify(ctx, d);
      const { reading, change } = await evaluateAndRecord(ctx, known(ctx, d.name), d.slot);
      return { fired: reading.fired, change, reason: reading.reason, value: reading.value };
    },
    retry: (d) => (ctx.project.config.alerts ?? []).find((a) => a.name === d.name)?.retry,
  };
}
