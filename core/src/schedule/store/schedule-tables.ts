/**
 * @module Row types of the schedule tables. Times are epoch milliseconds (`bigint`, which pg
 * returns as text: read them with `Number`); details are JSON text.
 */

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'retry' | 'failed' | 'skipped';
export type DeliveryKind = 'schedule' | 'alert' | 'task';

export interface DeliveryRow {
  /** `kind:name:slot:recipient` — its uniqueness is what makes a slot go out once. */
  id: string;
  kind: DeliveryKind;
  name: string;
  slot: number | string;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number | string;
  lease_owner: string | null;
  lease_until: number | string | null;
  error: string | null;
  detail: string;
  created_at: number | string;
  updated_at: number | string;
}

export interface ScheduleMarkRow {
  key: string;
  last_slot: number | string;
}

export interface AlertStateRow {
  name: string;
  firing: number;
  since: number | string | null;
  evaluated_at: number | string;
  detail: string;
}

export interface TaskRow {
  id: string;
  name: string;
  title: string;
  owner: string;
  opened_at: number | string;
  due_at: number | string;
  status: 'open' | 'done';
  done_at: number | string | null;
  done_by: string | null;
  comment: string | null;
  escalated_at: number | string | null;
  detail: string;
}

export interface ScheduleTables {
  vitrina_deliveries: DeliveryRow;
  vitrina_schedule_marks: ScheduleMarkRow;
  vitrina_alert_states: AlertStateRow;
  vitrina_tasks: TaskRow;
}
