/** @module Where the CLI's own files are: built-in plugins, shipped definitions and schemas. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** cli/ (the package folder), whether running from dist/ or src/. */
export const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root in a workspace checkout. */
export const REPO_DIR = join(CLI_DIR, '..');
export const SHIPPED_DEFINITIONS_DIR = join(REPO_DIR, 'report-definitions');
export const SCHEMAS_DIR = join(REPO_DIR, 'core', 'schemas');
/** Plugin packages named in a config resolve from the project first, then from here. */
export const PLUGIN_RESOLVE_FROM = [CLI_DIR];
