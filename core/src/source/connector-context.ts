/** @module Builds the context the core hands to `create`; exported so connector tests build the same one. */
import type { ConnectorContext, ConnectorLogger } from '../connector/connector-types.js';
import { dataPathResolver } from './data-paths.js';

const silentLogger: ConnectorLogger = { debug() {}, info() {}, warn() {} };

export interface ConnectorContextOptions {
  sourceName: string;
  projectDir: string;
  timezone?: string;
  log?: ConnectorLogger;
  /** Folders file connectors may read, relative to `projectDir`. Default: `projectDir`. */
  dataFolders?: readonly string[];
}

export function connectorContext(options: ConnectorContextOptions): ConnectorContext {
  return {
    sourceName: options.sourceName,
    projectDir: options.projectDir,
    timezone: options.timezone ?? 'UTC',
    log: options.log ?? silentLogger,
    resolvePath: dataPathResolver(options.sourceName, options.projectDir, options.dataFolders),
  };
}
