/** @module State migration 0001: users, sessions, API tokens and the audit log. */
import type { Kysely } from 'kysely';
import type { StateMigration } from '../state-migration.js';

export const accessMigration: StateMigration = {
  name: '0001-access',
  async up(db: Kysely<any>, dialect) {
    await db.schema
      .createTable('vitrina_users')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('password_hash', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vitrina_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().references('vitrina_users.username').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('vitrina_sessions_username').on('vitrina_sessions').column('username').execute();
    await db.schema
      .createTable('vitrina_api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('username', 'text', (c) => c.notNull().references('vitrina_users.username').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('dashboards', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('last_used_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createTable('vitrina_audit_log')
      // The only dialect difference: how an auto-numbered key is spelled.
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('subject', 'text')
      .addColumn('ip', 'text')
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('vitrina_audit_at').on('vitrina_audit_log').column('at').execute();
    // Login throttling counts recent failures per account and per address.
    await db.schema.createIndex('vitrina_audit_subject').on('vitrina_audit_log').columns(['event', 'subject', 'at']).execute();
    await db.schema.createIndex('vitrina_audit_ip').on('vitrina_audit_log').columns(['event', 'ip', 'at']).execute();
  },
};
