/** @module The normalised `calls` table every call-log format loads into (documented in the README). */
import type { ColumnInfo, LogicalType } from '@vitrina/core/connector';

/** Column → [DuckDB type, logical type, description]. Order is the table's column order. */
export const CALLS_COLUMNS = {
  call_id: ['VARCHAR', 'string', "The PBX's id of the record (Asterisk uniqueid, FreeSWITCH uuid, 3CX history id)."],
  linked_id: [
    'VARCHAR',
    'string',
    'One logical call: all its legs share it (Asterisk linkedid, the FreeSWITCH A-leg uuid, the 3CX call id).',
  ],
  leg: ['INTEGER', 'integer', 'Position of the leg in its logical call, from 1, by start time and sequence. Count calls with leg = 1.'],
  sequence: ['BIGINT', 'integer', "The PBX's own record sequence number, when it logs one."],
  started_at: ['TIMESTAMPTZ', 'timestamp', 'When the leg started (UTC).'],
  answered_at: ['TIMESTAMPTZ', 'timestamp', 'When it was answered (UTC); NULL when not answered.'],
  ended_at: ['TIMESTAMPTZ', 'timestamp', 'When it ended (UTC).'],
  ring_seconds: ['INTEGER', 'integer', 'Seconds before the answer (the whole leg when not answered).'],
  talk_seconds: ['INTEGER', 'integer', 'Seconds of conversation; 0 when not answered.'],
  direction: ['VARCHAR', 'string', 'inbound, outbound or internal.'],
  disposition: ['VARCHAR', 'string', 'answered, no_answer, busy or failed.'],
  disposition_raw: ['VARCHAR', 'string', "The PBX's own word for it (ANSWERED, NO_USER_RESPONSE, TerminatedBySrc…)."],
  caller: ['VARCHAR', 'string', 'Calling number.'],
  callee: ['VARCHAR', 'string', 'Called number.'],
  extension: ['VARCHAR', 'string', 'The internal extension on our side of the call.'],
  trunk: ['VARCHAR', 'string', 'The trunk or line the call used (inbound: where it came from; outbound: where it went).'],
  queue: ['VARCHAR', 'string', 'The queue the call went through.'],
  context: ['VARCHAR', 'string', 'The dial context (Asterisk, FreeSWITCH).'],
  manager_id: ['BIGINT', 'integer', 'The CRM manager the extension maps to (VARCHAR when the mapping has non-integer ids).'],
  manager_name: ['VARCHAR', 'string', "The manager's name, when the mapping provides one."],
  department_id: ['BIGINT', 'integer', "The manager's department id, when the mapping provides one (VARCHAR when not all integers)."],
  department: ['VARCHAR', 'string', "The manager's department name, when the mapping provides one."],
} as const satisfies Record<string, readonly [string, LogicalType, string]>;

export type CallsColumn = keyof typeof CALLS_COLUMNS;

export const CALLS_TABLE = 'calls';

/** Column infos for `introspect`: types are declared by this plugin, so they are precise. */
export function callsColumns(): ColumnInfo[] {
  return Object.entries(CALLS_COLUMNS).map(([name, [nativeType, type]]) => ({
    name,
    type,
    nativeType,
    nullable: !['call_id', 'linked_id', 'leg', 'started_at', 'ring_seconds', 'talk_seconds', 'direction', 'disposition'].includes(name),
    fidelity: 'precise',
  }));
}
