/** @module TypeScript shape of a report definition; `core/schemas/report.schema.json` is the truth. */

export type LocalizedText = string | Record<string, string>;
export type Scalar = string | number | boolean | null;
export type ParameterType = 'period' | 'select' | 'breakdown' | 'number' | 'text' | 'boolean';
export type PanelType =
  | 'kpi'
  | 'line'
  | 'area'
  | 'bar'
  | 'stacked_bar'
  | 'pie'
  | 'funnel'
  | 'table'
  | 'pivot'
  | 'heatmap'
  | 'gauge'
  | 'tasks';

/** A control task's state: open (before its due time), done, overdue (open past due). */
export type TaskState = 'open' | 'done' | 'overdue';

/**
 * `tasks` panel: which control task instances it lists. They come from the state store (the
 * scheduler opens them), not from a dataset. Default: every task the viewer may see.
 */
export interface TasksPanelFilter {
  /** Only tasks of this owner (user name) or these owners. */
  owner?: string | string[];
  /** Only these tasks (their `name` in the config's `tasks`). */
  task?: string | string[];
  /** Only tasks in these states. Default: all three. */
  status?: TaskState[];
}
export type Aggregation = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max';
export type ValueFormat = 'number' | 'integer' | 'percent' | 'currency' | 'duration' | 'date' | 'text';
export type Comparison = 'previous_period' | 'previous_year';

export interface OperatorCondition {
  eq?: Scalar;
  ne?: Scalar;
  in?: Scalar[] | string;
  notIn?: Scalar[] | string;
  gt?: Scalar;
  gte?: Scalar;
  lt?: Scalar;
  lte?: Scalar;
  between?: [Scalar, Scalar];
  null?: boolean;
}
export type Condition = Scalar | Scalar[] | OperatorCondition;
export type Conditions = Record<string, Condition>;

export interface ParameterDefinition {
  id: string;
  type: ParameterType;
  label?: LocalizedText;
  default?: unknown;
  required?: boolean;
  presets?: string[];
  dataset?: string;
  dimension?: string;
  options?: (string | number)[];
  multiple?: boolean;
  min?: number;
  max?: number;
}

export interface JoinDefinition {
  table: string;
  as: string;
  type?: 'left' | 'inner';
  on: Record<string, string>;
}

export type TimeColumnType = 'timestamp' | 'date' | 'month';
export type TimeDefinition = string | { column: string; type?: TimeColumnType };

export interface DimensionDefinition {
  column?: string;
  label?: LocalizedText;
  type?: 'string' | 'number' | 'boolean' | 'time' | 'date';
  labels?: Record<string, LocalizedText>;
}

export interface MeasureDefinition {
  agg?: Aggregation;
  column?: string;
  where?: Conditions;
  expr?: string;
  label?: LocalizedText;
  format?: ValueFormat;
  currency?: string;
  goodWhen?: 'up' | 'down';
}

export type DurationUnit = 'second' | 'minute' | 'hour' | 'day';

/** A column computed portably: the compiler writes it in each database's own SQL. */
export type ComputedColumnDefinition = { duration: { from: string; to: string; unit?: DurationUnit } } | { daysSince: string };

export interface DatasetDefinition {
  source: string;
  table?: string;
  sql?: string;
  joins?: JoinDefinition[];
  columns?: Record<string, ComputedColumnDefinition>;
  time?: TimeDefinition;
  filters?: Conditions;
  dimensions?: Record<string, DimensionDefinition>;
  measures?: Record<string, MeasureDefinition>;
  rowScope?: Record<string, string>;
  /** Seconds results of this dataset stay cached; 0 = never. Default: the config's `cache.ttlSeconds`. */
  cacheSeconds?: number;
}

export interface PanelDefinition {
  id: string;
  type: PanelType;
  title?: LocalizedText;
  description?: LocalizedText;
  dataset?: string;
  measure?: string;
  measures?: string[];
  dimensions?: string[];
  columns?: string[];
  filters?: Conditions;
  period?: string | null;
  compare?: Comparison | Comparison[];
  target?: { dataset: string; measure: string; for?: string };
  sort?: string | string[];
  limit?: number;
  other?: boolean;
  sparkline?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  width?: number;
  height?: 's' | 'm' | 'l';
  horizontal?: boolean;
  donut?: boolean;
  /** table: rows per page in the dashboard. Default 20. */
  pageSize?: number;
  drill?: { parameter?: string; report?: string };
  /** tasks: which control tasks to list (see {@link TasksPanelFilter}). */
  tasks?: TasksPanelFilter;
}

export interface ReportDefinition {
  $schema?: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  tags?: string[];
  theme?: string;
  access?: { roles?: string[]; users?: string[] };
  /** Dashboard auto-refresh: seconds, or "30s" / "5m" / "1h". Default: no refresh. */
  refresh?: number | string;
  print?: { paper?: 'A4' | 'Letter'; orientation?: 'portrait' | 'landscape' };
  parameters?: ParameterDefinition[];
  datasets: Record<string, DatasetDefinition>;
  panels: PanelDefinition[];
}
