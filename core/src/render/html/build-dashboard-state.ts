/**
 * @module Builds the `DashboardState` a dashboard page embeds: the report in the viewer's language,
 * the filter bar, the panels' layout, and every panel's result computed on the server so the first
 * paint needs no API call.
 */
import type { Viewer } from '../../access/viewer.js';
import type { PanelDefinition, ReportDefinition } from '../../definition/report-definition.js';
import type { ReportEngine, ReportOutput } from '../../engine/report-engine.js';
import { localize } from '../../i18n/localize.js';
import { type Locale, messagesWithPrefix } from '../../i18n/messages.js';
import type { RawParameters, ResolvedParameters } from '../../query/request-parameters.js';
import { isPanelError, type PanelOutcome } from '../../result/result-set.js';
import type { DashboardState, PanelView } from './dashboard-state.js';
import { parameterViews } from './parameter-views.js';

/** Widths when a panel gives none: KPIs four to a row, tables full width, charts two to a row. */
const DEFAULT_WIDTH: Record<string, number> = { kpi: 3, gauge: 3, table: 12, pivot: 12, heatmap: 12 };

export const API_TEMPLATES: DashboardState['api'] = {
  panel: '/api/reports/{report}/panels/{panel}',
  options: '/api/reports/{report}/parameters/{parameter}/options',
  dashboard: '/d/{report}',
};

/** Seconds from `refresh`: a number, or text such as "30s", "5m", "1h". */
export function refreshSeconds(refresh: number | string | undefined): number | undefined {
  if (refresh === undefined) return undefined;
  if (typeof refresh === 'number') return refresh;
  const m = /^(\d+)\s*(s|m|h)?$/.exec(refresh.trim());
  if (!m) return undefined;
  return Number(m[1]) * ({ s: 1, m: 60, h: 3600 }[(m[2] ?? 's') as 's' | 'm' | 'h'] as number);
}

function drillColumn(panel: PanelDefinition, outcome: PanelOutcome | undefined, params: ResolvedParameters): string | undefined {
  if (outcome && !isPanelError(outcome)) return outcome.columns.find((c) => c.role === 'dimension')?.name;
  const first = panel.dimensions?.[0];
  if (!first) return undefined;
  return first.startsWith('$') ? String(params[first.slice(1)] ?? '') || undefined : first;
}

/** The `goodWhen` of the measures a panel shows (its own and its target's), for colouring deltas. */
function goodWhenOf(def: ReportDefinition, panel: PanelDefinition): Record<string, 'up' | 'down'> | undefined {
  const measures = def.datasets[panel.dataset ?? '']?.measures ?? {};
  const names = [panel.measure, ...(panel.measures ?? []), ...(panel.columns ?? [])].filter((n): n is string => n !== undefined);
  const out: Record<string, 'up' | 'down'> = {};
  for (const name of names) {
    const goodWhen = measures[name]?.goodWhen;
    if (goodWhen) out[name] = goodWhen;
  }
  return Object.keys(out).length ? out : undefined;
}

export function panelViews(def: ReportDefinition, locale: Locale, output?: ReportOutput, params: ResolvedParameters = {}): PanelView[] {
  return def.panels.map((panel) => {
    const outcome = output?.panels.find((p) => p.id === panel.id);
    const title = localize(panel.title, locale);
    const description = localize(panel.description, locale);
    const view: PanelView = {
      id: panel.id,
      type: panel.type,
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      width: panel.width ?? DEFAULT_WIDTH[panel.type] ?? 6,
      height: panel.height ?? (panel.type === 'kpi' ? 's' : 'm'),
      ...(panel.horizontal ? { horizontal: true } : {}),
      ...(panel.donut ? { donut: true } : {}),
      ...(panel.pageSize ? { pageSize: panel.pageSize } : panel.type === 'table' ? { pageSize: 20 } : {}),
    };
    const goodWhen = goodWhenOf(def, panel);
    if (goodWhen) view.goodWhen = goodWhen;
    if (panel.drill) {
      view.drill = panel.drill;
      const column = drillColumn(panel, outcome, params);
      if (column) view.drillColumn = column;
    }
    return view;
  });
}

export interface DashboardStateInput {
  def: ReportDefinition;
  locale: Locale;
  timezone: string;
  currency?: string;
  theme: { name: string; echartsTheme?: Record<string, unknown> };
  raw: RawParameters;
  resolved: ResolvedParameters;
  /** The server-side render of every panel (first paint). */
  output: ReportOutput;
  engine?: ReportEngine;
  viewer?: Viewer;
  dataAsOf: Date;
  static?: boolean;
  signal?: AbortSignal;
}

export async function buildDashboardState(input: DashboardStateInput): Promise<DashboardState> {
  const { def, locale, output } = input;
  const description = localize(def.description, locale);
  const refresh = refreshSeconds(def.refresh);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(input.raw))
    if (v !== undefined && v !== null) query[k] = Array.isArray(v) ? v.map(String) : String(v);
  return {
    report: {
      id: def.id,
      title: localize(def.title, locale) ?? def.id,
      ...(description ? { description } : {}),
      ...(def.tags?.length ? { tags: def.tags } : {}),
      ...(refresh && !input.static ? { refreshSeconds: refresh } : {}),
    },
    locale,
    messages: messagesWithPrefix(locale, 'client.'),
    timezone: input.timezone,
    theme: input.theme.name,
    ...(input.theme.echartsTheme ? { echartsTheme: input.theme.echartsTheme } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    parameters: await parameterViews({
      def,
      raw: input.raw,
      resolved: input.resolved,
      locale,
      engine: input.engine,
      viewer: input.viewer,
      signal: input.signal,
    }),
    query,
    panels: panelViews(def, locale, output, input.resolved),
    results: Object.fromEntries(output.panels.map((p) => [p.id, p])),
    dataAsOf: input.dataAsOf.toISOString(),
    api: API_TEMPLATES,
    ...(input.static ? { static: true } : {}),
  };
}
