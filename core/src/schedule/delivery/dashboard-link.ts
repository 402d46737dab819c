/**
 * @module The dashboard link of a delivery: the same report with the same parameters, periods
 * written as the resolved range (`2026-10-01..2026-10-31`), so the link shows the numbers that
 * were sent even after "last month" has moved on. Absolute when `server.publicUrl` is set.
 */
import type { ProjectConfig } from '../../config/project-config.js';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function publicUrl(config: ProjectConfig): string | undefined {
  const url = (config.server as { publicUrl?: unknown } | undefined)?.publicUrl;
  return typeof url === 'string' && url ? url.replace(/\/+$/, '') : undefined;
}

/** `parameters` are resolved ones (`ReportOutput.parameters`); `extra` wins (e.g. a filter to the cause). */
export function dashboardLink(
  config: ProjectConfig,
  report: string,
  parameters: Record<string, unknown>,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams();
  for (const [id, value] of Object.entries(parameters)) {
    if (id in extra || value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) query.append(id, String(v));
    else if (typeof value === 'object') {
      const p = value as { start?: string; end?: string };
      if (p.start && p.end) query.set(id, `${p.start}..${addDays(p.end, -1)}`);
    } else query.set(id, String(value));
  }
  for (const [id, value] of Object.entries(extra)) query.set(id, value);
  const search = query.toString();
  return `${publicUrl(config) ?? ''}/d/${encodeURIComponent(report)}${search ? `?${search}` : ''}`;
}
