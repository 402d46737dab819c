/**
 * @module A firing alert as a message: what crossed which line, the numbers, and a link to the
 * dashboard filtered to the cause; and the all-clear sent when it re-arms.
 */
import type { Project } from '../../project/open-project.js';
import type { OutgoingMessage } from '../channels/delivery-channel.js';
import { dashboardLink } from '../delivery/dashboard-link.js';
import { escapeHtml, localTime, word } from '../delivery/delivery-words.js';
import type { ResolvedRecipient } from '../delivery/recipients.js';
import type { AlertConfig } from '../schedule-types.js';
import type { AlertReading } from './evaluate-alert.js';

export function alertLink(project: Project, alert: AlertConfig, reading: AlertReading): string {
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(alert.parameters ?? {})) extra[k] = Array.isArray(v) ? v.join(',') : String(v);
  if (reading.periodParameter && reading.range) extra[reading.periodParameter] = reading.range;
  return dashboardLink(project.config, alert.report, {}, extra);
}

export function alertTitle(alert: AlertConfig): string {
  return alert.title ?? `${alert.measure}: ${alert.condition.type}`;
}

/** One alert e-mail: the body's frame and the envelope both messages share. */
function alertEnvelope(
  alert: AlertConfig,
  delivery: { id: string; slot: Date },
  recipient: ResolvedRecipient,
  parts: { subject: string; body: readonly string[]; text: string; link: string; data: Record<string, unknown> },
): OutgoingMessage {
  return {
    id: delivery.id,
    kind: 'alert',
    name: alert.name,
    slot: delivery.slot,
    recipient: recipient.key,
    address: recipient.address,
    subject: parts.subject,
    html: [
      '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">',
      ...parts.body,
      '</body></html>',
    ].join(''),
    text: parts.text,
    link: parts.link,
    attachments: [],
    data: parts.data,
  };
}

export function alertMessage(
  project: Project,
  alert: AlertConfig,
  delivery: { id: string; slot: Date },
  recipient: ResolvedRecipient,
  reading: AlertReading,
): OutgoingMessage {
  const locale = project.config.locale ?? 'en';
  const title = alertTitle(alert);
  const link = alertLink(project, alert, reading);
  const since = localTime(delivery.slot, project.config.timezone ?? 'UTC');
  const series = reading.series?.map((s) => `${s.period}: ${s.value ?? '—'}`) ?? [];
  const scope = alert.scope
    ? Object.entries(alert.scope)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')
    : '';
  return alertEnvelope(alert, delivery, recipient, {
    subject: `${word(locale, 'alertFiring')}: ${title}`,
    body: [
      `<h2 style="margin:0 0 8px;color:#b42318">${escapeHtml(word(locale, 'alertFiring'))}: ${escapeHtml(title)}</h2>`,
      `<p><b>${escapeHtml(reading.reason)}</b></p>`,
      series.length ? `<ul>${series.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '',
      scope ? `<p style="color:#555">${escapeHtml(word(locale, 'scope'))}: ${escapeHtml(scope)}</p>` : '',
      `<p style="color:#555">${escapeHtml(since)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(word(locale, 'openDashboard'))}</a></p>`,
    ],
    text: [`${title}`, reading.reason, ...series, scope, link].filter(Boolean).join('\n'),
    link,
    data: { alert: alert.name, title, report: alert.report, panel: alert.panel ?? null, reading, link },
  });
}

/** The all-clear: the alert that fired (since when) no longer holds, with today's reading. */
export function alertClearedMessage(
  project: Project,
  alert: AlertConfig,
  delivery: { id: string; slot: Date },
  recipient: ResolvedRecipient,
  reading: AlertReading,
  firingSince: Date | null,
): OutgoingMessage {
  const locale = project.config.locale ?? 'en';
  const timezone = project.config.timezone ?? 'UTC';
  const title = alertTitle(alert);
  const link = alertLink(project, alert, reading);
  const subject = `${word(locale, 'alertCleared')}: ${title}`;
  const span = [
    firingSince ? `${word(locale, 'firingSince')} ${localTime(firingSince, timezone)}` : '',
    `${word(locale, 'clearedAt')} ${localTime(delivery.slot, timezone)}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return alertEnvelope(alert, delivery, recipient, {
    subject,
    body: [
      `<h2 style="margin:0 0 8px;color:#067647">${escapeHtml(subject)}</h2>`,
      `<p>${escapeHtml(word(locale, 'clearedNote'))}</p>`,
      `<p><b>${escapeHtml(reading.reason)}</b></p>`,
      `<p style="color:#555">${escapeHtml(span)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(word(locale, 'openDashboard'))}</a></p>`,
    ],
    text: [subject, word(locale, 'clearedNote'), reading.reason, span, link].join('\n'),
    link,
    data: {
      alert: alert.name,
      title,
      report: alert.report,
      panel: alert.panel ?? null,
      cleared: true,
      firingSince: firingSince?.toISOString() ?? null,
      reading,
      link,
    },
  });
}
