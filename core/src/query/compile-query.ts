/**
 * @module Compiles a query plan into SQL + bound parameters with Kysely, for one SQL flavour.
 * Identifiers come only from the definition (and are quoted by Kysely); every value is bound.
 */
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Conditions, MeasureDefinition } from '../definition/report-definition.js';
import { VitrinaError } from '../errors/index.js';
import { type ExpressionNode, parseExpression } from './measure-expression.js';
import type { ConditionOp, PlannedCondition, QueryPlan } from './query-plan.js';
import { columnTimeType, timeColumn } from './query-plan.js';
import type { FlavorOptions, SqlFlavorRules } from './sql-flavor.js';
import { checkDatasetSql } from './sql-guard.js';

type Expr = RawBuilder<unknown>;

export const BASE_ALIAS = 'base';

/** `amount` → base.amount; `c.segment` → c.segment (a join alias). */
export function columnRef(column: string): Expr {
  return sql.ref(column.includes('.') ? column : `${BASE_ALIAS}.${column}`);
}

/** Turns a column name into SQL: a computed column of the dataset, or a (qualified) reference. */
export type ColumnResolver = (column: string) => Expr;

const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

export function columnResolver(plan: Pick<QueryPlan, 'dataset' | 'today'>, rules: SqlFlavorRules): ColumnResolver {
  const computed = plan.dataset.columns ?? {};
  return (column) => {
    const c = computed[column];
    if (!c) return columnRef(column);
    if ('daysSince' in c) return rules.daysSince(columnRef(c.daysSince), plan.today ?? new Date().toISOString().slice(0, 10));
    const seconds = rules.secondsBetween(columnRef(c.duration.from), columnRef(c.duration.to));
    const unit = SECONDS[c.duration.unit ?? 'second'] as number;
    return unit === 1 ? seconds : sql`(${seconds} / ${sql.lit(unit)})`;
  };
}

export function dimensionColumn(plan: Pick<QueryPlan, 'dataset'>, key: string): string {
  return plan.dataset.dimensions?.[key]?.column ?? key;
}

export function conditionSql(rules: SqlFlavorRules, condition: PlannedCondition, column: ColumnResolver = columnRef): Expr {
  const col = column(condition.column);
  const v = (x: unknown) => sql.val(rules.value(x));
  const list = (x: unknown) => sql.join((x as unknown[]).map(v));
  const ops: Record<ConditionOp, () => Expr> = {
    eq: () => (condition.value === null ? sql`${col} is null` : sql`${col} = ${v(condition.value)}`),
    ne: () => (condition.value === null ? sql`${col} is not null` : sql`(${col} <> ${v(condition.value)} or ${col} is null)`),
    in: () => ((condition.value as unknown[]).length ? sql`${col} in (${list(condition.value)})` : sql`1 = 0`),
    notIn: () => ((condition.value as unknown[]).length ? sql`(${col} not in (${list(condition.value)}) or ${col} is null)` : sql`1 = 1`),
    gt: () => sql`${col} > ${v(condition.value)}`,
    gte: () => sql`${col} >= ${v(condition.value)}`,
    lt: () => sql`${col} < ${v(condition.value)}`,
    lte: () => sql`${col} <= ${v(condition.value)}`,
    between: () => sql`${col} between ${v((condition.value as unknown[])[0])} and ${v((condition.value as unknown[])[1])}`,
    null: () => sql`${col} is null`,
    notNull: () => sql`${col} is not null`,
    never: () => sql`1 = 0`,
  };
  return ops[condition.op]();
}

/** Literal conditions written in the definition (measure `where`, dataset `filters` without parameters). */
export function literalConditions(plan: Pick<QueryPlan, 'dataset'>, conditions: Conditions | undefined): PlannedCondition[] {
  const out: PlannedCondition[] = [];
  for (const [key, condition] of Object.entries(conditions ?? {})) {
    const column = dimensionColumn(plan, key);
    if (Array.isArray(condition)) out.push({ column, op: 'in', value: condition });
    else if (condition === null || typeof condition !== 'object') out.push({ column, op: 'eq', value: condition });
    else
      for (const [op, value] of Object.entries(condition)) {
        if (op === 'null') out.push({ column, op: value ? 'null' : 'notNull' });
        else out.push({ column, op: op as ConditionOp, value });
      }
  }
  return out;
}

function and(parts: Expr[]): Expr {
  return parts.length === 1 ? (parts[0] as Expr) : sql`(${sql.join(parts, sql` and `)})`;
}

export class MeasureCompiler {
  private readonly column: ColumnResolver;

  constructor(
    private readonly plan: QueryPlan,
    private readonly rules: SqlFlavorRules,
    private readonly options: FlavorOptions,
  ) {
    this.column = columnResolver(plan, rules);
  }

  /** min/max of a date or timestamp column come back as text, on the reporting zone's clock. */
  private asTime(expr: Expr, column: string | undefined): Expr {
    const kind = column === undefined ? undefined : columnTimeType(this.plan.dataset, column);
    if (kind === 'timestamp') return this.rules.wallClock(expr, this.options.timezone);
    if (kind === 'date') return this.rules.dateText(expr);
    return expr;
  }

  measure(name: string, seen: readonly string[] = []): Expr {
    const m = this.plan.dataset.measures?.[name] as MeasureDefinition | undefined;
    if (!m) throw new VitrinaError('INTERNAL', `measure '${name}' vanished after validation`);
    if (m.expr !== undefined) return this.expression(parseExpression(m.expr), [...seen, name]);
    const where = literalConditions(this.plan, m.where);
    const cond = where.length ? and(where.map((c) => conditionSql(this.rules, c, this.column))) : undefined;
    const column = m.column ? this.column(m.column) : undefined;
    const input = cond ? sql`case when ${cond} then ${column ?? sql`1`} end` : column;
    switch (m.agg) {
      case 'count':
        return input ? sql`count(${input})` : sql`count(*)`;
      case 'count_distinct':
        return sql`count(distinct ${input as Expr})`;
      case 'sum':
        // A sum over no rows is 0 for a business reader ("revenue: 0"), not "no value".
        return sql`coalesce(sum(${input as Expr}), 0)`;
      case 'avg':
        return sql`avg(${input as Expr})`;
      case 'min':
        return this.asTime(sql`min(${input as Expr})`, m.column);
      case 'max':
        return this.asTime(sql`max(${input as Expr})`, m.column);
      default:
        throw new VitrinaError('INTERNAL', `measure '${name}' has no aggregation`);
    }
  }

  private expression(node: ExpressionNode, seen: readonly string[]): Expr {
    switch (node.kind) {
      case 'number':
        return sql.lit(node.value);
      case 'measure':
        return this.measure(node.name, seen);
      case 'negate':
        return sql`(-${this.expression(node.operand, seen)})`;
      case 'binary': {
        const left = this.expression(node.left, seen);
        const right = this.expression(node.right, seen);
        // Division is decimal and a zero divisor gives null, never an error or infinity.
        if (node.op === '/') return sql`(${this.rules.toDouble(left)} / nullif(${right}, 0))`;
        return sql`(${left} ${sql.raw(node.op)} ${right})`;
      }
    }
  }
}

function fromClause(db: Kysely<any>, plan: QueryPlan) {
  const { dataset } = plan;
  if (dataset.sql !== undefined) {
    const check = checkDatasetSql(dataset.sql);
    if (!check.ok) throw new VitrinaError('SQL_NOT_READ_ONLY', `dataset '${plan.datasetId}' SQL ${check.problem}`);
    const parts = check.segments.map((s) => ('text' in s ? sql.raw(s.text) : sql.val(plan.sqlParameters[s.param] ?? null)));
    return db.selectFrom(sql`(${sql.join(parts, sql``)})`.as(BASE_ALIAS));
  }
  let q = db.selectFrom(`${dataset.table as string} as ${BASE_ALIAS}`);
  for (const join of dataset.joins ?? []) {
    const on = (jb: any) => {
      let b = jb;
      for (const [left, right] of Object.entries(join.on)) {
        const lhs = left.includes('.') ? left : `${BASE_ALIAS}.${left}`;
        b = b.onRef(lhs, '=', `${join.as}.${right}`);
      }
      return b;
    };
    q = join.type === 'inner' ? q.innerJoin(`${join.table} as ${join.as}`, on) : q.leftJoin(`${join.table} as ${join.as}`, on);
  }
  return q;
}

/** Column aliases are positional (d0…, m0…) so no name from a request or definition is an alias. */
export function dimensionAlias(i: number): string {
  return `d${i}`;
}
export function measureAlias(i: number): string {
  return `m${i}`;
}

// Compiled queries per dataset definition (a reloaded definition is a new object, so its entries
// go with the old one). Kysely's compile is the largest fixed cost of a query after the database.
const compiledByDataset = new WeakMap<object, Map<string, CompiledQuery>>();

/** Compiles with a memo keyed by everything in the plan except the dataset it belongs to. */
export function compileQuery(db: Kysely<any>, plan: QueryPlan, rules: SqlFlavorRules, options: FlavorOptions): CompiledQuery {
  const { dataset, ...rest } = plan;
  const key = JSON.stringify([rest, options, rules.name]);
  let memo = compiledByDataset.get(dataset);
  if (!memo) {
    memo = new Map();
    compiledByDataset.set(dataset, memo);
  }
  let compiled = memo.get(key);
  if (!compiled) {
    compiled = compileUncached(db, plan, rules, options);
    if (memo.size > 500) memo.clear();
    memo.set(key, compiled);
  }
  return compiled;
}

function compileUncached(db: Kysely<any>, plan: QueryPlan, rules: SqlFlavorRules, options: FlavorOptions): CompiledQuery {
  let q: any = fromClause(db, plan);
  const measures = new MeasureCompiler(plan, rules, options);
  const column = columnResolver(plan, rules);
  const selections: unknown[] = [];
  plan.dimensions.forEach((d, i) => {
    const col = column(d.column);
    const value = d.bucket
      ? rules.bucket(col, d.bucket, d.timeType, options)
      : d.type === 'timestamp'
        ? rules.wallClock(col, options.timezone)
        : d.type === 'date'
          ? rules.dateText(col)
          : col;
    selections.push(value.as(dimensionAlias(i)));
  });
  plan.measures.forEach((m, i) => selections.push(measures.measure(m).as(measureAlias(i))));
  q = q.select(selections);

  const where: Expr[] = plan.conditions.map((c) => conditionSql(rules, c, column));
  const time = timeColumn(plan.dataset);
  if (plan.period && time) {
    const col = column(time.column);
    const p = plan.period;
    if (time.type === 'timestamp') where.push(sql`${col} >= ${rules.instant(p.startInstant)} and ${col} < ${rules.instant(p.endInstant)}`);
    else if (time.type === 'date') where.push(sql`${col} >= ${p.start} and ${col} < ${p.end}`);
    else where.push(sql`${col} >= ${`${p.start.slice(0, 7)}-01`} and ${col} < ${p.end}`);
  }
  if (plan.exclude) {
    const { column: excluded, values, includesNull } = plan.exclude;
    const col = column(excluded);
    const notListed = values.length ? sql`${col} not in (${sql.join(values.map((v) => rules.value(v)))})` : sql`1 = 1`;
    where.push(includesNull ? sql`(${notListed} and ${col} is not null)` : sql`(${notListed} or ${col} is null)`);
  }
  for (const w of where) q = q.where(w);
  if (plan.dimensions.length) q = q.groupBy(plan.dimensions.map((_, i) => sql.lit(i + 1)));
  for (const o of plan.orderBy) {
    const di = plan.dimensions.findIndex((d) => d.key === o.key);
    const alias = di >= 0 ? dimensionAlias(di) : measureAlias(plan.measures.indexOf(o.key));
    // Nulls last in both directions, the same on every dialect.
    q = q.orderBy(sql`${sql.ref(alias)} ${sql.raw(o.desc ? 'desc' : 'asc')} nulls last`);
  }
  if (plan.limit !== undefined) q = q.limit(plan.limit);
  return q.compile();
}
