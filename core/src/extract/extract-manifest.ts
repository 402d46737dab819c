/** @module Reads and atomically writes an extract's JSON manifest. */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { ExtractManifest } from './extract-types.js';

/** The manifest, or undefined when the source has never been loaded (or the file is unreadable). */
export function readManifest(file: string): ExtractManifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ExtractManifest;
  } catch {
    return undefined;
  }
}

/** Change stamp of the manifest file: another process (vitrina ingest) may have published a load. */
export function manifestStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return '';
  }
}

export function writeManifest(file: string, manifest: ExtractManifest): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temp, file);
}
