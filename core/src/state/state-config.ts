/**
 * @module Where the state store lives, from the config's `state` block: an embedded SQLite file
 * (default `<dataDir>/state.sqlite`) or a PostgreSQL database whose URL comes from an environment
 * variable (`"url": {"env": "VITRINA_STATE_URL"}`), so several instances share users and sessions.
 */
import { resolve } from 'node:path';
import type { ProjectConfig } from '../config/project-config.js';
import { VitrinaError } from '../errors/index.js';

export type StateLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface StateConfig {
  /** SQLite file, relative to the project folder. Default `<dataDir>/state.sqlite`. */
  file?: string;
  /** PostgreSQL connection URL; a secret, so only as `{ "env": "NAME" }`. */
  url?: { env: string };
}

export function stateLocation(config: ProjectConfig, projectDir: string, env: NodeJS.ProcessEnv = process.env): StateLocation {
  const state = (config as { state?: StateConfig }).state ?? {};
  if (state.url !== undefined) {
    const name = state.url.env;
    const url = env[name];
    if (!url)
      throw new VitrinaError('SECRET_MISSING', `environment variable ${name} (the state store's URL) is not set`, {
        pointer: '/state/url',
        hint: `export ${name}=postgres://user:password@host/db before starting Vitrina`,
      });
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new VitrinaError('CONFIG_INVALID', `${name} must be a postgres:// URL`, { pointer: '/state/url' });
    return { kind: 'postgres', url };
  }
  const file = state.file ?? `${config.dataDir ?? '.vitrina'}/state.sqlite`;
  return { kind: 'sqlite', file: resolve(projectDir, file) };
}

/** The location without secrets, for logs and messages. */
export function describeLocation(location: StateLocation): string {
  if (location.kind === 'sqlite') return location.file;
  const url = new URL(location.url);
  return `postgres://${url.host}${url.pathname}`;
}
