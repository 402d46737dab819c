/** @module What every route of the app shares: the live project and the per-request context. */
import type { Project } from '../project/open-project.js';
import type { ThemeRegistry } from '../render/html/theme-registry.js';
import type { AuthVariables } from './auth/auth-types.js';
import type { LiveProject } from './live-project.js';

export interface AppState {
  live: LiveProject;
  themes(): ThemeRegistry;
  log(message: string): void;
}

/** Hono variables set by the project middleware for each request. */
export interface AppEnv {
  Variables: AuthVariables & {
    project: Project;
    themes: ThemeRegistry;
  };
}
