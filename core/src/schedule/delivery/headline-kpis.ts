/**
 * @module The headline numbers of a rendered report for a mail body: each KPI and gauge panel's
 * value with its change vs the previous period and its share of plan, formatted as on the
 * dashboard. A mail that says "revenue 12.4M, −8% vs last month" is read even when the PDF is not.
 */
import type { ReportDefinition } from '../../definition/report-definition.js';
import type { ReportOutput } from '../../engine/report-engine.js';
import { formatValue } from '../../i18n/format-value.js';
import { columnIndex, isPanelError, type PanelResult } from '../../result/result-set.js';

export interface HeadlineKpi {
  panel: string;
  title: string;
  measure: string;
  value: number | null;
  text: string;
  /** Relative change vs the previous period (0.12 = +12%). */
  change?: number | null;
  changeText?: string;
  attainment?: number | null;
  attainmentText?: string;
}

function cell(panel: PanelResult, name: string): unknown {
  const i = columnIndex(panel, name);
  return i < 0 ? undefined : panel.rows[0]?.[i];
}

const percent = { type: 'number', format: 'percent' } as const;

export function headlineKpis(def: ReportDefinition, output: ReportOutput, currency?: string): HeadlineKpi[] {
  const locale = output.locale;
  const out: HeadlineKpi[] = [];
  for (const panel of output.panels) {
    const spec = def.panels.find((p) => p.id === panel.id);
    if (isPanelError(panel) || !spec || (spec.type !== 'kpi' && spec.type !== 'gauge')) continue;
    const measure = spec.measure ?? spec.measures?.[0];
    const column = panel.columns.find((c) => c.name === measure) ?? panel.columns.find((c) => c.role === 'measure');
    if (!column) continue;
    const raw = cell(panel, column.name);
    const value = typeof raw === 'number' ? raw : null;
    const kpi: HeadlineKpi = {
      panel: panel.id,
      title: panel.title ?? panel.id,
      measure: column.name,
      value,
      text: formatValue(value, column, { locale, currency }),
    };
    const change = cell(panel, `${column.name}_delta_pct`);
    if (change !== undefined) {
      kpi.change = typeof change === 'number' ? change : null;
      kpi.changeText = kpi.change === null ? '—' : `${kpi.change > 0 ? '+' : ''}${formatValue(kpi.change, percent, { locale })}`;
    }
    const attainment = cell(panel, `${column.name}_attainment`);
    if (attainment !== undefined) {
      kpi.attainment = typeof attainment === 'number' ? attainment : null;
      kpi.attainmentText = formatValue(kpi.attainment, percent, { locale });
    }
    out.push(kpi);
  }
  return out;
}
