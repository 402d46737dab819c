/**
 * @module The one SELECT that turns a call log into `calls` rows: DuckDB's `read_csv` with the
 * layout's typed columns (bad lines go to a rejects table with their line and column), local PBX
 * times converted to UTC (DST-correct, ICU), durations, direction, disposition, extension, trunk,
 * queue, leg number and the manager mapping, all in DuckDB so a million-row log stays fast.
 */
import { CALLS_COLUMNS } from './calls-table.js';
import { type FormatSpec, ident, literal } from './formats/format-spec.js';
import type { TelephonyOptions } from './telephony-options.js';

export interface NormaliseInput {
  spec: FormatSpec;
  files: readonly string[];
  timezone: string;
  options: TelephonyOptions;
  /** Name of the temporary extension → manager table, when there is a mapping. */
  managers?: string;
  /** SQL types of the mapping's ids (integers unless a mapping has other ids). */
  idTypes: { manager: 'BIGINT' | 'VARCHAR'; department: 'BIGINT' | 'VARCHAR' };
  rejectsTable: string;
  rejectsScan: string;
  /** Keep the FreeSWITCH other-leg uuid as a last column `bleg` (appends relink earlier B-legs). */
  keepLink?: boolean;
}

const BUSY = ['BUSY', 'USER_BUSY', 'CALL_REJECTED', 'TERMINATEDBYDST', '17', '21'];
const NO_ANSWER = [
  'NO ANSWER',
  'NOANSWER',
  'NO_ANSWER',
  'NO_USER_RESPONSE',
  'ORIGINATOR_CANCEL',
  'NORMAL_CLEARING',
  'ALLOTTED_TIMEOUT',
  'FAILED_CANCELLED',
  'TERMINATEDBYSRC',
  'CANCEL',
  'CANCELLED',
  'CANCELED',
  'MISSED',
  '16',
  '18',
  '19',
];

const list = (values: readonly string[]) => `(${values.map(literal).join(', ')})`;

export function readCsvSql(input: Pick<NormaliseInput, 'spec' | 'files' | 'rejectsTable' | 'rejectsScan'>): string {
  const { spec } = input;
  const columns = spec.columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
  return `read_csv([${input.files.map(literal).join(', ')}], header = ${spec.header}, auto_detect = false, delim = ${literal(spec.delimiter)}, quote = '"', escape = '"', columns = {${columns}}, timestampformat = ${literal(spec.dateFormat)}, store_rejects = true, rejects_table = ${literal(input.rejectsTable)}, rejects_scan = ${literal(input.rejectsScan)}, rejects_limit = 0)`;
}

/** Disposition: answered when the PBX says so; else the configured map, then the built-in vocabulary. */
function dispositionSql(options: TelephonyOptions): string {
  const mapped = Object.entries(options.dispositions ?? {})
    .filter(([, to]) => to !== 'answered')
    .map(([raw, to]) => `WHEN disposition_raw = ${literal(raw)} THEN ${literal(to)}`)
    .join(' ');
  return `CASE WHEN answered THEN 'answered' ${mapped} WHEN upper(disposition_raw) IN ${list(BUSY)} THEN 'busy' WHEN disposition_raw IS NULL OR upper(disposition_raw) IN ${list(NO_ANSWER)} THEN 'no_answer' ELSE 'failed' END`;
}

function directionSql(options: TelephonyOptions, internal: (expr: string) => string): string {
  const contexts = (values: string[] | undefined, direction: string) =>
    values?.length ? `WHEN context IN ${list(values)} THEN '${direction}' ` : '';
  const trunk = options.trunkPattern
    ? `WHEN regexp_full_match(src_peer, ${literal(options.trunkPattern)}) THEN 'inbound' WHEN regexp_full_match(dst_peer, ${literal(options.trunkPattern)}) THEN 'outbound' `
    : '';
  return `CASE ${contexts(options.inboundContexts, 'inbound')}${contexts(options.outboundContexts, 'outbound')}${contexts(options.internalContexts, 'internal')}WHEN direction_hint IS NOT NULL THEN direction_hint ${trunk}WHEN (${internal('caller')} OR ${internal('src_peer')}) AND (${internal('callee')} OR ${internal('dst_peer')}) THEN 'internal' WHEN ${internal('caller')} OR ${internal('src_peer')} THEN 'outbound' ELSE 'inbound' END`;
}

/** The SELECT producing `calls` rows (in the table's column order) from the input's files. */
export function selectCallsSql(input: NormaliseInput): string {
  const { spec, options } = input;
  const f = spec.fields;
  const zone = literal(input.timezone);
  const pattern = literal(options.internalPattern ?? '[0-9]{2,5}');
  const queues = options.queues?.length ? list(options.queues) : undefined;
  // An internal number is one the pattern matches and that is not a queue.
  const internal = (expr: string) =>
    `coalesce(regexp_full_match(${expr}, ${pattern})${queues ? ` AND ${expr} NOT IN ${queues}` : ''}, false)`;
  // Each party's "is internal" is computed once (in `t`) and reused by direction and extension.
  const flag = (expr: string) => `${expr}_int`;
  const ext = (expr: string) => `CASE WHEN ${flag(expr)} THEN ${expr} END`;
  const saysAnswered = Object.entries(options.dispositions ?? {})
    .filter(([, to]) => to === 'answered')
    .map(([raw]) => raw);
  const answered = saysAnswered.length
    ? `(coalesce(${f.answered}, false) OR coalesce(${f.disposition_raw}, '') IN ${list(saysAnswered)})`
    : `coalesce(${f.answered}, false)`;
  const linked = f.bleg === 'NULL' ? 'linked_id0' : 'coalesce(link.a_leg, linked_id0)';
  const manager = input.managers
    ? `LEFT JOIN ${input.managers} m ON m.extension = e.extension`
    : `LEFT JOIN (SELECT NULL::VARCHAR AS extension, NULL::BIGINT AS manager_id, NULL::VARCHAR AS manager_name, NULL::BIGINT AS department_id, NULL::VARCHAR AS department) m ON false`;
  const fromMapping = new Set(['manager_id', 'manager_name', 'department_id', 'department']);
  const out = Object.keys(CALLS_COLUMNS).map((c) =>
    fromMapping.has(c)
      ? `m.${c}`
      : c === 'leg'
        ? // Numbered afterwards by `renumberLegsSql`, only for calls of several legs: a window over
          // every row here would hold the whole log in memory and reorder it by call.
          'CAST(1 AS INTEGER) AS leg'
        : `e.${c}`,
  );
  return `WITH raw AS (
  SELECT CAST(${f.call_id} AS VARCHAR) AS call_id, CAST(${f.linked_id} AS VARCHAR) AS linked_id0, CAST(${f.sequence} AS BIGINT) AS sequence,
    CAST(${f.start} AS TIMESTAMP) AS s, CAST(${f.answer} AS TIMESTAMP) AS a, CAST(${f.end} AS TIMESTAMP) AS e,
    CAST(${f.duration} AS BIGINT) AS duration, CAST(${f.billsec} AS BIGINT) AS billsec,
    CAST(${f.disposition_raw} AS VARCHAR) AS disposition_raw, ${answered} AS answered,
    CAST(${f.caller} AS VARCHAR) AS caller, CAST(${f.callee} AS VARCHAR) AS callee, CAST(${f.context} AS VARCHAR) AS context,
    CAST(${f.src_peer} AS VARCHAR) AS src_peer, CAST(${f.dst_peer} AS VARCHAR) AS dst_peer, CAST(${f.queue} AS VARCHAR) AS queue0,
    CAST(${f.direction} AS VARCHAR) AS direction_hint, CAST(${f.extension} AS VARCHAR) AS extension0, CAST(${f.trunk} AS VARCHAR) AS trunk0,
    CAST(${f.bleg} AS VARCHAR) AS bleg
  FROM ${readCsvSql(input)}
),${
    f.bleg === 'NULL'
      ? ''
      : `
link AS (SELECT bleg, min(call_id) AS a_leg FROM raw WHERE bleg IS NOT NULL GROUP BY bleg),`
  }
t AS (
  SELECT raw.*, ${linked} AS linked_id,
    ${internal('caller')} AS caller_int, ${internal('callee')} AS callee_int, ${internal('src_peer')} AS src_peer_int, ${internal('dst_peer')} AS dst_peer_int,
    CASE WHEN answered THEN greatest(0, coalesce(billsec, epoch(e) - epoch(a), 0)) ELSE 0 END AS talk,
    greatest(0, CASE WHEN answered THEN coalesce(duration - billsec, epoch(a) - epoch(s), 0) ELSE coalesce(duration, epoch(e) - epoch(s), 0) END) AS ring
  FROM raw${f.bleg === 'NULL' ? '' : ' LEFT JOIN link ON link.bleg = raw.call_id'}
),
d AS (
  SELECT t.*, ${directionSql(options, flag)} AS direction, ${dispositionSql(options)} AS disposition,
    timezone(${zone}, s) AS started_at,
    coalesce(queue0${queues ? `, CASE WHEN callee IN ${queues} THEN callee END` : ''}) AS queue
  FROM t
),
e AS (
  SELECT call_id, linked_id, sequence, started_at,
    CASE WHEN answered THEN coalesce(timezone(${zone}, a), started_at + to_seconds(ring)) END AS answered_at,
    coalesce(timezone(${zone}, e), started_at + to_seconds(ring + talk)) AS ended_at,
    CAST(ring AS INTEGER) AS ring_seconds, CAST(talk AS INTEGER) AS talk_seconds, direction, disposition, disposition_raw, caller, callee,
    coalesce(extension0, CASE WHEN direction = 'inbound' THEN coalesce(${ext('dst_peer')}, CASE WHEN queue IS NULL THEN ${ext('callee')} END) ELSE coalesce(${ext('src_peer')}, ${ext('caller')}) END) AS extension,
    coalesce(trunk0, CASE direction WHEN 'inbound' THEN src_peer WHEN 'outbound' THEN dst_peer END) AS trunk,
    queue, context, bleg
  FROM d
)
SELECT ${out.join(', ')}${input.keepLink ? ', e.bleg' : ''}
FROM e ${manager}`;
}

/** Leg order within a logical call: the originating record first, then by start time and sequence. */
const LEG_ORDER = 'call_id <> linked_id, started_at, sequence, call_id';

/**
 * Numbers the legs of the calls `linkedIds` selects (a subquery of `linked_id`s); rows already
 * holding the right number are not rewritten. `since` (a constant SQL expression), when given, limits the
 * legs looked at to those starting from then: an append passes a week before its earliest new
 * call, so DuckDB skips the older row groups of a time-ordered log by their min/max instead of
 * scanning millions of rows for the few calls that gained a leg — on both sides of the UPDATE's
 * join: the rows to number and the table rows they are matched with by rowid.
 */
export function renumberLegsSql(table: string, linkedIds: string, since?: string): string {
  const recent = (of: string) => (since ? ` AND ${of}started_at >= (${since})` : '');
  return `UPDATE ${table} SET leg = r.leg FROM (SELECT rowid AS rid, CAST(row_number() OVER (PARTITION BY linked_id ORDER BY ${LEG_ORDER}) AS INTEGER) AS leg FROM ${table} WHERE linked_id IN (${linkedIds})${recent('')}) r WHERE ${table}.rowid = r.rid${recent(`${table}.`)} AND ${table}.leg IS DISTINCT FROM r.leg`;
}

/** The `linked_id`s of a table's calls that have more than one leg. */
export function multiLegCallsSql(table: string): string {
  return `SELECT linked_id FROM ${table} GROUP BY linked_id HAVING count(*) > 1`;
}

export { ident };
