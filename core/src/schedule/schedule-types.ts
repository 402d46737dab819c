/**
 * @module Config shapes of scheduled reports, alerts and control tasks (the `schedules`,
 * `alerts`, `tasks` and `smtp` blocks of vitrina.config.json). `core/schemas/config.schema.json`
 * is the truth; defaults are written in the JSDoc and applied where the values are read.
 */
import type { AttributeValue } from '../access/viewer.js';

/** A secret: the name of an environment variable holding it, never the value itself. */
export interface EnvRef {
  env: string;
}

export interface SmtpConfig {
  host: string;
  /** Default 587 (465 when `secure`). */
  port?: number;
  /** TLS from the first byte (port 465). Default false: STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  password?: EnvRef;
  /** Sender address, e.g. `"Vitrina <reports@example.com>"`. */
  from: string;
  /** Connection, greeting and socket timeout. Default 30. */
  timeoutSeconds?: number;
}

export type ChannelConfig =
  | { type: 'email'; subject?: string }
  | { type: 'folder'; path: string }
  | { type: 'webhook'; url: string; secret?: EnvRef; timeoutSeconds?: number };

/**
 * A user name of the state store (their attributes give the row scope, their `email` attribute
 * the address), an e-mail address (unrestricted), or an inline recipient with its own scope.
 */
export type RecipientConfig =
  | string
  | { user: string; address?: string }
  | { address: string; name?: string; attributes?: Record<string, AttributeValue> };

export interface RetryPolicy {
  /** Attempts in all, the first included. Default 5. */
  attempts?: number;
  /** Wait before the 2nd attempt; doubled each time. Default 60. */
  backoffSeconds?: number;
  /** Cap of the wait. Default 3600. */
  maxBackoffSeconds?: number;
}

/** What to do with slots that passed while no instance was running. */
export type CatchUpPolicy = 'all' | 'latest' | 'skip';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';

/** Parameter values as in a dashboard URL; relative periods (`last_month`) resolve at the slot's time. */
export type ScheduleParameters = Record<string, string | string[] | number | boolean>;

export interface ScheduleConfig {
  name: string;
  /** Five or six fields (croner). */
  cron: string;
  /** IANA zone of the cron fields. Default: the config's `timezone`. */
  timezone?: string;
  report: string;
  parameters?: ScheduleParameters;
  /** Default pdf. */
  format?: ReportFormat;
  /** Only these panels (xlsx, csv). Default: all. */
  panels?: string[];
  locale?: 'en' | 'ru';
  subject?: string;
  /** Default: one unrestricted delivery (folder, webhook); e-mail needs at least one. */
  recipients?: RecipientConfig[];
  /** Default e-mail. */
  channel?: ChannelConfig;
  /** Default `latest`: after downtime send the most recent missed slot once. */
  catchUp?: CatchUpPolicy;
  /** A slot this late counts as missed (the catch-up policy applies). Default 15. */
  graceMinutes?: number;
  retry?: RetryPolicy;
  /** Default true. */
  enabled?: boolean;
}

export type AlertGrain = 'day' | 'week' | 'month';

export type AlertCondition =
  /** The period's value (or its attainment of plan / run-rate attainment / change vs previous period) crosses a bound. */
  | {
      type: 'threshold';
      /** Default `value`. `attainment` and `run_rate` need `target`; `change` compares with the previous period. */
      of?: 'value' | 'attainment' | 'run_rate' | 'change';
      below?: number;
      above?: number;
    }
  /** The last `periods` complete periods each fell. */
  | { type: 'declines'; grain: AlertGrain; periods: number }
  /** The last complete period fell by more than `percent` % vs the one before (week-over-week, month-over-month). */
  | { type: 'drop'; grain: AlertGrain; percent: number }
  /** The last complete period is below the lowest (or the mean minus `deviations` σ) of the `periods` before. */
  | { type: 'band'; grain: AlertGrain; periods: number; deviations?: number };

export interface AlertConfig {
  name: string;
  title?: string;
  /** When to evaluate. */
  cron: string;
  timezone?: string;
  /** The report whose dataset holds the measure; the alert links to its dashboard. */
  report: string;
  dataset: string;
  measure: string;
  /** The panel the alert belongs to on the dashboard (shown there). */
  panel?: string;
  /** The plan to compare with (threshold `of: attainment | run_rate`). */
  target?: { dataset: string; measure: string };
  parameters?: ScheduleParameters;
  /** Row scope of the numbers, e.g. `{ "department_id": 2 }`. Default: everything. */
  scope?: Record<string, AttributeValue>;
  condition: AlertCondition;
  recipients?: RecipientConfig[];
  channel?: ChannelConfig;
  retry?: RetryPolicy;
  enabled?: boolean;
}

export interface TaskConfig {
  name: string;
  title?: string;
  /** When a new instance of the task opens. */
  cron: string;
  timezone?: string;
  /** User name (or address) responsible. */
  owner: string;
  checklist?: string[];
  /** A report to work from; the task links to its dashboard. */
  report?: string;
  parameters?: ScheduleParameters;
  /** Time allowed after opening, e.g. `4h`, `2d`. */
  due: string;
  /** Who hears about it when it is overdue (a user name or an address). */
  escalateTo?: string;
  channel?: ChannelConfig;
  enabled?: boolean;
}
