/**
 * @module Loading a CSV source into the extract being built: a full load of every file, or — when
 * the previous load's state shows only new files or files that only grew — just the new rows.
 */
import { stat } from 'node:fs/promises';
import { VitrinaError } from '@vitrina/core';
import type { ConnectorContext, ExtractTarget, LoadOutcome } from '@vitrina/core/connector';
import type { fileProblem } from './bad-rows.js';
import { type CsvFile, listCsvFiles } from './csv-files.js';
import type { CsvOptions } from './csv-options.js';
import { countLines } from './file-bytes.js';
import { HEADER_BYTES, inspectFile } from './file-format.js';
import { type InsertContext, ident, insertFile } from './insert-file.js';
import { inspectFiles, sameHeader } from './inspect-files.js';
import { type CsvState, type FileLayout, type FileState, fileChange, fileState, layoutOf, optionsHash, readState } from './load-state.js';
import { DUCKDB_TYPES, planTable } from './table-plan.js';

export async function loadCsv(
  options: CsvOptions,
  context: ConnectorContext,
  target: ExtractTarget,
  signal?: AbortSignal,
): Promise<LoadOutcome> {
  const files = await listCsvFiles(options.path, context);
  const state = readState(target.state, options);
  if (target.mode === 'append' && options.append !== false && state) {
    const appended = await appendNew(options, context, target, files, state, signal);
    if (appended) return appended;
  }
  return fullLoad(options, context, target, files, signal);
}

async function fullLoad(options: CsvOptions, context: ConnectorContext, target: ExtractTarget, files: CsvFile[], signal?: AbortSignal) {
  const policy = options.badRows ?? 'strict';
  const { formats, header } = await inspectFiles(options, context, files, (problem) => {
    if (policy === 'strict') throw problemError(context.sourceName, problem);
    target.badRow({ file: problem.file, line: problem.line, reason: problem.reason });
  });
  const plan = planTable(context.sourceName, options, formats);
  const renamed = plan.columns.filter((c) => c.name !== c.header);
  if (renamed.length) context.log.info('csv columns renamed', { mapping: Object.fromEntries(renamed.map((c) => [c.header, c.name])) });
  await target.run(`drop table if exists ${ident(plan.table)}`);
  await target.run(`create table ${ident(plan.table)} (${plan.columns.map((c) => `${ident(c.name)} ${DUCKDB_TYPES[c.type]}`).join(', ')})`);
  const ctx: InsertContext = { target, plan, quote: options.quote ?? '"', sourceName: context.sourceName, policy, signal };
  const next: CsvState = { v: 1, options: optionsHash(options), plan, header, files: {} };
  const total = formats.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  for (const format of formats) {
    signal?.throwIfAborted();
    const part = { path: format.path, ...layoutOf(format), start: 0, end: format.size, header: options.header ?? true, linesBefore: 0 };
    await insertFile(part, ctx);
    next.files[format.path] = await settle(options, format, format, 0, 0, signal);
    done += format.size;
    target.progress(done, total, 'bytes');
  }
  return { rows: await countRows(target, plan.table), status: 'loaded' as const, state: next as unknown as Record<string, unknown> };
}

/** Appends new files and grown tails; `undefined` when anything else changed (the caller reloads all). */
async function appendNew(
  options: CsvOptions,
  context: ConnectorContext,
  target: ExtractTarget,
  files: CsvFile[],
  state: CsvState,
  signal?: AbortSignal,
) {
  const present = new Set(files.map((f) => f.path));
  if (Object.keys(state.files).some((path) => !present.has(path))) return undefined;
  const work: { file: CsvFile; layout: FileLayout; grownFrom?: FileState }[] = [];
  for (const file of files) {
    const known = state.files[file.path];
    if (!known) {
      const format = await inspectFile(file, options, HEADER_BYTES, 2);
      if (format.problem || ((options.header ?? true) && !sameHeader(format.rows[0], state.header))) return undefined;
      work.push({ file, layout: layoutOf(format) });
      continue;
    }
    const change = await fileChange(file, known);
    if (change === 'changed') return undefined;
    if (change === 'grown') work.push({ file, layout: layoutOf(known), grownFrom: known });
  }
  if (work.length === 0) return { rows: 0, status: 'skipped' as const, state: state as unknown as Record<string, unknown> };
  const policy = options.badRows ?? 'strict';
  const ctx: InsertContext = { target, plan: state.plan, quote: options.quote ?? '"', sourceName: context.sourceName, policy, signal };
  const next: CsvState = { ...state, files: { ...state.files } };
  const before = await countRows(target, state.plan.table);
  for (const { file, layout, grownFrom } of work) {
    signal?.throwIfAborted();
    const start = grownFrom?.size ?? 0;
    const linesBefore = grownFrom?.lines ?? 0;
    await insertFile(
      { path: file.path, ...layout, start, end: file.size, header: !grownFrom && (options.header ?? true), linesBefore },
      ctx,
    );
    next.files[file.path] = await settle(options, file, layout, start, linesBefore, signal);
  }
  const rows = (await countRows(target, state.plan.table)) - before;
  context.log.debug('csv appended', { files: work.length, rows });
  return { rows, status: 'appended' as const, state: next as unknown as Record<string, unknown> };
}

/** State of a file read up to its listed size; a file that changed while DuckDB read it is never appended to. */
async function settle(options: CsvOptions, file: CsvFile, format: FileLayout, start: number, linesBefore: number, signal?: AbortSignal) {
  const now = await stat(file.path);
  const stable = now.size === file.size && now.mtimeMs === file.mtimeMs;
  const lines = options.append === false ? 0 : linesBefore + (await countLines(file.path, start, file.size, signal));
  return fileState(file, format, lines, stable && options.append !== false);
}

async function countRows(target: ExtractTarget, table: string): Promise<number> {
  const [row] = await target.all(`select count(*) as n from ${ident(table)}`);
  return Number(row?.n ?? 0);
}

function problemError(sourceName: string, problem: ReturnType<typeof fileProblem>): VitrinaError {
  return new VitrinaError('DATA_INVALID', `source '${sourceName}': ${problem.reason}`, {
    file: problem.file,
    line: problem.line,
    hint: problem.hint,
  });
}
