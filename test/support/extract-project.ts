/** @module A throwaway project with one source of the test-only `rows-file` plugin, for extract tests. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import { type Kysely, sql } from 'kysely';

export const ROWS_FILE_PLUGIN = join(import.meta.dirname, '..', 'fixtures', 'plugins', 'rows-file', 'index.ts');

export interface ExtractProject {
  dir: string;
  write(text: string): void;
  append(text: string): void;
  open(): Promise<Project>;
  /** Files in the extracts folder (leftovers of a failed load would show here). */
  extractFiles(): string[];
  cleanup(): void;
}

export function extractProject(source: Record<string, unknown>, extra: Record<string, unknown> = {}): ExtractProject {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-extract-'));
  mkdirSync(join(dir, 'report-definitions'));
  writeFileSync(
    join(dir, 'vitrina.config.json'),
    JSON.stringify({ plugins: [ROWS_FILE_PLUGIN], sources: { items: { plugin: 'rows-file', file: 'items.csv', ...source } }, ...extra }),
  );
  const file = join(dir, 'items.csv');
  return {
    dir,
    write: (text) => writeFileSync(file, text),
    append: (text) => writeFileSync(file, text, { flag: 'a' }),
    open: () => openProject({ cwd: dir }),
    extractFiles: () => (existsSync(join(dir, '.vitrina', 'extracts')) ? readdirSync(join(dir, '.vitrina', 'extracts')).sort() : []),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs SQL on a project's source through the engine's guard (the extract for row sources). */
export async function queryRows(project: Project, text: string, source = 'items'): Promise<Record<string, unknown>[]> {
  const guard = project.sources.get(source);
  if (!guard) throw new Error(`no source ${source}`);
  const db = (await guard.db()) as Kysely<unknown>;
  return guard.query(sql.raw(text).compile(db));
}

export const csv = (...rows: string[]) => `id,name,amount,at\n${rows.map((r) => `${r}\n`).join('')}`;
