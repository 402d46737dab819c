/**
 * @module The delivery log: every (schedule|alert|task, slot, recipient) is one row, inserted
 * with `ON CONFLICT DO NOTHING`, so however many instances enumerate a slot it is recorded once.
 * Sending needs a lease: a compare-and-set UPDATE that only one instance can win (pending, a
 * retry that is due, or a lease whose holder died). Works the same in SQLite and PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import type { DeliveryKind, DeliveryRow, DeliveryStatus, ScheduleTables } from './schedule-tables.js';

export interface DeliveryEntry {
  kind: DeliveryKind;
  name: string;
  slot: Date;
  recipient: string;
  /** `skipped` records a slot the catch-up policy dropped. Default `pending`. */
  status?: 'pending' | 'skipped';
  error?: string;
  detail?: Record<string, unknown>;
}

/** A row as the API returns it: numbers as numbers, detail parsed. */
export interface Delivery {
  id: string;
  kind: DeliveryKind;
  name: string;
  slot: Date;
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  error: string | null;
  detail: Record<string, unknown>;
  updatedAt: Date;
}

export function deliveryId(kind: DeliveryKind, name: string, slot: Date, recipient: string): string {
  return `${kind}:${name}:${slot.getTime()}:${recipient}`;
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    slot: new Date(Number(row.slot)),
    recipient: row.recipient,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    error: row.error,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export class DeliveryLog {
  constructor(
    readonly db: Kysely<ScheduleTables>,
    readonly dialect: 'sqlite' | 'postgres',
    /** This instance's name in leases (host:pid:random). */
    readonly owner: string,
  ) {}

  /** Records entries that are not there yet; returns how many were new. */
  async enqueue(entries: readonly DeliveryEntry[], now: Date): Promise<number> {
    let added = 0;
    for (const e of entries) {
      const result = await this.db
        .insertInto('vitrina_deliveries')
        .values({
          id: deliveryId(e.kind, e.name, e.slot, e.recipient),
          kind: e.kind,
          name: e.name,
          slot: e.slot.getTime(),
          recipient: e.recipient,
          status: e.status ?? 'pending',
          attempts: 0,
          next_attempt_at: e.slot.getTime(),
          error: e.error ?? null,
          detail: JSON.stringify(e.detail ?? {}),
          created_at: now.getTime(),
          updated_at: now.getTime(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return added;
  }

  /** Takes the lease of one delivery if nobody holds it and it is due; false when another instance has it. */
  async claim(id: string, now: Date, leaseMs: number): Promise<boolean> {
    const t = now.getTime();
    const result = await this.db
      .updateTable('vitrina_deliveries')
      .set({ status: 'sending', lease_owner: this.owner, lease_until: t + leaseMs, attempts: sql`attempts + 1`, updated_at: t })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'retry'), eb('next_attempt_at', '<=', t)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Deliveries that may be claimed now, oldest first. */
  async due(now: Date, limit = 50): Promise<Delivery[]> {
    const t = now.getTime();
    const rows = await this.db
      .selectFrom('vitrina_deliveries')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'retry'), eb('next_attempt_at', '<=', t)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', t)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  async succeed(id: string, now: Date, detail: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('vitrina_deliveries')
      .set({ status: 'sent', error: null, lease_owner: null, lease_until: null, detail: JSON.stringify(detail), updated_at: now.getTime() })
      .where('id', '=', id)
      .where('lease_owner', '=', this.owner)
      .execute();
  }

  /** A failed attempt: `retryAt` schedules another one, else the delivery has failed for good. */
  async fail(id: string, now: Date, error: string, retryAt?: Date, detail?: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable('vitrina_deliveries')
      .set({
        status: retryAt ? 'retry' : 'failed',
        error,
        next_attempt_at: retryAt ? retryAt.getTime() : now.getTime(),
        lease_owner: null,
        lease_until: null,
        updated_at: now.getTime(),
        ...(detail ? { detail: JSON.stringify(detail) } : {}),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', this.owner)
      .execute();
  }

  async get(id: string): Promise<Delivery | undefined> {
    const row = await this.db.selectFrom('vitrina_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  /** Newest first. */
  async list(filter: { kind?: DeliveryKind; name?: string; status?: DeliveryStatus; limit?: number } = {}): Promise<Delivery[]> {
    let q = this.db.selectFrom('vitrina_deliveries').selectAll();
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.name) q = q.where('name', '=', filter.name);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q
      .orderBy('slot', 'desc')
      .orderBy('recipient')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(toDelivery);
  }

  /** The last slot a schedule has enumerated (any instance), or undefined on its first start. */
  async mark(key: string): Promise<Date | undefined> {
    const row = await this.db.selectFrom('vitrina_schedule_marks').select('last_slot').where('key', '=', key).executeTakeFirst();
    return row ? new Date(Number(row.last_slot)) : undefined;
  }

  /** Moves the mark forward only: an instance with a late clock never moves it back. */
  async advanceMark(key: string, to: Date): Promise<void> {
    const larger = this.dialect === 'postgres' ? sql`greatest` : sql`max`;
    await this.db
      .insertInto('vitrina_schedule_marks')
      .values({ key, last_slot: to.getTime() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ last_slot: sql`${larger}(vitrina_schedule_marks.last_slot, excluded.last_slot)` }))
      .execute();
  }
}
