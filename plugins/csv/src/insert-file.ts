/**
 * @module One file (or the new tail of one) into the extract's table with DuckDB's own CSV reader,
 * typed by the plan; rows DuckDB rejects come back from its rejects table with their line numbers.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtractTarget } from '@vitrina/core/connector';
import { badRowOf, REJECTS_COLUMNS, type Reject, strictError } from './bad-rows.js';
import { copyAsUtf8 } from './file-bytes.js';
import { DUCKDB_TYPES, type TablePlan } from './table-plan.js';

export interface FilePart {
  path: string;
  encoding: string;
  delimiter: string;
  decimal: '.' | ',';
  /** Read from this byte (a grown file's new tail) to `end`. */
  start: number;
  end: number;
  /** Whether the part starts with a header row (a tail never does). */
  header: boolean;
  /** Lines before `start`, added to DuckDB's line numbers. */
  linesBefore: number;
}

export interface InsertContext {
  target: ExtractTarget;
  plan: TablePlan;
  quote: string;
  sourceName: string;
  policy: 'strict' | 'skip';
  signal?: AbortSignal;
}

/** SQL string literal (our own values: option strings and generated names, never request text). */
export const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
export const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

let scans = 0;

/** Inserts one part; returns how many bad rows it had (always 0 under `strict`, which throws instead). */
export async function insertFile(part: FilePart, ctx: InsertContext): Promise<number> {
  const { target, plan } = ctx;
  let path = part.path;
  // DuckDB reads UTF-8 only; a tail is cut out so DuckDB never sees the rows loaded before.
  if (part.encoding !== 'utf-8' || part.start > 0) {
    // The engine creates the scratch folder; making sure costs nothing and keeps a load from failing
    // on an engine that sweeps scratch folders too eagerly.
    await mkdir(target.tempDir, { recursive: true });
    path = join(target.tempDir, `csv-part-${++scans}.csv`);
    await copyAsUtf8(part.path, path, part.encoding, part.start, part.end, ctx.signal);
  }
  const n = ++scans;
  const rejects = `vitrina_csv_rejects_${n}`;
  const columns = plan.columns.map((c) => `${literal(c.name)}: ${literal(DUCKDB_TYPES[c.type])}`).join(', ');
  const settings = [
    'auto_detect = false',
    `header = ${part.header}`,
    `delim = ${literal(part.delimiter)}`,
    `quote = ${literal(ctx.quote)}`,
    `escape = ${literal(ctx.quote)}`,
    `columns = {${columns}}`,
    `decimal_separator = ${literal(part.decimal)}`,
    ...(plan.dateFormat ? [`dateformat = ${literal(plan.dateFormat)}`] : []),
    ...(plan.timestampFormat ? [`timestampformat = ${literal(plan.timestampFormat)}`] : []),
    // Rejects are collected under both policies: `strict` turns the first ones into a precise error.
    'store_rejects = true',
    `rejects_table = ${literal(rejects)}`,
    `rejects_scan = ${literal(`vitrina_csv_scan_${n}`)}`,
  ];
  try {
    await target.run(`insert into ${ident(plan.table)} select * from read_csv($1, ${settings.join(', ')})`, [path]);
    const [count] = await target.all(`select count(*) as n from temp.${rejects}`);
    const bad = Number(count?.n ?? 0);
    if (bad === 0) return 0;
    const limit = ctx.policy === 'strict' ? 'limit 10' : '';
    const rows = (await target.all(`select ${REJECTS_COLUMNS} from temp.${rejects} order by line ${limit}`)) as unknown as Reject[];
    const mapped = rows.map((r) => badRowOf(r, part.path, part.linesBefore, plan));
    if (ctx.policy === 'strict') throw strictError(ctx.sourceName, mapped, bad);
    for (const { hint: _hint, position: _position, ...row } of mapped) target.badRow(row);
    return bad;
  } finally {
    await target.run(`drop table if exists temp.${rejects}`);
    await target.run(`drop table if exists temp.vitrina_csv_scan_${n}`);
  }
}
