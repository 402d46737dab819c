/**
 * @module State migration of schedules, alerts and tasks: the delivery log (one row per
 * schedule × slot × recipient: the row *is* the lock that makes each slot go out once), the
 * last slot each schedule has seen (for catch-up after downtime), alert states and control tasks.
 * Named `0010-…` so the access migrations may take 0002–0009 without reordering.
 */
import type { Kysely } from 'kysely';
import type { StateMigration } from '../../state/state-migration.js';

export const scheduleMigration: StateMigration = {
  name: '0010-schedule',
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('vitrina_deliveries')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slot', 'bigint', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('error', 'text')
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('vitrina_deliveries_due')
      .ifNotExists()
      .on('vitrina_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('vitrina_deliveries_name')
      .ifNotExists()
      .on('vitrina_deliveries')
      .columns(['kind', 'name', 'slot'])
      .execute();
    await db.schema
      .createTable('vitrina_schedule_marks')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('last_slot', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vitrina_alert_states')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('firing', 'integer', (c) => c.notNull())
      .addColumn('since', 'bigint')
      .addColumn('evaluated_at', 'bigint', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .createTable('vitrina_tasks')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_at', 'bigint')
      .addColumn('done_by', 'text')
      .addColumn('comment', 'text')
      .addColumn('escalated_at', 'bigint')
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('vitrina_tasks_owner').ifNotExists().on('vitrina_tasks').columns(['owner', 'status']).execute();
  },
};
