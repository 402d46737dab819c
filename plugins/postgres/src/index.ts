/** @module @vitrina/plugin-postgres: the CRM database on PostgreSQL (and PostgreSQL-compatible engines). */
import { defineConnector } from '@vitrina/core/connector';
import { type PostgresOptions, postgresOptionsSchema } from './postgres-options.js';
import { PostgresSource } from './postgres-source.js';

export default defineConnector<PostgresOptions>({
  name: 'postgres',
  apiVersion: 1,
  title: 'PostgreSQL database',
  configSchema: postgresOptionsSchema,
  capabilities: { supportsConcurrentQueries: true, supportsCancellation: true, supportsPreciseTypes: true },
  create: (options, context) => new PostgresSource(options, context),
});

export { type CopyTable, copyRows, type LoadSchemaOptions, type LoadSchemaSummary, loadSchemaWithCopy } from './load-schema-with-copy.js';
export type { PostgresOptions, SslMode } from './postgres-options.js';
export { PostgresSource } from './postgres-source.js';
