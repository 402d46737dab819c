/** @module Finds, parses and validates vitrina.config.json. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseJsonDocument } from '../definition/json-document.js';
import { schemaProblems } from '../definition/schema-errors.js';
import { configSchemaValidator } from '../definition/schema-registry.js';
import { VitrinaError } from '../errors/index.js';
import { scheduleConfigProblems } from '../schedule/config-problems.js';
import { isValidTimeZone } from '../util/time-zone.js';
import { CONFIG_FILE_NAME, type ProjectConfig } from './project-config.js';

export interface LoadedConfig {
  config: ProjectConfig;
  /** Absolute path of the config file. */
  file: string;
  /** Folder of the config file: relative paths in it resolve against this. */
  dir: string;
  /** Line and column of a JSON pointer in the config file, for messages. */
  locate(pointer: string): { line: number; column: number };
}

/** Reads the config; throws one VitrinaError carrying every problem of the file. */
export function loadConfig(path?: string, cwd: string = process.cwd()): LoadedConfig {
  const file = resolve(cwd, path ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    throw new VitrinaError('CONFIG_NOT_FOUND', `no config at ${file}`, {
      hint: path ? 'check the --config path' : `run 'vitrina init' to create a project, or pass --config`,
    });
  }
  // Messages name the file as the user would type it: relative to where Vitrina runs.
  const doc = parseJsonDocument(readFileSync(file, 'utf8'), relative(cwd, file) || file);
  const validateConfigSchema = configSchemaValidator();
  const problems = validateConfigSchema(doc.value) ? [] : schemaProblems(validateConfigSchema.errors, doc, 'CONFIG_INVALID');
  const config = doc.value as ProjectConfig;
  if (!problems.length && config.timezone && !isValidTimeZone(config.timezone)) {
    problems.push(
      new VitrinaError('CONFIG_INVALID', `unknown time zone '${config.timezone}'`, {
        file: doc.file,
        pointer: '/timezone',
        ...doc.locate('/timezone'),
        hint: 'use an IANA name such as Europe/Moscow or UTC',
      }),
    );
  }
  // Cron expressions and zones of schedules, alerts and tasks: a bad one is a config error with its line.
  if (!problems.length) problems.push(...scheduleConfigProblems(config, doc));
  if (problems.length) {
    const [first, ...rest] = problems as [VitrinaError, ...VitrinaError[]];
    throw new VitrinaError(first.code, first.message, { ...first.location, hint: first.hint, problems: rest });
  }
  return { config, file, dir: dirname(file), locate: doc.locate };
}
