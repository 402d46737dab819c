/**
 * @module Loads the connector plugins named in the config: npm package names (resolved from the
 * project, then from the Vitrina installation) or paths relative to the config file. A plugin that
 * fails to load is reported, and only the sources that use it become unavailable.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConnectorDefinition } from '../connector/connector-types.js';
import { pluginOptionsValidator } from '../definition/schema-registry.js';
import { VitrinaError } from '../errors/index.js';
import { assertConnector } from './assert-connector.js';

export interface LoadedPlugin {
  spec: string;
  connector: ConnectorDefinition;
}

export interface PluginLoadFailure {
  spec: string;
  error: VitrinaError;
}

export interface PluginSet {
  /** By connector name. */
  connectors: Map<string, LoadedPlugin>;
  failures: PluginLoadFailure[];
}

function resolveSpecifier(spec: string, projectDir: string, resolveFrom: readonly string[]): string {
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(projectDir, spec);
    if (!existsSync(path)) throw new Error(`no file or folder at ${path}`);
    return createRequire(join(projectDir, 'noop.js')).resolve(path);
  }
  const tried: string[] = [];
  for (const dir of [projectDir, ...resolveFrom]) {
    try {
      return createRequire(join(dir, 'noop.js')).resolve(spec);
    } catch {
      tried.push(dir);
    }
  }
  throw new Error(`package not found (looked from ${tried.join(', ')})`);
}

export async function loadPlugins(
  specs: readonly string[],
  options: { projectDir: string; resolveFrom?: readonly string[] },
): Promise<PluginSet> {
  const connectors = new Map<string, LoadedPlugin>();
  const failures: PluginLoadFailure[] = [];
  for (const spec of specs) {
    try {
      const path = resolveSpecifier(spec, options.projectDir, options.resolveFrom ?? []);
      let mod: { default?: unknown };
      try {
        mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      } catch (error) {
        throw new VitrinaError('PLUGIN_LOAD_FAILED', `plugin '${spec}' failed to load: ${(error as Error).message}`, { cause: error });
      }
      const connector = assertConnector(mod.default, spec);
      try {
        pluginOptionsValidator(connector.configSchema);
      } catch (error) {
        throw new VitrinaError('PLUGIN_INVALID', `plugin '${spec}' has an invalid configSchema: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const clash = connectors.get(connector.name);
      if (clash)
        throw new VitrinaError(
          'PLUGIN_INVALID',
          `plugin '${spec}' uses the connector name '${connector.name}' already taken by '${clash.spec}'`,
        );
      connectors.set(connector.name, { spec, connector });
    } catch (error) {
      const wrapped =
        error instanceof VitrinaError
          ? error
          : new VitrinaError('PLUGIN_LOAD_FAILED', `plugin '${spec}' failed to load: ${(error as Error).message}`, {
              cause: error,
              hint: spec.startsWith('.')
                ? 'check the path (relative to vitrina.config.json)'
                : `install it next to the project: npm install ${spec}`,
            });
      failures.push({ spec, error: wrapped });
    }
  }
  return { connectors, failures };
}
