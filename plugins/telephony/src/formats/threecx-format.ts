/**
 * @module 3CX CDR logs: one header-less line per call, 27 fields (the column order of 3CX's CDR
 * service output as documented by dorel14/3CX-Cdr-Server). Parties are `Ext.101` or numbers; the
 * from/to types (`Internal`/`External`, or `Extension`/`Line` in newer versions) give the direction.
 */
import { blank, type CsvColumn, type FormatSpec, ident } from './format-spec.js';

export const THREECX_COLUMNS = [
  'historyid',
  'callid',
  'duration',
  'time_start',
  'time_answered',
  'time_end',
  'reason_terminated',
  'from_no',
  'to_no',
  'from_dn',
  'to_dn',
  'dial_no',
  'reason_changed',
  'final_number',
  'final_dn',
  'bill_code',
  'bill_rate',
  'bill_cost',
  'bill_name',
  'chain',
  'from_type',
  'to_type',
  'final_type',
  'from_dispname',
  'to_dispname',
  'final_dispname',
  'missed_queue_calls',
];

const TIMES = new Set(['time_start', 'time_answered', 'time_end']);
const OUTSIDE = `('External', 'Line')`;

/** `Ext.101` → `101`. */
const party = (name: string) => `nullif(regexp_replace(${ident(name)}, '^Ext\\.', ''), '')`;

export function threecxSpec(delimiter: string, dateFormat = '%Y/%m/%d %H:%M:%S'): FormatSpec {
  const columns: CsvColumn[] = THREECX_COLUMNS.map((name) => ({ name, type: TIMES.has(name) ? 'TIMESTAMP' : 'VARCHAR' }));
  return {
    format: '3cx',
    columns,
    header: false,
    delimiter,
    dateFormat,
    lineLog: true,
    fields: {
      call_id: `coalesce(nullif(regexp_replace(${ident('historyid')}, '^Call ', ''), ''), ${ident('callid')})`,
      linked_id: `coalesce(${blank(ident('callid'))}, ${ident('historyid')})`,
      sequence: 'NULL',
      start: ident('time_start'),
      answer: ident('time_answered'),
      end: ident('time_end'),
      // 3CX's own duration is talk time as HH:MM:SS; the timestamps say the same, to the second.
      duration: 'NULL',
      billsec: 'NULL',
      disposition_raw: ident('reason_terminated'),
      answered: `${ident('time_answered')} IS NOT NULL`,
      caller: party('from_no'),
      callee: party('to_no'),
      context: 'NULL',
      src_peer: blank(ident('from_dn')),
      dst_peer: `coalesce(${blank(ident('final_dn'))}, ${blank(ident('to_dn'))})`,
      queue: 'NULL',
      direction: `CASE WHEN ${ident('from_type')} IN ${OUTSIDE} THEN 'inbound' WHEN ${ident('to_type')} IN ${OUTSIDE} OR ${ident('final_type')} IN ${OUTSIDE} THEN 'outbound' WHEN ${blank(ident('from_type'))} IS NOT NULL THEN 'internal' END`,
      extension: 'NULL',
      trunk: 'NULL',
      bleg: 'NULL',
    },
  };
}
