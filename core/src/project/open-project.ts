/**
 * @module Opens a project from its config: plugins, guarded sources, definitions, engine.
 * Nothing here throws for a broken plugin, source or definition; they are collected as problems
 * so that `validate` can list them all and `serve` can run everything else.
 */
import { relative, resolve } from 'node:path';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { ConnectorLogger } from '../connector/connector-types.js';
import { type DefinitionSet, loadDefinitionDir } from '../definition/definition-loader.js';
import { keepLastGood } from '../definition/keep-last-good.js';
import { ReportEngine } from '../engine/report-engine.js';
import { VitrinaError } from '../errors/index.js';
import { createExtractRegistry } from '../extract/extract-registry.js';
import type { ExtractSource } from '../extract/extract-source.js';
import type { ExtractRegistry } from '../extract/extract-types.js';
import { parseRefreshInterval } from '../extract/refresh-interval.js';
import { loadPlugins, type PluginSet } from '../plugins/plugin-loader.js';
import { createSources } from '../source/create-sources.js';
import type { RuntimeSource } from '../source/runtime-source.js';

export interface OpenProjectOptions {
  configPath?: string;
  cwd?: string;
  /** Extra folders to resolve plugin packages from (the CLI's own installation). */
  resolveFrom?: readonly string[];
  log?: ConnectorLogger;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Settings that win over the file's (e.g. `{ cache: { ttlSeconds: 0 } }` for benchmarks). */
  overrides?: Partial<ProjectConfig>;
}

export interface Project extends LoadedConfig {
  plugins: PluginSet;
  sources: Map<string, RuntimeSource>;
  definitions: DefinitionSet;
  definitionsDir: string;
  engine: ReportEngine;
  /**
   * Sources queried through a DuckDB extract: load them (`refresh`), or keep them fresh in the
   * background (`startBackgroundRefresh`, which `serve` calls).
   */
  extracts: ExtractRegistry;
  /** Problems of plugins and sources (definition problems are in `definitions.problems`). */
  problems: VitrinaError[];
  /** Reads the definitions folder again; a file that became invalid keeps its last valid version (`stale`). */
  reloadDefinitions(): DefinitionSet;
  close(): Promise<void>;
}

function withPointer(error: VitrinaError, pointer: string): VitrinaError {
  return error.location.pointer === undefined
    ? new VitrinaError(error.code, error.message, { pointer, hint: error.hint, cause: error.cause, problems: error.problems })
    : error;
}

function at(error: VitrinaError, file: string, position: { line: number; column: number }): VitrinaError {
  return new VitrinaError(error.code, error.message, { ...error.location, file, ...position, hint: error.hint, cause: error.cause });
}

export async function openProject(options: OpenProjectOptions = {}): Promise<Project> {
  const loaded = loadConfig(options.configPath, options.cwd);
  const config: ProjectConfig = { ...loaded.config, ...options.overrides };
  const { dir } = loaded;
  // File names in messages are relative to where Vitrina runs, so editors and terminals can open them.
  const cwd = options.cwd ?? process.cwd();
  const plugins = await loadPlugins(config.plugins ?? [], { projectDir: dir, resolveFrom: options.resolveFrom });
  const extractSources = new Map<string, ExtractSource>();
  const sources = createSources(config, plugins, { projectDir: dir, log: options.log, env: options.env, extracts: extractSources });
  const refreshProblems: VitrinaError[] = [];
  const intervals = new Map<string, number>();
  for (const name of extractSources.keys()) {
    const refresh = config.sources[name]?.refresh;
    try {
      if (refresh) intervals.set(name, parseRefreshInterval(refresh, name));
    } catch (error) {
      refreshProblems.push(error as VitrinaError);
    }
  }
  const silent = { debug() {}, info() {}, warn() {} };
  const extracts = createExtractRegistry(extractSources, intervals, options.log ?? silent);
  const definitionsDir = resolve(dir, config.definitions ?? 'report-definitions');
  const sourceNames = Object.keys(config.sources);
  let definitions = loadDefinitionDir(definitionsDir, { sourceNames }, cwd);
  const raw: VitrinaError[] = [
    ...refreshProblems,
    ...plugins.failures.map((f) => withPointer(f.error, `/plugins/${(config.plugins ?? []).indexOf(f.spec)}`)),
  ];
  for (const source of sources.values()) {
    if (source.loadError && !plugins.failures.some((f) => source.loadError?.cause === f.error)) raw.push(source.loadError);
  }
  // Problems of the config file carry its name and the line of the entry at fault.
  const configName = relative(cwd, loaded.file) || loaded.file;
  const problems = raw
    .flatMap((p) => p.flatten())
    .map((p) => (p.location.pointer === undefined ? p : at(p, configName, loaded.locate(p.location.pointer))));
  const engine = new ReportEngine({
    config,
    sources,
    reports: () => definitions.reports,
    brokenFiles: () => definitions.files,
    now: options.now,
  });
  return {
    ...loaded,
    config,
    plugins,
    sources,
    definitionsDir,
    get definitions() {
      return definitions;
    },
    engine,
    extracts,
    problems,
    reloadDefinitions() {
      // A file that turned invalid keeps its last valid version serving (hot reload in `serve`).
      definitions = keepLastGood(definitions, loadDefinitionDir(definitionsDir, { sourceNames }, cwd));
      engine.clearCaches();
      return definitions;
    },
    async close() {
      // Timers first, so no background load starts on a source being shut down.
      await extracts.close();
      await Promise.allSettled([...sources.values()].map((s) => s.destroy()));
    },
  };
}
