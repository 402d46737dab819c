/** @module The admin page's HTML: definition health and the audit log, every value escaped. */
import type { AuditEntry } from '../../access/audit-log.js';
import { escapeHtml as e } from './html-escape.js';

export interface AdminPageInput {
  csrfToken?: string;
  problems: { where: string; message: string }[];
  reports: { id: string; stale: boolean }[];
  entries: AuditEntry[];
  since?: string;
  event?: string;
}

export function adminPage(input: AdminPageInput): string {
  const problems = input.problems.length
    ? `<ul class="problems">${input.problems.map((p) => `<li><code>${e(p.where)}</code> ${e(p.message)}</li>`).join('')}</ul>`
    : '<p>All definitions are valid.</p>';
  const stale = input.reports.filter((r) => r.stale);
  const rows = input.entries
    .map(
      (x) =>
        `<tr class="${x.ok ? 'ok' : 'fail'}"><td>${e(x.at.toISOString().replace('T', ' ').slice(0, 19))}</td><td>${e(x.event)}</td><td>${e(x.actor ?? '')}</td><td>${e(x.subject ?? '')}</td><td>${e(x.ip ?? '')}</td><td><code>${e(Object.keys(x.details).length ? JSON.stringify(x.details) : '')}</code></td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admin — Vitrina</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/auth/login.css">${input.csrfToken ? `<meta name="vitrina-csrf" content="${e(input.csrfToken)}">` : ''}</head>
<body><main class="admin"><p><a href="/">← Dashboards</a></p><h1>Admin</h1>
<h2>Definitions (${input.reports.length} serving${stale.length ? `, ${stale.length} on their last good version: ${stale.map((r) => e(r.id)).join(', ')}` : ''})</h2>
${problems}
<h2>Audit log</h2>
<form method="get" action="/admin"><label>Since <input name="since" value="${e(input.since ?? '')}" placeholder="24h, 7d or 2026-11-01"></label>
<label>Event <input name="event" value="${e(input.event ?? '')}" placeholder="login_failed"></label><button type="submit">Show</button></form>
<table class="audit"><thead><tr><th>Time (UTC)</th><th>Event</th><th>Who</th><th>Subject</th><th>Address</th><th>Details</th></tr></thead><tbody>${rows}</tbody></table>
</main></body></html>`;
}

export const ADMIN_CSS = `.admin{max-width:1200px;margin:24px auto;padding:24px;background:#fff;border-radius:12px}
.admin form{display:flex;gap:12px;align-items:end;margin-bottom:12px}.admin form label{margin:0}.admin form button{width:auto;padding:10px 16px}
.audit{width:100%;border-collapse:collapse;font-size:13px}.audit th,.audit td{text-align:left;padding:4px 6px;border-top:1px solid #eef1f5;vertical-align:top}
.audit tr.fail td:nth-child(2){color:#a21b1b;font-weight:600}.problems li{margin:4px 0}`;
