/**
 * @module Runs a query plan on its source: compile for the source's flavour, look up the cache,
 * query, and turn driver rows into typed result rows (bigint and numeric strings → numbers).
 */
import type { Kysely } from 'kysely';
import type { DatasetDefinition } from '../definition/report-definition.js';
import { compileQuery, dimensionAlias, measureAlias } from '../query/compile-query.js';
import { columnTimeType, type QueryPlan } from '../query/query-plan.js';
import { type FlavorOptions, flavorRules } from '../query/sql-flavor.js';
import type { QueryOptions, RuntimeSource } from '../source/runtime-source.js';
import { ResultCache } from './result-cache.js';
import type { ResultColumn, ResultSet } from './result-set.js';

export interface RunContext {
  sources: ReadonlyMap<string, RuntimeSource>;
  cache: ResultCache<ResultSet>;
  flavor: FlavorOptions;
  query: QueryOptions;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function toDimension(value: unknown, type: ResultColumn['type']): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  if (type === 'boolean' && typeof value === 'number') return value !== 0;
  if ((type === 'integer' || type === 'number') && typeof value === 'string') return toNumber(value);
  return value ?? null;
}

export function measureType(dataset: DatasetDefinition, name: string): ResultColumn['type'] {
  const m = dataset.measures?.[name];
  if ((m?.agg === 'min' || m?.agg === 'max') && m.column) {
    const kind = columnTimeType(dataset, m.column);
    if (kind) return kind;
  }
  if (m?.format === 'integer') return 'integer';
  return m?.agg === 'count' || m?.agg === 'count_distinct' ? 'integer' : 'number';
}

export function planColumns(plan: QueryPlan): ResultColumn[] {
  return [
    ...plan.dimensions.map((d) => ({ name: d.key, type: d.type === 'date' ? ('date' as const) : d.type, role: 'dimension' as const })),
    ...plan.measures.map((m) => {
      const format = plan.dataset.measures?.[m]?.format;
      return { name: m, type: measureType(plan.dataset, m), role: 'measure' as const, ...(format ? { format } : {}) };
    }),
  ];
}

/**
 * Driver rows → typed result rows in `columns` order; shared with streamed exports. Rows are
 * objects keyed by the compiler's aliases, or arrays whose column names are `names`.
 */
export function rowConverter(
  plan: QueryPlan,
  columns: ResultColumn[],
  names?: readonly string[],
): (row: Record<string, unknown> | readonly unknown[]) => unknown[] {
  const dims = plan.dimensions.length;
  const key = (alias: string): string | number => (names ? names.indexOf(alias) : alias);
  const dimensionKeys = plan.dimensions.map((_, i) => key(dimensionAlias(i)));
  const measureKeys = plan.measures.map((_, i) => key(measureAlias(i)));
  return (row) => {
    const r = row as Record<string | number, unknown>;
    const out: unknown[] = new Array(columns.length);
    for (let i = 0; i < dims; i++) out[i] = toDimension(r[dimensionKeys[i] as string | number], (columns[i] as ResultColumn).type);
    for (let i = 0; i < measureKeys.length; i++) {
      const column = columns[dims + i] as ResultColumn;
      const value = r[measureKeys[i] as string | number];
      out[dims + i] = column.type === 'date' || column.type === 'timestamp' ? (value ?? null) : toNumber(value);
    }
    return out;
  };
}

export async function runPlan(plan: QueryPlan, ctx: RunContext): Promise<ResultSet> {
  const source = ctx.sources.get(plan.dataset.source) as RuntimeSource;
  const db = (await source.db(ctx.query)) as Kysely<any>;
  const compiled = compileQuery(db, plan, flavorRules(source.flavor), ctx.flavor);
  // With the cache off, skip the version check and the key: they cost a stat and a JSON dump per query.
  const key = ctx.cache.enabled ? ResultCache.key(source.name, await source.version(ctx.query), compiled.sql, compiled.parameters) : '';
  const cached = key ? ctx.cache.get(key) : undefined;
  if (cached) return cached;
  const raw = await source.query(compiled, ctx.query);
  const columns = planColumns(plan);
  const result = { columns, rows: raw.map(rowConverter(plan, columns)) };
  // A dataset's own cacheSeconds wins over the cache-wide TTL (live call data may want 10 s, plans a day).
  if (key) ctx.cache.set(key, result, plan.dataset.cacheSeconds === undefined ? undefined : plan.dataset.cacheSeconds * 1000);
  return result;
}
