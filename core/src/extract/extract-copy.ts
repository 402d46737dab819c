/**
 * @module Copies of a live extract file, taken while the caller holds the source's load lock (no
 * load writes the file meanwhile), with DuckDB's write-ahead log when one is beside it: an append
 * that cannot write the live file builds on a copy, and a process that cannot open the live file
 * because another one holds it with write access (`serve` after an in-place append) reads a
 * private snapshot of it.
 */
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { alive } from './load-lock.js';

/** Copies `from` (and `from.wal`) to `to` (and `to.wal`). */
export function copyExtractFile(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
  else rmSync(`${to}.wal`, { force: true });
}

/** Removes a copy and its log. */
export function removeExtractFile(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
}

let snapshots = 0;

/** A name for this process's snapshot of `file`. */
export function snapshotName(file: string): string {
  return `${file}.snapshot-${process.pid}-${Date.now()}-${++snapshots}`;
}

/** Snapshots of `file` left by processes that are gone. */
export function removeAbandonedSnapshots(file: string): void {
  const prefix = `${basename(file)}.snapshot-`;
  for (const name of readdirSync(dirname(file))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || !alive(pid)) rmSync(join(dirname(file), name), { force: true });
  }
}

/** Files of loads whose process died (killed ingest, crash): the lock is ours, so no live load owns them. */
export function removeAbandonedBuilds(dir: string, prefix: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  for (const name of readdirSync(dir))
    if (name.startsWith(`.${prefix.split('.duckdb')[0]}-tmp-`)) rmSync(join(dir, name), { recursive: true, force: true });
}
