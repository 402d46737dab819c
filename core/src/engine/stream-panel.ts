/**
 * @module A panel's full rows as a stream of batches, for exports: the panel's one query (same
 * plan, filters and row scope as on screen) read from the source as the consumer takes batches,
 * converted like every result. Only panels whose rows are exactly that query's rows stream; a
 * panel that merges comparisons or a plan, adds an "Other" row or reshapes (funnel, pivot, KPI)
 * goes through the materialised path.
 */
import type { PanelDefinition } from '../definition/report-definition.js';
import { compileQuery } from '../query/compile-query.js';
import type { QueryPlan } from '../query/query-plan.js';
import { flavorRules } from '../query/sql-flavor.js';
import type { ResultColumn } from '../result/result-set.js';
import { planColumns, type RunContext, rowConverter } from '../result/run-plan.js';
import type { RuntimeSource } from '../source/runtime-source.js';

export interface PanelRowStream {
  /** Labelled in the request's language, like `ReportEngine.panel`'s columns. */
  columns: ResultColumn[];
  title?: string;
  /** Rows in batches, in `columns` order; read lazily (iterate once). */
  batches: AsyncIterable<unknown[][]>;
}

const RESHAPED = new Set(['kpi', 'funnel', 'pivot']);

export function streamable(panel: PanelDefinition): boolean {
  return !RESHAPED.has(panel.type) && !panel.compare && !panel.target && !panel.other;
}

/** The plan's rows in batches through the source's guard (`RuntimeSource.stream`). */
export async function* planRows(plan: QueryPlan, ctx: RunContext, batchRows?: number): AsyncGenerator<unknown[][]> {
  const source = ctx.sources.get(plan.dataset.source) as RuntimeSource;
  const db = await source.db(ctx.query);
  const compiled = compileQuery(db, plan, flavorRules(source.flavor), ctx.flavor);
  const columns = planColumns(plan);
  let names: readonly string[] | undefined;
  let convert: ((row: readonly unknown[]) => unknown[]) | undefined;
  for await (const batch of source.stream(compiled, { ...ctx.query, ...(batchRows ? { batchRows } : {}) })) {
    // Sources name columns once per stream; the alias → index mapping is built once per naming.
    if (!convert || batch.columns !== names) {
      names = batch.columns;
      convert = rowConverter(plan, columns, names);
    }
    yield batch.rows.map(convert);
  }
}
