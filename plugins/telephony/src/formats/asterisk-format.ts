/**
 * @module Asterisk call logs: `cdr_csv` Master.csv (no header; 16 base fields, then uniqueid and
 * userfield when logged, then peeraccount, linkedid and sequence with `newcdrcolumns`), and
 * `cdr_custom` with a column list (default: the stock `cdr_custom.conf` sample line).
 */
import { blank, type CsvColumn, channelPeer, columnRef, type FormatSpec, ISO_DATE_FORMAT, ident } from './format-spec.js';

const BASE = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
];
const NEW_COLUMNS = ['peeraccount', 'linkedid', 'sequence'];

/** Master.csv layouts by field count; loguniqueid and loguserfield default to yes in cdr.conf. */
export const ASTERISK_CSV_LAYOUTS: Record<number, string[]> = {
  16: BASE,
  17: [...BASE, 'uniqueid'],
  18: [...BASE, 'uniqueid', 'userfield'],
  19: [...BASE, ...NEW_COLUMNS],
  20: [...BASE, 'uniqueid', ...NEW_COLUMNS],
  21: [...BASE, 'uniqueid', 'userfield', ...NEW_COLUMNS],
};

/** The line of `cdr_custom.conf.sample`, which most installs keep. */
export const ASTERISK_CUSTOM_DEFAULT = [
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'accountcode',
  'uniqueid',
  'userfield',
  'sequence',
];

const TIMES = new Set(['start', 'answer', 'end']);
const NUMBERS = new Set(['duration', 'billsec', 'sequence']);

export function asteriskSpec(
  format: 'asterisk-csv' | 'asterisk-custom',
  names: readonly string[],
  delimiter: string,
  dateFormat = ISO_DATE_FORMAT,
): FormatSpec {
  const columns: CsvColumn[] = names.map((name) => ({
    name,
    type: TIMES.has(name) ? 'TIMESTAMP' : NUMBERS.has(name) ? 'BIGINT' : 'VARCHAR',
  }));
  const col = (name: string) => columnRef(columns, name);
  // A CDR without uniqueid is still one leg: its channel name and start time identify it.
  const fallbackId = `concat_ws('@', ${col('channel')}, strftime(${col('start')}, '%Y%m%d%H%M%S'))`;
  const callId = col('uniqueid') === 'NULL' ? fallbackId : `coalesce(${blank(col('uniqueid'))}, ${fallbackId})`;
  return {
    format,
    columns,
    header: false,
    delimiter,
    dateFormat,
    lineLog: true,
    fields: {
      call_id: callId,
      linked_id: col('linkedid') === 'NULL' ? callId : `coalesce(${blank(col('linkedid'))}, ${callId})`,
      sequence: col('sequence'),
      start: col('start'),
      answer: col('answer'),
      end: col('end'),
      duration: col('duration'),
      billsec: col('billsec'),
      disposition_raw: col('disposition'),
      answered: col('disposition') === 'NULL' ? `${col('answer')} IS NOT NULL` : `upper(${ident('disposition')}) = 'ANSWERED'`,
      caller: blank(col('src')),
      callee: blank(col('dst')),
      context: blank(col('dcontext')),
      src_peer: channelPeer(col('channel')),
      dst_peer: channelPeer(col('dstchannel')),
      queue:
        col('lastapp') === 'NULL'
          ? 'NULL'
          : `CASE WHEN ${ident('lastapp')} = 'Queue' THEN nullif(split_part(${col('lastdata')}, ',', 1), '') END`,
      direction: 'NULL',
      extension: 'NULL',
      trunk: 'NULL',
      bleg: 'NULL',
    },
  };
}
