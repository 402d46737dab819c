/**
 * @module `generic`: any CSV call export, through a mapping from normalised fields to the file's
 * own column names (taken from its header line, or from the `columns` option), with its date format.
 */
import { VitrinaError } from '@vitrina/core';
import type { GenericField } from '../telephony-options.js';
import { blank, type ColumnType, type CsvColumn, type FormatSpec, ISO_DATE_FORMAT, ident, literal } from './format-spec.js';

const TYPES: Partial<Record<GenericField, ColumnType>> = {
  started_at: 'TIMESTAMP',
  answered_at: 'TIMESTAMP',
  ended_at: 'TIMESTAMP',
  duration: 'BIGINT',
  talk_seconds: 'BIGINT',
  sequence: 'BIGINT',
};

export interface GenericInput {
  names: readonly string[];
  header: boolean;
  mapping: Partial<Record<GenericField, string>>;
  directions?: Record<string, string>;
  delimiter: string;
  dateFormat?: string;
  sourceName: string;
}

export function genericSpec(input: GenericInput): FormatSpec {
  const { names, mapping } = input;
  if (!mapping.started_at)
    throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${input.sourceName}': format 'generic' needs mapping.started_at`, {
      pointer: `/sources/${input.sourceName}/mapping`,
      hint: 'map at least started_at, and duration or ended_at, to column names of the file',
    });
  const typeOf = new Map<string, ColumnType>();
  for (const [field, column] of Object.entries(mapping) as [GenericField, string][]) {
    if (!names.includes(column))
      throw new VitrinaError(
        'SOURCE_CONFIG_INVALID',
        `source '${input.sourceName}': mapping.${field} names column '${column}', which the file does not have`,
        {
          pointer: `/sources/${input.sourceName}/mapping/${field}`,
          hint: `columns: ${names.join(', ')}`,
        },
      );
    const type = TYPES[field];
    if (type) typeOf.set(column, type);
  }
  const columns: CsvColumn[] = names.map((name) => ({ name, type: typeOf.get(name) ?? 'VARCHAR' }));
  const ref = (field: GenericField) => (mapping[field] ? ident(mapping[field]) : 'NULL');
  const text = (field: GenericField) => blank(ref(field));
  const callId = mapping.call_id
    ? text('call_id')
    : `md5(concat_ws('|', ${ref('caller')}, ${ref('callee')}, ${ref('started_at')}, ${ref('extension')}))`;
  const duration = mapping.duration
    ? ref('duration')
    : mapping.ended_at
      ? `CAST(epoch(${ref('ended_at')}) - epoch(${ref('started_at')}) AS BIGINT)`
      : 'NULL';
  const mapped = Object.entries(input.directions ?? {})
    .map(([raw, direction]) => `WHEN ${text('direction')} = ${literal(raw)} THEN ${literal(direction)}`)
    .join(' ');
  const direction = mapping.direction
    ? `CASE ${mapped} WHEN lower(${text('direction')}) IN ('inbound', 'outbound', 'internal') THEN lower(${text('direction')}) END`
    : 'NULL';
  return {
    format: 'generic',
    columns,
    header: input.header,
    delimiter: input.delimiter,
    dateFormat: input.dateFormat ?? ISO_DATE_FORMAT,
    lineLog: false,
    fields: {
      call_id: callId,
      linked_id: mapping.linked_id ? `coalesce(${text('linked_id')}, ${callId})` : callId,
      sequence: ref('sequence'),
      start: ref('started_at'),
      answer: ref('answered_at'),
      end: mapping.ended_at ? ref('ended_at') : 'NULL',
      duration,
      billsec: ref('talk_seconds'),
      disposition_raw: text('disposition'),
      answered: `(${ref('answered_at')} IS NOT NULL OR coalesce(${ref('talk_seconds')}, 0) > 0)`,
      caller: text('caller'),
      callee: text('callee'),
      context: text('context'),
      src_peer: 'NULL',
      dst_peer: 'NULL',
      queue: text('queue'),
      direction: mapping.direction ? direction : 'NULL',
      extension: text('extension'),
      trunk: text('trunk'),
      bleg: 'NULL',
    },
  };
}
