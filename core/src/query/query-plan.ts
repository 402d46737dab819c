/** @module The query plan: one aggregate query over a dataset, with every name already resolved. */
import type { DatasetDefinition, TimeColumnType } from '../definition/report-definition.js';
import type { ResolvedPeriod } from './period.js';
import type { TimeBucket } from './time-grain.js';

export interface PlannedDimension {
  /** Output column name: the reference as written (`region`, `time:month`). */
  key: string;
  /** Column identifier from the definition (`name`, `c.segment`). */
  column: string;
  bucket?: TimeBucket;
  timeType: TimeColumnType;
  type: 'string' | 'number' | 'boolean' | 'date' | 'integer' | 'timestamp';
}

export type ConditionOp = 'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'between' | 'null' | 'notNull' | 'never';

export interface PlannedCondition {
  column: string;
  op: ConditionOp;
  value?: unknown;
}

/** Keys of the first dimension to leave out (the "Other" query of a top-N). */
export interface Exclusion {
  column: string;
  values: unknown[];
  includesNull: boolean;
}

export interface QueryPlan {
  datasetId: string;
  dataset: DatasetDefinition;
  dimensions: PlannedDimension[];
  measures: string[];
  conditions: PlannedCondition[];
  period?: ResolvedPeriod;
  /** Values bound to `:name` placeholders of a SQL dataset. */
  sqlParameters: Record<string, unknown>;
  orderBy: { key: string; desc: boolean }[];
  limit?: number;
  exclude?: Exclusion;
  /** The local date in the reporting time zone ('YYYY-MM-DD'), for `daysSince` columns. */
  today?: string;
}

/** Whether a column holds instants or calendar dates, as far as the definition says. */
export function columnTimeType(dataset: DatasetDefinition, column: string): 'timestamp' | 'date' | undefined {
  const time = timeColumn(dataset);
  if (time?.column === column) return time.type === 'timestamp' ? 'timestamp' : 'date';
  for (const [name, dim] of Object.entries(dataset.dimensions ?? {})) {
    if ((dim.column ?? name) !== column) continue;
    if (dim.type === 'time') return 'timestamp';
    if (dim.type === 'date') return 'date';
  }
  return undefined;
}

export function timeColumn(dataset: DatasetDefinition): { column: string; type: TimeColumnType } | undefined {
  if (dataset.time === undefined) return undefined;
  return typeof dataset.time === 'string'
    ? { column: dataset.time, type: 'timestamp' }
    : { column: dataset.time.column, type: dataset.time.type ?? 'timestamp' };
}
