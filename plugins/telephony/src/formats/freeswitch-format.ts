/**
 * @module FreeSWITCH `mod_cdr_csv`: the stock `example` template (15 fields; 13 without the
 * codecs, as in the `sql` template) or a custom template given as its list of variable names. With
 * `legs="ab"` each B-leg has its own line; the A-leg names it in `bleg_uuid`, which links the two.
 */
import { blank, type CsvColumn, columnRef, type FormatSpec, ISO_DATE_FORMAT } from './format-spec.js';

/** `<template name="example">` of the stock cdr_csv.conf.xml. */
export const FREESWITCH_EXAMPLE = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
  'read_codec',
  'write_codec',
];
/** The same without the codecs (13 fields). */
export const FREESWITCH_SHORT = FREESWITCH_EXAMPLE.slice(0, 13);

const TIMES = new Set(['start_stamp', 'answer_stamp', 'end_stamp']);
const NUMBERS = new Set(['duration', 'billsec', 'mduration', 'billmsec']);

export function freeswitchSpec(names: readonly string[], delimiter: string, dateFormat = ISO_DATE_FORMAT): FormatSpec {
  const columns: CsvColumn[] = names.map((name) => ({
    name,
    type: TIMES.has(name) ? 'TIMESTAMP' : NUMBERS.has(name) ? 'BIGINT' : 'VARCHAR',
  }));
  const col = (name: string) => columnRef(columns, name);
  const uuid = blank(col('uuid'));
  // A template with originating_leg_uuid names the A-leg outright; otherwise bleg_uuid links them.
  const origin = blank(col('originating_leg_uuid'));
  return {
    format: 'freeswitch-csv',
    columns,
    header: false,
    delimiter,
    dateFormat,
    lineLog: true,
    fields: {
      call_id: uuid,
      linked_id: origin === 'NULL' ? uuid : `coalesce(${origin}, ${uuid})`,
      sequence: 'NULL',
      start: col('start_stamp'),
      answer: col('answer_stamp'),
      end: col('end_stamp'),
      duration: col('duration'),
      billsec: col('billsec'),
      disposition_raw: col('hangup_cause'),
      answered: col('answer_stamp') === 'NULL' ? `coalesce(${col('billsec')}, 0) > 0` : `${col('answer_stamp')} IS NOT NULL`,
      caller: blank(col('caller_id_number')),
      callee: blank(col('destination_number')),
      context: blank(col('context')),
      src_peer: 'NULL',
      dst_peer: 'NULL',
      queue: blank(col('cc_queue')),
      direction: 'NULL',
      extension: 'NULL',
      trunk: 'NULL',
      bleg: origin === 'NULL' ? blank(col('bleg_uuid')) : 'NULL',
    },
  };
}
