/**
 * @module Where file connectors may read: the project's allowed data folders. A path from a
 * source's options that resolves outside them (`../../etc/passwd`, an absolute path elsewhere, a
 * symlinked escape is the OS's business) is refused before any file is opened.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { VitrinaError } from '../errors/index.js';

/** Returns `resolvePath(path, option)` for one source. */
export function dataPathResolver(sourceName: string, projectDir: string, dataFolders: readonly string[] | undefined) {
  const allowed = (dataFolders?.length ? dataFolders : ['.']).map((folder) => resolve(projectDir, folder));
  return (path: string, option: string): string => {
    const full = resolve(projectDir, path);
    const inside = allowed.some((folder) => {
      const rel = relative(folder, full);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
    if (!inside)
      throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${sourceName}': ${option} '${path}' is outside the allowed data folders`, {
        pointer: `/sources/${sourceName}/${option}`,
        hint: `move the file under ${allowed.join(' or ')}, or list its folder in "dataFolders" in vitrina.config.json`,
      });
    return full;
  };
}
