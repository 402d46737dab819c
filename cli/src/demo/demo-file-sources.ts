/**
 * @module The demo config's file sources: `telephony` (the Asterisk Master.csv, which the call
 * reports read), `telephony_freeswitch` (the same calls as FreeSWITCH logs them, A+B legs: count
 * calls with `leg = 1`), and `plan` (the activity plan exported from Excel). Extensions map to CRM
 * managers, with their departments, by a query on the `crm` source.
 */
import { DEMO_FILES } from './write-demo-files.js';

export const DEMO_PLUGINS = ['@vitrina/plugin-telephony', '@vitrina/plugin-csv'] as const;

const MANAGERS_SQL =
  'select m.extension, m.id as manager_id, m.name as manager_name, m.department_id, d.name as department from managers m join departments d on d.id = m.department_id';

export function demoFileSources(timezone: string): Record<string, Record<string, unknown>> {
  const pbx = {
    plugin: 'telephony',
    timezone,
    internalPattern: '[0-9]{3,4}',
    trunkPattern: 'trunk-.*',
    managers: { source: 'crm', sql: MANAGERS_SQL },
    badRows: 'skip',
  };
  return {
    telephony: { ...pbx, file: DEMO_FILES.asterisk, format: 'asterisk-csv' },
    telephony_freeswitch: { ...pbx, file: DEMO_FILES.freeswitch, format: 'freeswitch-csv' },
    plan: {
      plugin: 'csv',
      path: DEMO_FILES.plan,
      table: 'activity_plan',
      delimiter: ';',
      encoding: 'windows-1251',
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
      // English names for the Russian header; the types (integer ids and counts, dates, decimal-comma
      // revenue) are what inference finds in the file.
      columns: ['manager_id', 'manager_name', 'department_id', 'department', 'month', 'calls', 'meetings', 'revenue'],
    },
  };
}
