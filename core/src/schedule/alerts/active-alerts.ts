/**
 * @module The API the server calls for active alerts: the dashboard index shows them all, a
 * dashboard its own report's, and a panel the ones naming it. Reads the store only (cheap); the
 * scheduler keeps it current.
 */
import type { Project } from '../../project/open-project.js';
import type { ScheduleDatabase } from '../store/open-schedule-store.js';
import { alertLink, alertTitle } from './alert-message.js';
import { type ActiveAlert, AlertStates } from './alert-states.js';

export async function activeAlerts(
  project: Project,
  database: Pick<ScheduleDatabase, 'db'>,
  filter: { report?: string; panel?: string } = {},
): Promise<ActiveAlert[]> {
  const states = await new AlertStates(database.db).all();
  const out: ActiveAlert[] = [];
  for (const state of states) {
    const alert = (project.config.alerts ?? []).find((a) => a.name === state.name);
    // An alert removed from the config is no longer active, whatever its last state.
    if (!alert || alert.enabled === false || !state.firing || !state.reading || !state.since) continue;
    if (filter.report && alert.report !== filter.report) continue;
    if (filter.panel && alert.panel !== filter.panel) continue;
    out.push({
      name: alert.name,
      title: alertTitle(alert),
      report: alert.report,
      ...(alert.panel ? { panel: alert.panel } : {}),
      dataset: alert.dataset,
      measure: alert.measure,
      ...(alert.scope ? { scope: alert.scope } : {}),
      since: state.since,
      reason: state.reading.reason,
      value: state.reading.value,
      link: alertLink(project, alert, state.reading),
    });
  }
  return out.sort((a, b) => b.since.getTime() - a.since.getTime());
}
