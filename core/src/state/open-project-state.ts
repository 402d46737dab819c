/**
 * @module The state store of a project from its config alone (no plugins, no sources): what
 * `vitrina user …`, `vitrina token …` and `vitrina audit` need, and what `serve` opens beside
 * the project.
 */

import { accessSettings } from '../access/access-config.js';
import { loadConfig } from '../config/load-config.js';
import type { ProjectConfig } from '../config/project-config.js';
import { stateLocation } from './state-config.js';
import { type OpenStateOptions, openStateStore, type StateStore } from './state-store.js';

export async function openProjectState(
  project: { config: ProjectConfig; dir: string },
  options: OpenStateOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<StateStore> {
  const location = stateLocation(project.config, project.dir, options.env);
  return openStateStore(location, { sessionLimits: accessSettings(project.config).session, ...options });
}

export async function openStateFromConfig(configPath: string | undefined, cwd?: string): Promise<StateStore> {
  const loaded = loadConfig(configPath, cwd);
  return openProjectState(loaded);
}
