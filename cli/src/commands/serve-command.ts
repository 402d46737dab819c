/** @module `vitrina serve`: the hosted dashboards of a project over HTTP, with hot reload. */
import { type OpenProjectOptions, openProject } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { parsePort, type ServeOptions, serveProject } from './serve-project.js';

export interface ServeCommandOptions extends ServeOptions {
  config?: string;
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  parsePort(options.port); // a bad --port fails before the project opens
  const open: OpenProjectOptions = { configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM };
  const project = await openProject(open);
  try {
    return await serveProject(project, open, options);
  } catch (error) {
    await project.close();
    throw error;
  }
}
