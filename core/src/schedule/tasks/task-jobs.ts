/**
 * @module Control tasks as a job kind: each cron slot opens a task instance (missed slots too —
 * a control that was due is still due); an open task past its due time is escalated once to the
 * named user through the task's channel. A task done before its escalation went out is not
 * escalated.
 */
import { didYouMean, VitrinaError } from '../../errors/index.js';
import type { OutgoingMessage } from '../channels/delivery-channel.js';
import { DeliveryError } from '../channels/delivery-channel.js';
import { parseDuration } from '../cron-slots.js';
import { dashboardLink } from '../delivery/dashboard-link.js';
import { escapeHtml, localTime, word } from '../delivery/delivery-words.js';
import { recipientKey, resolveRecipient } from '../delivery/recipients.js';
import type { TaskConfig } from '../schedule-types.js';
import { type JobContext, zoneOf } from '../scheduler/job-context.js';
import type { JobKind } from '../scheduler/scheduler.js';
import { withDueSlots } from '../scheduler/slot-plan.js';
import type { Delivery } from '../store/delivery-log.js';
import { TaskList, type TaskView, taskId } from './task-list.js';

export function findTask(ctx: Pick<JobContext, 'project'>, name: string): TaskConfig {
  const all = ctx.project.config.tasks ?? [];
  const found = all.find((t) => t.name === name);
  if (!found)
    throw new VitrinaError('TASK_NOT_FOUND', `no task '${name}' in the config`, {
      hint: didYouMean(
        name,
        all.map((t) => t.name),
        'tasks:',
      ),
    });
  return found;
}

function escalationMessage(ctx: JobContext, task: TaskView, d: Delivery, address: string | undefined): OutgoingMessage {
  const locale = ctx.project.config.locale ?? 'en';
  const tz = ctx.project.config.timezone ?? 'UTC';
  const subject = `${word(locale, 'overdue')}: ${task.title} (${task.owner})`;
  const items = task.checklist.map((c) => `<li>${escapeHtml(c)}</li>`).join('');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">',
    `<h2 style="margin:0 0 8px;color:#b42318">${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(word(locale, 'owner'))}: <b>${escapeHtml(task.owner)}</b> · ${escapeHtml(word(locale, 'due'))}: ${escapeHtml(localTime(task.dueAt, tz))}</p>`,
    items ? `<p>${escapeHtml(word(locale, 'checklist'))}:</p><ul>${items}</ul>` : '',
    task.link ? `<p><a href="${escapeHtml(task.link)}">${escapeHtml(word(locale, 'openDashboard'))}</a></p>` : '',
    `<p style="color:#555">${escapeHtml(task.id)}</p>`,
    '</body></html>',
  ].join('');
  return {
    id: d.id,
    kind: 'task',
    name: d.name,
    slot: d.slot,
    recipient: d.recipient,
    address,
    subject,
    html,
    text: [
      subject,
      `${word(locale, 'due')}: ${localTime(task.dueAt, tz)}`,
      ...task.checklist.map((c) => `- ${c}`),
      task.link ?? '',
      task.id,
    ].join('\n'),
    ...(task.link ? { link: task.link } : {}),
    attachments: [],
    data: { task },
  };
}

export function taskJobs(ctx: JobContext): JobKind {
  const tasks = () => new TaskList(ctx.deliveries.db);
  return {
    kind: 'task',
    async enumerate(now) {
      for (const t of ctx.project.config.tasks ?? []) {
        if (t.enabled === false) continue;
        const dueMs = parseDuration(t.due, '/tasks');
        const link = t.report
          ? dashboardLink(
              ctx.project.config,
              t.report,
              {},
              Object.fromEntries(Object.entries(t.parameters ?? {}).map(([k, v]) => [k, String(v)])),
            )
          : undefined;
        const job = { key: `task:${t.name}`, cron: t.cron, timezone: zoneOf(ctx.project, t), catchUp: 'all', graceMs: 0 } as const;
        await withDueSlots(ctx.deliveries, job, now, async (plan) => {
          for (const slot of plan.run.slice(-50))
            await tasks().open({
              id: taskId(t.name, slot),
              name: t.name,
              title: t.title ?? t.name,
              owner: t.owner.toLowerCase(),
              openedAt: slot,
              dueAt: new Date(slot.getTime() + dueMs),
              checklist: t.checklist,
              link,
            });
        });
      }
      for (const task of await tasks().overdueUnescalated(now)) {
        const config = (ctx.project.config.tasks ?? []).find((t) => t.name === task.name);
        if (!config?.escalateTo) continue;
        // Recorded before it is marked: a crash in between records it again (same log id), never loses it.
        await ctx.deliveries.enqueue(
          [{ kind: 'task', name: task.name, slot: task.dueAt, recipient: recipientKey(config.escalateTo), detail: { task: task.id } }],
          now,
        );
        await tasks().markEscalated(task.id, now);
      }
    },
    async perform(d, now) {
      const task = await tasks().get(String(d.detail.task), now);
      if (!task) throw new DeliveryError(`task ${String(d.detail.task)} no longer exists`, { retryable: false });
      if (task.status === 'done') return { skipped: `done by ${task.doneBy} before the escalation went out` };
      const config = (ctx.project.config.tasks ?? []).find((t) => t.name === d.name);
      const recipient = await resolveRecipient(d.recipient, ctx.users);
      const channel = ctx.channels.get(config?.channel);
      const message = escalationMessage(ctx, task, d, recipient.address);
      return { ...(await channel.send(message)), channel: channel.type, subject: message.subject };
    },
    retry: () => undefined,
  };
}
