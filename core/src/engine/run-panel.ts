/**
 * @module Runs one panel end to end: main query, "Other" row of a top-N, comparisons, plan
 * targets, sparkline, and the panel type's shape (funnel stages, pivot).
 */
import type { Comparison, DatasetDefinition, PanelDefinition } from '../definition/report-definition.js';
import { elapsedShare, type PeriodContext, previousPeriod, previousYear } from '../query/period.js';
import { boundConditions, type PlanContext, planDimension, planPanel, resolveDimensionRef, scopeConditions } from '../query/plan-panel.js';
import type { QueryPlan } from '../query/query-plan.js';
import { parseDimensionRef } from '../query/time-grain.js';
import type { PanelResult, ResultSet } from '../result/result-set.js';
import { type RunContext, runPlan } from '../result/run-plan.js';
import { mergeComparison } from '../shape/compare-periods.js';
import { funnelShape } from '../shape/funnel-shape.js';
import { pivotShape } from '../shape/pivot-shape.js';
import { mergeTarget, proratedTargets } from '../shape/target-shape.js';

export interface PanelRunContext {
  plan: PlanContext;
  run: RunContext;
  period: PeriodContext;
  maxRows: number;
}

export const OTHER_LABEL = 'Other';

async function withOther(
  panel: PanelDefinition,
  plan: QueryPlan,
  result: ResultSet,
  run: RunContext,
): Promise<{ result: ResultSet; other: boolean }> {
  const dim = plan.dimensions[0];
  if (!panel.other || panel.limit === undefined || !dim || dim.bucket || result.rows.length < panel.limit) return { result, other: false };
  const keys = result.rows.map((r) => r[0]);
  const rest = await runPlan(
    {
      ...plan,
      dimensions: [],
      orderBy: [],
      limit: undefined,
      exclude: { column: dim.column, values: keys.filter((k) => k !== null), includesNull: keys.includes(null) },
    },
    run,
  );
  const row = rest.rows[0];
  if (!row || row.every((v) => v === null || v === 0)) return { result, other: false };
  return { result: { ...result, rows: [...result.rows, [OTHER_LABEL, ...row]] }, other: true };
}

async function withComparisons(panel: PanelDefinition, plan: QueryPlan, result: ResultSet, ctx: PanelRunContext): Promise<ResultSet> {
  if (!panel.compare || !plan.period) return result;
  let out = result;
  const period = plan.period;
  for (const kind of [panel.compare].flat() as Comparison[]) {
    const earlier = kind === 'previous_period' ? previousPeriod(period, ctx.period) : previousYear(period, ctx.period);
    const shift = kind === 'previous_period' ? { unit: period.unit, amount: period.length } : { unit: 'month' as const, amount: 12 };
    // Unlimited: the earlier period must have a value for every key shown now, even if it ranked lower then.
    const before = await runPlan({ ...plan, period: earlier, limit: undefined, exclude: undefined }, ctx.run);
    out = mergeComparison(out, before, plan, kind, shift, ctx.period.weekStart ?? 'monday');
  }
  return out;
}

async function withTarget(panel: PanelDefinition, plan: QueryPlan, result: ResultSet, ctx: PanelRunContext): Promise<ResultSet> {
  if (!panel.target) return result;
  const planDs = ctx.plan.def.datasets[panel.target.dataset] as DatasetDefinition;
  const refs = [...(panel.dimensions ?? [])].map((r) => resolveDimensionRef(r, ctx.plan.params));
  const dims = refs.map((ref) => {
    const { name, bucket } = parseDimensionRef(ref);
    return planDimension(planDs, bucket ? `time:${bucket}` : name);
  });
  if (planDs.time !== undefined) dims.push(planDimension(planDs, 'time:month'));
  const shared = Object.fromEntries(Object.entries(panel.filters ?? {}).filter(([k]) => planDs.dimensions?.[k]));
  const targetPlan: QueryPlan = {
    datasetId: panel.target.dataset,
    dataset: planDs,
    dimensions: dims,
    measures: [panel.target.measure],
    conditions: [
      ...boundConditions(planDs, planDs.filters, ctx.plan.params),
      ...boundConditions(planDs, shared, ctx.plan.params),
      ...scopeConditions(planDs, ctx.plan.viewer),
    ],
    period: plan.period,
    sqlParameters: {},
    orderBy: [],
    today: plan.today,
  };
  const rows = await runPlan(targetPlan, ctx.run);
  const targets = proratedTargets(rows, refs.length, plan.period);
  const timeSeries = plan.dimensions.some((d) => d.bucket);
  const share = plan.period && !timeSeries ? elapsedShare(plan.period, ctx.period.now) : undefined;
  const measure = panel.target.for ?? (plan.measures[0] as string);
  return mergeTarget(result, plan, measure, targets, share !== undefined && share < 1 ? share : undefined);
}

export async function runPanel(panel: PanelDefinition, ctx: PanelRunContext): Promise<PanelResult> {
  const plan = planPanel(ctx.plan, panel);
  if (plan.limit === undefined) plan.limit = ctx.maxRows;
  let result = await runPlan(plan, ctx.run);
  const other = await withOther(panel, plan, result, ctx.run);
  result = other.result;
  result = await withComparisons(panel, plan, result, ctx);
  result = await withTarget(panel, plan, result, ctx);
  const out: PanelResult = { id: panel.id, ...result };
  if (other.other) out.otherRow = true;
  if (panel.type === 'kpi' && panel.sparkline && plan.period) {
    out.series = await runPlan({ ...planPanel(ctx.plan, panel, [`time:${panel.sparkline}`]), limit: undefined }, ctx.run);
  }
  if (panel.type === 'funnel') return { id: panel.id, ...funnelShape(result, plan.measures) };
  if (panel.type === 'pivot') return { id: panel.id, ...pivotShape(result, (panel.dimensions ?? []).length, plan.measures) };
  return out;
}
