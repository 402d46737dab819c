/**
 * @module The active alerts a request may see, for the index page and a dashboard: firing alerts
 * from the state store (the scheduler keeps them current), only of reports the principal may
 * open and within the viewer's row scope. A store that cannot be read hides the alerts (logged),
 * it never breaks the page.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { activeAlerts } from '../schedule/alerts/active-alerts.js';
import { alertInScope } from '../schedule/alerts/alert-panels.js';
import type { ActiveAlert } from '../schedule/alerts/alert-states.js';
import { publicUrl } from '../schedule/delivery/dashboard-link.js';
import type { ScheduleTables } from '../schedule/store/schedule-tables.js';
import type { AppEnv } from './app-state.js';
import { canOpenReport, requestViewer } from './auth/report-access.js';

export async function visibleAlerts(
  c: Context<AppEnv>,
  db: Kysely<ScheduleTables> | undefined,
  log: (message: string) => void,
  filter: { report?: string } = {},
): Promise<ActiveAlert[]> {
  if (!db) return [];
  const project = c.get('project');
  let alerts: ActiveAlert[];
  try {
    alerts = await activeAlerts(project, { db }, filter);
  } catch (error) {
    log(`active alerts could not be read from the state store: ${(error as Error).message}`);
    return [];
  }
  const viewer = requestViewer(c);
  // Links on this server's own pages stay relative (the mailed ones carry server.publicUrl).
  const base = publicUrl(project.config);
  return alerts
    .filter((a) => {
      const def = project.definitions.reports.get(a.report)?.definition;
      return def !== undefined && canOpenReport(c, def) && alertInScope(a, viewer);
    })
    .map((a) => (base && a.link.startsWith(`${base}/`) ? { ...a, link: a.link.slice(base.length) } : a));
}
