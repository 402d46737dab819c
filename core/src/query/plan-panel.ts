/**
 * @module Plans a panel's query: resolves breakdown parameters to dimensions, binds filter
 * parameters, applies the viewer's row scope and the period. Everything after this works on
 * resolved names only.
 */
import type { Viewer } from '../access/viewer.js';
import type { Condition, DatasetDefinition, PanelDefinition, ReportDefinition } from '../definition/report-definition.js';
import { VitrinaError } from '../errors/index.js';
import { dimensionColumn, literalConditions } from './compile-query.js';
import type { ResolvedPeriod } from './period.js';
import type { PlannedCondition, PlannedDimension, QueryPlan } from './query-plan.js';
import { timeColumn } from './query-plan.js';
import type { ResolvedParameters } from './request-parameters.js';
import { isTimeGrain, parseDimensionRef, TIME_DIMENSION, type TimeBucket } from './time-grain.js';

export interface PlanContext {
  def: ReportDefinition;
  params: ResolvedParameters;
  viewer: Viewer;
  /** The local date (YYYY-MM-DD) in the reporting time zone, bound as `:today` in SQL datasets. */
  today: string;
}

export function panelMeasures(panel: PanelDefinition): string[] {
  return panel.measures ?? (panel.measure ? [panel.measure] : []);
}

/** `$by` → the breakdown's chosen option; anything else as written. */
export function resolveDimensionRef(ref: string, params: ResolvedParameters): string {
  return ref.startsWith('$') ? String(params[ref.slice(1)]) : ref;
}

export function planDimension(dataset: DatasetDefinition, ref: string): PlannedDimension {
  const { name, bucket } = parseDimensionRef(ref);
  const declared = dataset.dimensions?.[name];
  const time = timeColumn(dataset);
  if (!declared && name === TIME_DIMENSION && time) {
    return {
      key: ref,
      column: time.column,
      bucket: bucket as TimeBucket,
      timeType: time.type,
      type: bucket && isTimeGrain(bucket) ? 'date' : 'integer',
    };
  }
  const column = declared?.column ?? name;
  if (bucket) {
    return {
      key: ref,
      column,
      bucket: bucket as TimeBucket,
      timeType: declared?.type === 'date' ? 'date' : 'timestamp',
      type: isTimeGrain(bucket) ? 'date' : 'integer',
    };
  }
  const t = declared?.type;
  return {
    key: ref,
    column,
    timeType: 'timestamp',
    type: t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : t === 'date' ? 'date' : t === 'time' ? 'timestamp' : 'string',
  };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Conditions with `$param` values bound; a condition on an empty parameter is dropped (no filter). */
export function boundConditions(
  dataset: DatasetDefinition,
  conditions: Record<string, Condition> | undefined,
  params: ResolvedParameters,
): PlannedCondition[] {
  const literal: Record<string, Condition> = {};
  const out: PlannedCondition[] = [];
  const isRef = (v: unknown): v is string => typeof v === 'string' && v.startsWith('$');
  const bind = (v: unknown): unknown => (isRef(v) ? params[v.slice(1)] : v);
  /** Binds every `$param` in a list; list parameters spread into it, empty ones drop out. */
  const bindList = (list: readonly unknown[]): unknown[] =>
    list.flatMap((v) => (isRef(v) ? [bind(v)].flat().filter((x) => !isEmpty(x)) : [v]));
  for (const [key, condition] of Object.entries(conditions ?? {})) {
    const column = dimensionColumn({ dataset }, key);
    if (isRef(condition)) {
      const value = bind(condition);
      if (isEmpty(value)) continue;
      out.push(Array.isArray(value) ? { column, op: 'in', value } : { column, op: 'eq', value });
    } else if (Array.isArray(condition)) {
      const values = bindList(condition);
      // A list made only of empty parameters is no filter; a literal empty list matches nothing.
      if (values.length || !condition.some(isRef)) literal[key] = values as Condition;
    } else if (condition && typeof condition === 'object') {
      const bound: Record<string, unknown> = {};
      for (const [op, v] of Object.entries(condition)) {
        if (Array.isArray(v)) {
          const values = bindList(v);
          // between needs both ends: with one end empty the filter is dropped, like any empty parameter.
          if (op === 'between' ? values.length === 2 : values.length || !v.some(isRef)) bound[op] = values;
          continue;
        }
        const value = bind(v);
        // An operator bound to an empty parameter is no filter; a literal (even null) is kept.
        if (isRef(v) && isEmpty(value)) continue;
        bound[op] = (op === 'in' || op === 'notIn') && isRef(v) ? [value].flat() : value;
      }
      if (Object.keys(bound).length) literal[key] = bound as Condition;
    } else literal[key] = condition;
  }
  return [...out, ...literalConditions({ dataset }, literal)];
}

export function scopeConditions(dataset: DatasetDefinition, viewer: Viewer): PlannedCondition[] {
  if (!dataset.rowScope || viewer.unrestricted) return [];
  const out: PlannedCondition[] = [];
  for (const [key, ref] of Object.entries(dataset.rowScope)) {
    const value = viewer.attributes[ref.slice('$user.'.length)];
    if (value === undefined) continue;
    out.push({ column: dimensionColumn({ dataset }, key), op: Array.isArray(value) ? 'in' : 'eq', value });
  }
  // A scoped viewer who carries none of the scope's attributes sees nothing, never everything.
  return out.length ? out : [{ column: 'never', op: 'never' }];
}

export function panelPeriod(def: ReportDefinition, panel: PanelDefinition, params: ResolvedParameters): ResolvedPeriod | undefined {
  if (panel.period === null) return undefined;
  const dataset = def.datasets[panel.dataset as string] as DatasetDefinition;
  if (dataset.time === undefined) return undefined;
  const name = typeof panel.period === 'string' ? panel.period.replace(/^\$/, '') : def.parameters?.find((p) => p.type === 'period')?.id;
  const value = name === undefined ? undefined : params[name];
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** Values for a SQL dataset's placeholders: single-value parameters, period edges, today. */
function sqlParameters(dataset: DatasetDefinition, ctx: PlanContext): Record<string, unknown> {
  if (!dataset.sql) return {};
  const out: Record<string, unknown> = { today: ctx.today };
  for (const [k, v] of Object.entries(ctx.params)) {
    if (Array.isArray(v)) continue;
    if (v && typeof v === 'object') {
      out[`${k}_start`] = v.start;
      out[`${k}_end`] = v.end;
    } else out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return out;
}

/** The panel's main query. `dimensionRefs` overrides the panel's dimensions (sparklines). */
export function planPanel(ctx: PlanContext, panel: PanelDefinition, dimensionRefs?: string[]): QueryPlan {
  const datasetId = panel.dataset as string;
  const dataset = ctx.def.datasets[datasetId];
  if (!dataset) throw new VitrinaError('INTERNAL', `dataset '${datasetId}' vanished after validation`);
  const refs = dimensionRefs ?? [...(panel.dimensions ?? []), ...(panel.columns ?? [])].map((r) => resolveDimensionRef(r, ctx.params));
  const dimensions = refs.map((ref) => planDimension(dataset, ref));
  const measures = panelMeasures(panel);
  const conditions = [
    ...boundConditions(dataset, dataset.filters, ctx.params),
    ...boundConditions(dataset, panel.filters, ctx.params),
    ...scopeConditions(dataset, ctx.viewer),
  ];
  return {
    datasetId,
    dataset,
    dimensions,
    measures,
    conditions,
    period: panelPeriod(ctx.def, panel, ctx.params),
    sqlParameters: sqlParameters(dataset, ctx),
    orderBy: orderOf(panel, dimensions, measures),
    limit: panel.limit,
    today: ctx.today,
  };
}

/** Explicit sort first; then time buckets ascending, else the first measure descending; dimensions break ties. */
function orderOf(panel: PanelDefinition, dimensions: PlannedDimension[], measures: string[]): { key: string; desc: boolean }[] {
  const explicit = (panel.sort === undefined ? [] : [panel.sort].flat()).map((s) => {
    const name = s.replace(/^-/, '');
    const dim = dimensions.find((d) => d.key === name || parseDimensionRef(d.key).name === name);
    return { key: dim?.key ?? name, desc: s.startsWith('-') };
  });
  const order = [...explicit];
  if (!explicit.length && !dimensions.some((d) => d.bucket) && measures[0] && dimensions.length)
    order.push({ key: measures[0], desc: true });
  for (const d of dimensions) if (!order.some((o) => o.key === d.key)) order.push({ key: d.key, desc: false });
  return order;
}
