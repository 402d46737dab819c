/** @module Which files a CSV source reads: one path or a glob, confined to the allowed data folders. */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { VitrinaError } from '@vitrina/core';
import type { ConnectorContext } from '@vitrina/core/connector';
import { glob, isDynamicPattern } from 'tinyglobby';

/** One matched file as it was when listed. */
export interface CsvFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Lists the files of `path` (sorted, so a glob's files load in a stable order). A plain path that
 * does not exist and a glob matching nothing are errors: an empty table would hide a wrong path.
 */
export async function listCsvFiles(path: string, context: ConnectorContext): Promise<CsvFile[]> {
  const resolved = context.resolvePath(path, 'path');
  let paths: string[];
  if (isDynamicPattern(path)) {
    // The glob runs relative to the project so that special characters in the project's own
    // folder name are not read as pattern syntax.
    const pattern = relative(context.projectDir, resolved).split('\\').join('/');
    const found = await glob(pattern, { cwd: context.projectDir, absolute: true, onlyFiles: true, dot: false });
    // A pattern with `..` could still reach outside: check every match like the path itself.
    paths = found.map((file) => context.resolvePath(file, 'path')).sort();
    if (paths.length === 0) throw missing(context, path, `no file matches '${path}'`);
  } else {
    paths = [resolved];
  }
  return Promise.all(
    paths.map(async (file) => {
      try {
        const s = await stat(file);
        if (!s.isFile()) throw missing(context, path, `'${file}' is not a file`);
        return { path: file, size: s.size, mtimeMs: s.mtimeMs };
      } catch (error) {
        if (error instanceof VitrinaError) throw error;
        throw missing(context, path, `cannot read '${file}': ${(error as Error).message}`, error);
      }
    }),
  );
}

function missing(context: ConnectorContext, path: string, message: string, cause?: unknown): VitrinaError {
  return new VitrinaError('SOURCE_UNAVAILABLE', `source '${context.sourceName}': ${message}`, {
    pointer: `/sources/${context.sourceName}/path`,
    hint: `check "path" ('${path}', relative to ${context.projectDir}) or put the file there`,
    cause,
  });
}

/**
 * Fingerprint of the matched files: any added, removed, grown or touched file changes it. `salt`
 * (the options' hash) makes a config change reload too, even when no file changed.
 */
export function fingerprint(files: readonly CsvFile[], salt = ''): string {
  const hash = createHash('sha256').update(salt);
  for (const f of files) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\n`);
  return `csv:${files.length}:${hash.digest('hex').slice(0, 32)}`;
}
