/**
 * @module One load of the `calls` table: list the logs, sniff the layout, decide full or append,
 * read every new byte range with one normalising SELECT, repair non-UTF-8 files and retry, apply
 * the bad-input policy to rejected lines, and return the offsets the next append starts from.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BadRow, ConnectorContext, ExtractTarget, LoadOutcome } from '@vitrina/core/connector';
import { rejectRow } from './bad-input.js';
import { CALLS_COLUMNS, CALLS_TABLE } from './calls-table.js';
import { type CdrFile, copyRange, countLines, firstRecord, listFiles, prefixFingerprint, readRange } from './cdr-files.js';
import { resolveFormat, UnknownFormatError } from './formats/detect-format.js';
import { type FormatSpec, literal } from './formats/format-spec.js';
import { appendable, type FileSlice, type LoadState, optionsKey, planSlices } from './load-plan.js';
import { createManagerTable, idType, managerRows } from './manager-mapping.js';
import { findMissingStarts } from './missing-starts.js';
import { multiLegCallsSql, renumberLegsSql, selectCallsSql } from './normalise-sql.js';
import { rejectedLines } from './rejected-lines.js';
import type { TelephonyOptions } from './telephony-options.js';
import { repairUtf8 } from './utf8-repair.js';

export interface LoadInput {
  target: ExtractTarget;
  options: TelephonyOptions;
  context: ConnectorContext;
  /** Resolved (allowed) path or glob of the logs. */
  pattern: string;
  timezone: string;
  signal?: AbortSignal;
}

/** A byte range handed to DuckDB: the original file, or a temp copy of a tail / repaired bytes. */
interface ReadFile {
  slice: FileSlice;
  path: string;
  /** Lines before `slice.start` in the original (counted only when a bad row needs it). */
  lineBase?: number;
}

export async function loadCalls(input: LoadInput): Promise<LoadOutcome> {
  const { target, options, context } = input;
  const policy = options.badRows ?? 'strict';
  const reject = (row: BadRow) => rejectRow(policy, context.sourceName, target, row);
  const files = await listFiles(input.pattern).catch((cause) => {
    throw Object.assign(new Error(`cannot read call log ${input.pattern}: ${(cause as Error).message}`), { cause });
  });
  const { spec, unusable } = await sniff(files, input, reject);
  const key = optionsKey(options, input.timezone);
  const append = target.mode === 'append' && spec !== undefined && (await appendable(target.state, files, key));
  const previous = append ? (target.state as unknown as LoadState) : undefined;
  const usable = spec ? files.filter((f) => !unusable.has(f.path)) : [];
  const slices = spec ? await planSlices(usable, previous, spec.lineLog) : [];
  for (const slice of slices) {
    if (slice.end < slice.file.size && (await readRange(slice.file.path, slice.end, slice.file.size)).toString('utf8').trim() !== '')
      reject({
        file: slice.file.path,
        line: (await countLines(slice.file.path, slice.end)) + 1,
        reason: 'truncated last line (no newline at the end: cut short or still being written)',
      });
  }
  const reads = await Promise.all(slices.filter((s) => s.end > s.start).map((slice) => readFileFor(slice, target.tempDir)));

  const managers = options.managers ? await managerRows(options.managers, context, target) : [];
  const idTypes = { manager: idType(managers), department: idType(managers, 'department_id') };
  const managerTable = managers.length ? `_telephony_managers_${suffix()}` : undefined;
  if (managerTable) await createManagerTable(target, managerTable, managers);

  const staging = append ? `_telephony_new_${suffix()}` : CALLS_TABLE;
  let rows = 0;
  if (!spec || reads.length === 0) {
    if (!append) await target.run(`CREATE OR REPLACE TABLE ${CALLS_TABLE} (${columnDefinitions(idTypes)})`);
  } else {
    for (let attempt = 0; ; attempt++) {
      const names = { rejectsTable: `_telephony_rejects_${suffix()}`, rejectsScan: `_telephony_scan_${suffix()}` };
      const select = selectCallsSql({
        spec,
        files: reads.map((r) => r.path),
        timezone: input.timezone,
        options,
        managers: managerTable,
        idTypes,
        keepLink: append,
        ...names,
      });
      await target.run(
        append ? `CREATE OR REPLACE TEMP TABLE ${staging} AS ${select}` : `CREATE OR REPLACE TABLE ${CALLS_TABLE} AS ${select}`,
      );
      const rejected = await rejectedLines(target, names.rejectsTable, names.rejectsScan);
      const badEncoding = new Set(rejected.filter((r) => r.errorType === 'INVALID ENCODING').map((r) => r.path));
      if (badEncoding.size > 0 && attempt === 0) {
        // Not UTF-8: read a repaired copy instead (same lines), then parse again from scratch.
        for (const read of reads.filter((r) => badEncoding.has(r.path))) {
          const repaired = join(target.tempDir, `utf8-${suffix()}.csv`);
          await repairUtf8(read.path, repaired, options.fallbackEncoding ?? 'windows-1252');
          read.path = repaired;
        }
        continue;
      }
      for (const line of rejected) {
        const read = reads.find((r) => r.path === line.path);
        reject({
          file: read?.slice.file.path ?? line.path,
          line: line.line + (read ? await lineBase(read) : 0),
          column: line.column,
          reason: line.reason,
        });
      }
      break;
    }
    // An append's few new rows: their counts and earliest start in one query (each statement costs a few ms).
    const staged = append ? await stagedSummary(target, staging) : undefined;
    for (const missing of await findMissingStarts(target, staging, spec, reads, staged?.missingStarts)) {
      reject({ file: missing.file, line: missing.line + (await lineBase(missing.read)), column: missing.column, reason: 'no start time' });
    }
    if (staged?.missingStarts !== 0) await target.run(`DELETE FROM ${staging} WHERE started_at IS NULL`);
    if (!append) await target.run(renumberLegsSql(CALLS_TABLE, multiLegCallsSql(CALLS_TABLE)));
    rows = staged
      ? await appendStaged(target, staging, staged, spec.fields.bleg !== 'NULL')
      : Number((await target.all(`SELECT count(*) AS n FROM ${CALLS_TABLE}`))[0]?.n ?? 0);
  }
  if (managerTable) await target.run(`DROP TABLE IF EXISTS ${managerTable}`);
  const state: LoadState = { options: key, files: {} };
  for (const slice of slices)
    state.files[slice.file.path] = { offset: slice.end, fingerprint: await prefixFingerprint(slice.file.path, slice.end) };
  target.progress(rows, rows, 'rows');
  return { rows, status: append ? 'appended' : 'loaded', state: state as unknown as Record<string, unknown> };
}

/** The layout, from the first file with a record; files with no record or an unknown layout are reported and left out. */
async function sniff(
  files: readonly CdrFile[],
  input: LoadInput,
  reject: (row: BadRow) => void,
): Promise<{ spec?: FormatSpec; unusable: Set<string> }> {
  let spec: FormatSpec | undefined;
  const unusable = new Set<string>();
  for (const file of files) {
    const fields = firstRecord(await readRange(file.path, 0, 65_536), input.options.delimiter ?? ',');
    if (!fields) {
      unusable.add(file.path);
      reject({ file: file.path, line: 1, reason: 'empty file: no call records' });
      continue;
    }
    if (spec) continue;
    try {
      spec = resolveFormat(input.options, fields, input.context.sourceName);
    } catch (error) {
      if (!(error instanceof UnknownFormatError)) throw error;
      unusable.add(file.path);
      reject({ file: file.path, line: 1, reason: error.message });
    }
  }
  return { spec, unusable };
}

async function readFileFor(slice: FileSlice, tempDir: string): Promise<ReadFile> {
  if (slice.start === 0 && slice.end === slice.file.size) return { slice, path: slice.file.path, lineBase: 0 };
  const path = join(tempDir, `slice-${suffix()}.csv`);
  await copyRange(slice.file.path, slice.start, slice.end, path);
  return { slice, path, lineBase: slice.start === 0 ? 0 : undefined };
}

async function lineBase(read: ReadFile): Promise<number> {
  read.lineBase ??= await countLines(read.slice.file.path, read.slice.start);
  return read.lineBase;
}

interface StagedSummary {
  /** Rows with a start time (the rest are rejected). */
  rows: number;
  missingStarts: number;
  /** A week before the earliest new call, as `YYYY-MM-DD HH:MM:SS` UTC. */
  since?: string;
}

async function stagedSummary(target: ExtractTarget, staging: string): Promise<StagedSummary> {
  const [row] = await target.all(
    `SELECT count(started_at) AS n, count(*) - count(started_at) AS missing, strftime(min(started_at) - INTERVAL 7 DAY, '%Y-%m-%d %H:%M:%S') AS t FROM ${staging}`,
  );
  return { rows: Number(row?.n ?? 0), missingStarts: Number(row?.missing ?? 0), since: typeof row?.t === 'string' ? row.t : undefined };
}

/** Adds staged rows: relinks earlier FreeSWITCH B-legs to their A-leg, renumbers the legs of touched calls. */
async function appendStaged(target: ExtractTarget, staging: string, staged: StagedSummary, relink: boolean): Promise<number> {
  if (staged.rows === 0) return 0;
  // Only FreeSWITCH logs link legs by bleg_uuid; elsewhere this would scan the whole table for nothing.
  if (relink)
    await target.run(
      `UPDATE ${CALLS_TABLE} SET linked_id = s.call_id FROM ${staging} s WHERE s.bleg IS NOT NULL AND s.bleg = ${CALLS_TABLE}.call_id AND ${CALLS_TABLE}.linked_id = ${CALLS_TABLE}.call_id`,
    );
  const columns = Object.keys(CALLS_COLUMNS).join(', ');
  await target.run(`INSERT INTO ${CALLS_TABLE} (${columns}) SELECT ${columns} FROM ${staging}`);
  // The legs of one call start within minutes of each other; a week before the earliest new call is
  // ample. A constant (not a subquery) so that DuckDB prunes older row groups by their min/max.
  const since = staged.since === undefined ? undefined : `TIMESTAMPTZ ${literal(`${staged.since}+00`)}`;
  await target.run(renumberLegsSql(CALLS_TABLE, `SELECT linked_id FROM ${staging}`, since));
  await target.run(`DROP TABLE ${staging}`);
  return staged.rows;
}

function columnDefinitions(types: { manager: string; department: string }): string {
  return Object.entries(CALLS_COLUMNS)
    .map(([name, [type]]) => `${name} ${name === 'manager_id' ? types.manager : name === 'department_id' ? types.department : type}`)
    .join(', ');
}

function suffix(): string {
  return randomUUID().replaceAll('-', '').slice(0, 12);
}

export type { ReadFile };
