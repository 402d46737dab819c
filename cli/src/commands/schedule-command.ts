/**
 * @module `vitrina schedule list|run|log`: what is scheduled and when it goes next, sending one
 * now (to its recipients or `--to` an address), and the delivery log with failures' reasons.
 */
import { VitrinaError } from '@vitrina/core';
import { findSchedule, nextSlot, recipientKey, runScheduleNow } from '@vitrina/core/schedule';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
import { printError } from '../output/print-problems.js';
import { printJson, printTable, withScheduler } from './schedule-session.js';
import { parseNow } from './shared-options.js';

export async function scheduleListCommand(options: { config?: string; json?: boolean }): Promise<number> {
  return withScheduler(options, async (project, running) => {
    const now = running.scheduler.now();
    const rows = [];
    for (const s of project.config.schedules ?? []) {
      const last = await running.context.deliveries.list({ kind: 'schedule', name: s.name, limit: 20 });
      const zone = s.timezone ?? project.config.timezone ?? 'UTC';
      rows.push({
        name: s.name,
        cron: s.cron,
        timezone: zone,
        report: s.report,
        format: s.format ?? 'pdf',
        channel: s.channel?.type ?? 'email',
        recipients: (s.recipients ?? []).map(recipientKey),
        enabled: s.enabled !== false,
        next: s.enabled === false ? null : (nextSlot(s.cron, zone, now)?.toISOString() ?? null),
        last: last.slice(0, 5).map((d) => ({ slot: d.slot.toISOString(), recipient: d.recipient, status: d.status, error: d.error })),
      });
    }
    if (options.json)
      printJson({ schedules: rows, problems: running.problems.map((p) => ({ pointer: p.location.pointer, message: p.message })) });
    else {
      if (!rows.length) process.stdout.write('no schedules in the config\n');
      else
        printTable([
          ['NAME', 'NEXT', 'REPORT', 'FORMAT', 'CHANNEL', 'RECIPIENTS', 'LAST'],
          ...rows.map((r) => [
            r.name,
            r.enabled ? (r.next ?? '—') : 'disabled',
            r.report,
            r.format,
            r.channel,
            String(r.recipients.length || '—'),
            r.last[0] ? `${r.last[0].status} ${r.last[0].slot}` : '—',
          ]),
        ]);
      for (const p of running.problems) printError(p);
    }
    return running.problems.length ? EXIT_USER_ERROR : EXIT_OK;
  });
}

export async function scheduleRunCommand(name: string, options: { config?: string; to?: string[]; now?: string }): Promise<number> {
  const now = parseNow(options.now);
  return withScheduler({ config: options.config, now }, async (project, running) => {
    findSchedule({ project }, name);
    const problem = running.problems.find((p) =>
      p.location.pointer?.startsWith(`/schedules/${(project.config.schedules ?? []).findIndex((s) => s.name === name)}/`),
    );
    if (problem) throw problem;
    const outcomes = await runScheduleNow(running.context, running.scheduler, name, { to: options.to });
    for (const o of outcomes) {
      const to = o.id.split(':').slice(3).join(':');
      if (o.status === 'sent') process.stdout.write(`sent   ${to}${o.detail?.subject ? ` — ${String(o.detail.subject)}` : ''}\n`);
      else
        process.stderr.write(
          `${o.status === 'retry' ? 'RETRY' : 'FAILED'} ${to}: ${o.error}${o.status === 'retry' ? ' (serve retries it)' : ''}\n`,
        );
    }
    return outcomes.every((o) => o.status === 'sent') ? EXIT_OK : EXIT_USER_ERROR;
  });
}

export async function scheduleLogCommand(
  name: string | undefined,
  options: { config?: string; limit?: string; json?: boolean },
): Promise<number> {
  const limit = Number(options.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1) throw new VitrinaError('USAGE', `--limit must be a positive integer, not '${options.limit}'`);
  return withScheduler(options, async (_project, running) => {
    const rows = await running.context.deliveries.list({ name, limit });
    if (options.json) printJson(rows);
    else if (!rows.length) process.stdout.write('the delivery log is empty\n');
    else
      printTable([
        ['SLOT', 'KIND', 'NAME', 'RECIPIENT', 'STATUS', 'TRIES', 'ERROR'],
        ...rows.map((d) => [d.slot.toISOString(), d.kind, d.name, d.recipient, d.status, String(d.attempts), d.error ?? '']),
      ]);
    return EXIT_OK;
  });
}
