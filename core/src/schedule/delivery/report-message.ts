/**
 * @module One recipient's scheduled report as a message: the report rendered under their row
 * scope with "now" at the slot (so "last month" means the month before the slot, also when a
 * missed slot is caught up later), the headline KPIs in the body, a link to the same view, and
 * the file attached. Any failed panel fails the delivery: a broken report is never mailed.
 */
import type { Project } from '../../project/open-project.js';
import type { BrowserPool } from '../../render/pdf/browser-pool.js';
import { isPanelError } from '../../result/result-set.js';
import { DeliveryError, type OutgoingMessage } from '../channels/delivery-channel.js';
import type { ScheduleConfig } from '../schedule-types.js';
import { dashboardLink } from './dashboard-link.js';
import { escapeHtml, word } from './delivery-words.js';
import { type HeadlineKpi, headlineKpis } from './headline-kpis.js';
import type { ResolvedRecipient } from './recipients.js';
import { reportAttachments } from './report-attachment.js';

export interface MessageContext {
  project: Project;
  printer: () => BrowserPool;
}

function kpiLine(k: HeadlineKpi, locale: 'en' | 'ru'): string {
  const parts = [k.text];
  if (k.changeText) parts.push(`${k.changeText} ${word(locale, 'vsPrevious')}`);
  if (k.attainmentText) parts.push(`${k.attainmentText} ${word(locale, 'ofPlan')}`);
  return parts.join(', ');
}

export function messageHtml(
  title: string,
  lines: [string, string][],
  kpis: HeadlineKpi[],
  link: string | undefined,
  locale: 'en' | 'ru',
  note: string,
): string {
  const rows = kpis
    .map(
      (k) =>
        `<tr><td style="padding:4px 12px 4px 0;color:#555">${escapeHtml(k.title)}</td><td style="padding:4px 0"><b>${escapeHtml(kpiLine(k, locale))}</b></td></tr>`,
    )
    .join('');
  const params = lines.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join(' · ');
  return [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">',
    `<h2 style="margin:0 0 4px">${escapeHtml(title)}</h2>`,
    params ? `<p style="margin:0 0 12px;color:#555">${params}</p>` : '',
    rows ? `<table style="border-collapse:collapse">${rows}</table>` : '',
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(word(locale, 'openDashboard'))}</a></p>` : '',
    `<p style="color:#555">${escapeHtml(note)}</p>`,
    '</body></html>',
  ].join('');
}

export async function reportMessage(
  ctx: MessageContext,
  schedule: ScheduleConfig,
  delivery: { id: string; slot: Date },
  recipient: ResolvedRecipient,
): Promise<OutgoingMessage> {
  const { project } = ctx;
  const locale = schedule.locale ?? project.config.locale ?? 'en';
  const parameters = schedule.parameters ?? {};
  const output = await project.engine.render(schedule.report, { parameters, viewer: recipient.viewer, now: delivery.slot, locale });
  const failed = output.panels.filter(isPanelError);
  if (failed.length)
    throw new DeliveryError(
      `report '${schedule.report}' did not render for ${recipient.key}: ${failed.map((p) => `panel '${p.id}': ${p.error.message}`).join('; ')}`,
      { retryable: true, hint: 'nothing was sent; the delivery is retried, and `vitrina render` shows the same error' },
    );
  const def = project.engine.report(schedule.report);
  const { parameterLines } = await import('../../render/export/parameter-lines.js');
  const lines = parameterLines(def, output.parameters, locale);
  const kpis = headlineKpis(def, output, project.config.currency);
  const link = dashboardLink(project.config, schedule.report, output.parameters);
  const format = schedule.format ?? 'pdf';
  const attachments = await reportAttachments({
    project,
    def,
    output,
    parameters,
    viewer: recipient.viewer,
    now: delivery.slot,
    format,
    panels: schedule.panels,
    printer: ctx.printer,
  });
  if (!attachments.length)
    throw new DeliveryError(`report '${schedule.report}' produced no ${format} file`, {
      retryable: false,
      hint: 'check the schedule\'s "panels"',
    });
  const period = lines.find(([, v]) => /\d{4}-\d{2}-\d{2}/.test(v))?.[1];
  const channelSubject = schedule.channel?.type === 'email' ? schedule.channel.subject : undefined;
  const subject = schedule.subject ?? channelSubject ?? (period ? `${output.title} — ${period}` : output.title);
  const note = word(locale, 'attached');
  const text = [
    output.title,
    ...lines.map(([k, v]) => `${k}: ${v}`),
    '',
    ...kpis.map((k) => `${k.title}: ${kpiLine(k, locale)}`),
    '',
    link,
    note,
  ].join('\n');
  return {
    id: delivery.id,
    kind: 'schedule',
    name: schedule.name,
    slot: delivery.slot,
    recipient: recipient.key,
    address: recipient.address,
    subject,
    html: messageHtml(output.title, lines, kpis, link, locale, note),
    text,
    link,
    attachments,
    data: { report: schedule.report, title: output.title, parameters: output.parameters, kpis, format },
  };
}
