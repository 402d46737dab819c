/** @module Writes a project folder: config, JSON Schemas for editors, report definitions. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, VitrinaError } from '@vitrina/core';
import { SCHEMAS_DIR } from '../cli-paths.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

export interface ScaffoldOptions {
  dir: string;
  timezone: string;
  locale: 'en' | 'ru';
  currency: string;
  dataFile: string;
  /** Replaces the SQLite source `crm` on `dataFile` (e.g. the demo on PostgreSQL), with its plugin package. */
  source?: { plugin: string; options: Record<string, unknown> };
  /** More sources beside `crm` (the demo's call logs and plan file), with the plugin packages they need. */
  extraSources?: Record<string, Record<string, unknown>>;
  extraPlugins?: readonly string[];
  /** Definitions to copy (their `$schema` is pointed at the project's schemas folder). */
  definitionsFrom?: string;
  extraDefinitions?: Record<string, unknown>;
  overwrite: boolean;
}

export function scaffoldProject(options: ScaffoldOptions): void {
  const configPath = join(options.dir, CONFIG_FILE_NAME);
  if (existsSync(configPath) && !options.overwrite) {
    throw new VitrinaError('USAGE', `${configPath} already exists`, {
      hint: 'choose an empty folder, or remove the existing project first',
    });
  }
  mkdirSync(join(options.dir, 'schemas'), { recursive: true });
  for (const name of ['report.schema.json', 'config.schema.json'])
    copyFileSync(join(SCHEMAS_DIR, name), join(options.dir, 'schemas', name));
  const config = {
    $schema: './schemas/config.schema.json',
    plugins: [options.source?.plugin ?? '@vitrina/plugin-sqlite', ...(options.extraPlugins ?? [])],
    sources: { crm: options.source?.options ?? { plugin: 'sqlite', file: options.dataFile }, ...options.extraSources },
    definitions: 'report-definitions',
    timezone: options.timezone,
    locale: options.locale,
    currency: options.currency,
    cache: { ttlSeconds: 60 },
  };
  writeFileAtomic(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const defsDir = join(options.dir, 'report-definitions');
  mkdirSync(defsDir, { recursive: true });
  if (options.definitionsFrom) {
    for (const name of readdirSync(options.definitionsFrom).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(options.definitionsFrom, name), 'utf8').replace(
        /"\$schema":\s*"[^"]*"/,
        '"$schema": "../schemas/report.schema.json"',
      );
      writeFileAtomic(join(defsDir, name), text);
    }
  }
  for (const [name, body] of Object.entries(options.extraDefinitions ?? {}))
    writeFileAtomic(join(defsDir, name), `${JSON.stringify(body, null, 2)}\n`);
}
