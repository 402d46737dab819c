/**
 * @module Where themes live and how their files are found: a project's own `themes/<name>/` first,
 * then the themes shipped with Vitrina. Names are checked, so a theme or file name from a URL can
 * never walk out of a theme folder.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped themes: `<repo>/themes`, the same four levels up from `src/render/html` and `dist/render/html`. */
export const BUILT_IN_THEMES_DIR = fileURLToPath(new URL('../../../../themes/', import.meta.url));

export const DEFAULT_THEME = 'default';

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** True for a single path segment with no dots at the start (so no `..`, no hidden files, no slashes). */
export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}

/** The folders searched for themes, most specific first. */
export function themeSearchPath(projectDir?: string): string[] {
  return projectDir ? [join(projectDir, 'themes'), BUILT_IN_THEMES_DIR] : [BUILT_IN_THEMES_DIR];
}

/** The folder of theme `name`, or undefined when no search folder has one with a layout or a `theme.json` (a theme that extends another). */
export function findThemeDir(name: string, searchPath: readonly string[]): string | undefined {
  if (!isSafeName(name)) return undefined;
  for (const base of searchPath) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'layout.hbs')) || existsSync(join(dir, 'theme.json'))) return dir;
  }
  return undefined;
}

/** A file directly inside a theme folder, if it exists and is a file (never a template: those are not assets). */
export function themeAssetPath(themeDir: string, file: string): string | undefined {
  if (!isSafeName(file) || file.endsWith('.hbs')) return undefined;
  const path = join(themeDir, file);
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}
