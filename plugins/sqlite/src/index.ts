/** @module @vitrina/plugin-sqlite: the CRM database on SQLite. */
import { defineConnector } from '@vitrina/core/connector';
import { type SqliteOptions, sqliteOptionsSchema } from './sqlite-options.js';
import { SqliteSource } from './sqlite-source.js';

export default defineConnector<SqliteOptions>({
  name: 'sqlite',
  apiVersion: 1,
  title: 'SQLite database',
  configSchema: sqliteOptionsSchema,
  capabilities: { supportsPreciseTypes: true, supportsStreaming: true },
  create: (options, context) => new SqliteSource(options, context),
});

export { createLocalTimeFunction } from './local-time-function.js';
export type { SqliteOptions } from './sqlite-options.js';
export { SqliteSource } from './sqlite-source.js';
