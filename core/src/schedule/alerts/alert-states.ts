/**
 * @module Alert states in the store: firing or armed, since when, and the last reading. Firing
 * is an edge: only the change from armed to firing notifies, and clearing re-arms. The server
 * lists active alerts from here (dashboard index, affected panels).
 */
import type { Kysely } from 'kysely';
import type { AttributeValue } from '../../access/viewer.js';
import type { ScheduleTables } from '../store/schedule-tables.js';
import type { AlertReading } from './evaluate-alert.js';

export interface AlertState {
  name: string;
  firing: boolean;
  since: Date | null;
  evaluatedAt: Date;
  reading: AlertReading | null;
}

/** What a dashboard shows for a firing alert. */
export interface ActiveAlert {
  name: string;
  title: string;
  report: string;
  panel?: string;
  /** The dataset and measure the rule reads: panels of the report showing them are affected. */
  dataset: string;
  measure: string;
  /** The rule's row scope, if any (a viewer outside it is not shown the alert). */
  scope?: Record<string, AttributeValue>;
  since: Date;
  reason: string;
  value: number | null;
  /** The dashboard filtered to the cause. */
  link: string;
}

export class AlertStates {
  constructor(readonly db: Kysely<ScheduleTables>) {}

  async get(name: string): Promise<AlertState | undefined> {
    const row = await this.db.selectFrom('vitrina_alert_states').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return undefined;
    const detail = JSON.parse(row.detail) as { reading?: AlertReading };
    return {
      name: row.name,
      firing: Number(row.firing) === 1,
      since: row.since === null ? null : new Date(Number(row.since)),
      evaluatedAt: new Date(Number(row.evaluated_at)),
      reading: detail.reading ?? null,
    };
  }

  async all(): Promise<AlertState[]> {
    const rows = await this.db.selectFrom('vitrina_alert_states').select('name').execute();
    return (await Promise.all(rows.map((r) => this.get(r.name)))).filter((s): s is AlertState => s !== undefined);
  }

  /** Stores a reading; returns `fired` when it switched from armed to firing (notify), `cleared` when it re-armed. */
  async record(
    name: string,
    reading: AlertReading,
    at: Date,
    extra: Record<string, unknown> = {},
  ): Promise<'fired' | 'cleared' | 'unchanged'> {
    const before = await this.get(name);
    const wasFiring = before?.firing ?? false;
    const since = reading.fired ? (wasFiring ? (before?.since ?? at) : at) : null;
    const values = {
      firing: reading.fired ? 1 : 0,
      since: since?.getTime() ?? null,
      evaluated_at: at.getTime(),
      detail: JSON.stringify({ reading, ...extra }),
    };
    await this.db
      .insertInto('vitrina_alert_states')
      .values({ name, ...values })
      .onConflict((oc) => oc.column('name').doUpdateSet(values))
      .execute();
    if (reading.fired && !wasFiring) return 'fired';
    if (!reading.fired && wasFiring) return 'cleared';
    return 'unchanged';
  }
}
