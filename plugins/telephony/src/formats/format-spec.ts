/**
 * @module What a call-log format resolves to: the columns DuckDB's `read_csv` reads (in file order,
 * with types, so bad dates and numbers are rejected with their line and column) and one SQL
 * expression per canonical field, from which `normalise-sql.ts` builds the `calls` table.
 */

export type ColumnType = 'VARCHAR' | 'BIGINT' | 'TIMESTAMP';

export interface CsvColumn {
  name: string;
  type: ColumnType;
}

/** SQL over the read columns; every field may be `NULL`. Times are the PBX's local wall clock. */
export interface CanonicalFields {
  call_id: string;
  linked_id: string;
  sequence: string;
  start: string;
  answer: string;
  end: string;
  /** Seconds from start to end (ringing included). */
  duration: string;
  /** Seconds of conversation. */
  billsec: string;
  disposition_raw: string;
  /** Whether the PBX says the leg was answered (boolean SQL). */
  answered: string;
  caller: string;
  callee: string;
  context: string;
  /** The calling and called device/line names (Asterisk channel peers, 3CX DNs). */
  src_peer: string;
  dst_peer: string;
  queue: string;
  /** A direction the format itself states (3CX party types, a generic direction column). */
  direction: string;
  /** An extension or trunk the format names outright (generic mappings). */
  extension: string;
  trunk: string;
  /** FreeSWITCH: the uuid of the other leg, which links a B-leg to its A-leg. */
  bleg: string;
}

export interface FormatSpec {
  format: 'asterisk-csv' | 'asterisk-custom' | 'freeswitch-csv' | '3cx' | 'generic';
  columns: CsvColumn[];
  header: boolean;
  delimiter: string;
  dateFormat: string;
  fields: CanonicalFields;
  /**
   * Whether the PBX appends whole lines: a last line without its newline is then a record still
   * being written (or cut short), never a complete one.
   */
  lineLog: boolean;
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A column reference when the layout has the column, else `NULL`. */
export function columnRef(columns: readonly CsvColumn[], name: string): string {
  return columns.some((c) => c.name === name) ? ident(name) : 'NULL';
}

/**
 * The peer name of a channel: `SIP/301-0000001d` → `301`, `PJSIP/gw-mts-00000a` → `gw-mts` (the
 * last `-` part is the channel's unique suffix). Local channels are dialplan plumbing, not a phone
 * or a trunk, so they have none.
 */
export function channelPeer(expr: string): string {
  if (expr === 'NULL') return 'NULL';
  // Fast path for Asterisk's usual 8-hex-digit suffix (plain string functions, ~8× faster than the
  // regular expression on a million rows); the expression handles every other shape.
  return `CASE WHEN ${expr} LIKE 'Local/%' THEN NULL WHEN substr(${expr}, length(${expr}) - 8, 1) = '-' AND strpos(${expr}, '/') > 0 THEN nullif(substr(${expr}, strpos(${expr}, '/') + 1, length(${expr}) - 9 - strpos(${expr}, '/')), '') ELSE nullif(regexp_extract(${expr}, '^[^/]+/([^@;]+?)(?:-[^-/@;]*)?(?:[@;].*)?$', 1), '') END`;
}

/** Empty text as NULL (quoted empty strings reach VARCHAR columns as ''). */
export function blank(expr: string): string {
  return expr === 'NULL' ? 'NULL' : `nullif(${expr}, '')`;
}

export const ISO_DATE_FORMAT = '%Y-%m-%d %H:%M:%S';
