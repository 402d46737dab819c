/**
 * @module Where an active alert shows: the panels of its report it affects, and whether a viewer
 * may see it at all. A rule naming a `panel` affects that panel; otherwise every panel of the
 * report that shows the rule's measure of the rule's dataset (as its measure, one of its measures,
 * or its plan target's).
 */
import type { Viewer } from '../../access/viewer.js';
import type { PanelDefinition, ReportDefinition } from '../../definition/report-definition.js';
import type { ActiveAlert } from './alert-states.js';

type AlertTarget = Pick<ActiveAlert, 'panel' | 'dataset' | 'measure'>;

function showsMeasure(panel: PanelDefinition, dataset: string, measure: string): boolean {
  if (panel.dataset === dataset && (panel.measure === measure || panel.measures?.includes(measure))) return true;
  return panel.target?.dataset === dataset && panel.target.measure === measure;
}

/** Ids of the report's panels the alert affects, in definition order (none: it shows on the dashboard only). */
export function alertPanels(def: Pick<ReportDefinition, 'panels'>, alert: AlertTarget): string[] {
  if (alert.panel) return def.panels.some((p) => p.id === alert.panel) ? [alert.panel] : [];
  return def.panels.filter((p) => showsMeasure(p, alert.dataset, alert.measure)).map((p) => p.id);
}

/**
 * Whether the alert's numbers are within the viewer's row scope: an unrestricted viewer sees every
 * alert; a scoped one does not see an alert scoped to other values of an attribute they carry
 * (the head of one department does not see another department's alert).
 */
export function alertInScope(alert: Pick<ActiveAlert, 'scope'>, viewer: Viewer): boolean {
  if (viewer.unrestricted || !alert.scope) return true;
  for (const [key, value] of Object.entries(alert.scope)) {
    const mine = viewer.attributes[key];
    if (mine === undefined) continue;
    const allowed = new Set((Array.isArray(mine) ? mine : [mine]).map(String));
    if (!(Array.isArray(value) ? value : [value]).every((v) => allowed.has(String(v)))) return false;
  }
  return true;
}
