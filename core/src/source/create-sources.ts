/**
 * @module Builds a guarded RuntimeSource for every source in the config. A source whose plugin is
 * missing, whose options are invalid or whose `create` throws becomes a broken source: unhealthy,
 * refusing queries, and harmless to the rest.
 */
import { resolve } from 'node:path';
import { CORE_SOURCE_KEYS, type ProjectConfig } from '../config/project-config.js';
import { resolveSecrets } from '../config/resolve-secrets.js';
import type { ConnectorLogger } from '../connector/connector-types.js';
import { messageOf, prune } from '../definition/schema-errors.js';
import { pluginOptionsValidator } from '../definition/schema-registry.js';
import { didYouMean, VitrinaError } from '../errors/index.js';
import { ExtractSource } from '../extract/extract-source.js';
import { queryOtherSource } from '../extract/query-other-source.js';
import type { PluginSet } from '../plugins/plugin-loader.js';
import { connectorContext } from './connector-context.js';
import { RuntimeSource } from './runtime-source.js';

export function createSources(
  config: ProjectConfig,
  plugins: PluginSet,
  options: {
    projectDir: string;
    log?: ConnectorLogger;
    env?: NodeJS.ProcessEnv;
    /** Filled with the extract-backed sources (row sources and SQL sources in `"mode": "extract"`). */
    extracts?: Map<string, ExtractSource>;
  },
): Map<string, RuntimeSource> {
  const sources = new Map<string, RuntimeSource>();
  const extractsDir = resolve(options.projectDir, config.dataDir ?? '.vitrina', 'extracts');
  for (const [name, block] of Object.entries(config.sources)) {
    try {
      const loaded = plugins.connectors.get(block.plugin);
      if (!loaded) {
        const failed = plugins.failures.find((f) => f.spec === block.plugin || f.spec.endsWith(`plugin-${block.plugin}`));
        if (failed)
          throw new VitrinaError('SOURCE_UNAVAILABLE', `its plugin did not load: ${failed.error.message}`, {
            cause: failed.error,
            pointer: `/sources/${name}/plugin`,
          });
        throw new VitrinaError('PLUGIN_LOAD_FAILED', `no loaded plugin provides the connector '${block.plugin}'`, {
          pointer: `/sources/${name}/plugin`,
          hint: plugins.connectors.size
            ? `${didYouMean(block.plugin, [...plugins.connectors.keys()], 'loaded connectors:')} (list its package under "plugins")`
            : 'list the plugin package under "plugins" in vitrina.config.json',
        });
      }
      const { connector } = loaded;
      const raw = Object.fromEntries(Object.entries(block).filter(([k]) => !(CORE_SOURCE_KEYS as readonly string[]).includes(k)));
      const resolved = resolveSecrets(name, raw, connector.configSchema as never, options.env);
      const validate = pluginOptionsValidator(connector.configSchema);
      if (!validate(resolved)) {
        const problems = prune(validate.errors ?? []).map((e) => {
          const { pointer, message, hint } = messageOf(e);
          return new VitrinaError('SOURCE_CONFIG_INVALID', `source '${name}': ${message} (options of connector '${connector.name}')`, {
            pointer: `/sources/${name}${pointer}`,
            hint,
          });
        });
        const [first, ...rest] = problems as [VitrinaError, ...VitrinaError[]];
        throw new VitrinaError(first.code, first.message, { ...first.location, hint: first.hint, problems: rest });
      }
      const source = connector.create(
        resolved,
        connectorContext({
          sourceName: name,
          projectDir: options.projectDir,
          timezone: config.timezone,
          log: options.log,
          dataFolders: config.dataFolders,
        }),
      );
      if (source.kind === 'rows' || block.mode === 'extract') {
        // The plugin's source keeps its own guard (init once, errors naming it) for loading; the
        // engine queries the extract, which DuckDB answers concurrently and can interrupt.
        const extract = new ExtractSource({
          source: name,
          dir: extractsDir,
          guard: RuntimeSource.create(name, connector, source),
          raw: source,
          querySource: (other, text, params) => queryOtherSource(sources, name, other, text, params),
          log: options.log,
        });
        options.extracts?.set(name, extract);
        const capabilities = { ...connector.capabilities, supportsConcurrentQueries: true, supportsCancellation: true };
        sources.set(name, RuntimeSource.create(name, { name: connector.name, capabilities }, extract));
      } else sources.set(name, RuntimeSource.create(name, connector, source));
    } catch (error) {
      const e = error instanceof VitrinaError ? error : new VitrinaError('SOURCE_UNAVAILABLE', (error as Error).message, { cause: error });
      const prefix = `source '${name}': `;
      const message = e.message.startsWith(prefix) ? e.message : `${prefix}${e.message}`;
      const wrapped = new VitrinaError(e.code, message, { ...e.location, hint: e.hint, cause: error, problems: e.problems });
      sources.set(name, RuntimeSource.broken(name, block.plugin, wrapped));
    }
  }
  return sources;
}
