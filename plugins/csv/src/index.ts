/** @module @vitrina/plugin-csv: CSV files (one file or a glob as one table), loaded into a DuckDB extract. */
import { defineConnector } from '@vitrina/core/connector';
import { type CsvOptions, csvOptionsSchema } from './csv-options.js';
import { CsvSource } from './csv-source.js';

export default defineConnector<CsvOptions>({
  name: 'csv',
  apiVersion: 1,
  title: 'CSV files',
  configSchema: csvOptionsSchema,
  create: (options, context) => new CsvSource(options, context),
});

export type { CsvColumnType, CsvDateFormat, CsvOptions } from './csv-options.js';
export { CsvSource } from './csv-source.js';
export type { PlannedColumn, TablePlan } from './table-plan.js';
