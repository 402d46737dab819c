/** @module @vitrina/plugin-telephony: PBX call-detail records normalised into one `calls` table. */
import { defineConnector } from '@vitrina/core/connector';
import { type TelephonyOptions, telephonyOptionsSchema } from './telephony-options.js';
import { TelephonySource } from './telephony-source.js';

export default defineConnector<TelephonyOptions>({
  name: 'telephony',
  apiVersion: 1,
  title: 'Telephony call logs (Asterisk, FreeSWITCH, 3CX, generic CSV)',
  configSchema: telephonyOptionsSchema,
  capabilities: { supportsPreciseTypes: true, supportsIncrementalRead: true },
  create: (options, context) => new TelephonySource(options, context),
});

export { CALLS_COLUMNS, CALLS_TABLE } from './calls-table.js';
export type { CdrFormat, GenericField, ManagerMapping, TelephonyOptions } from './telephony-options.js';
export { TelephonySource } from './telephony-source.js';
