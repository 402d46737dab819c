/**
 * @module Loads report definitions: strict JSON with positions → schema (Ajv) → references.
 * Every problem of a file is reported at once; a broken file never hides the good ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VitrinaError } from '../errors/index.js';
import { type JsonDocument, parseJsonDocument } from './json-document.js';
import type { ReportDefinition } from './report-definition.js';
import { schemaProblems } from './schema-errors.js';
import { reportSchemaValidator } from './schema-registry.js';
import { type ReferenceContext, validateReferences } from './validate-references.js';

export interface LoadedReport {
  file: string;
  definition: ReportDefinition;
  /** Hot reload: the file is broken now and this is its last valid version, still served. */
  stale?: boolean;
}

export interface DefinitionFileResult {
  file: string;
  report?: LoadedReport;
  problems: VitrinaError[];
}

/** Parses and validates one definition text. `file` is the name used in messages. */
export function checkDefinitionText(text: string, file: string, context: ReferenceContext = {}): DefinitionFileResult {
  let doc: JsonDocument;
  try {
    doc = parseJsonDocument(text, file);
  } catch (error) {
    if (error instanceof VitrinaError) return { file, problems: error.flatten() };
    throw error;
  }
  const validateReportSchema = reportSchemaValidator();
  if (!validateReportSchema(doc.value)) {
    return { file, problems: schemaProblems(validateReportSchema.errors, doc, 'DEFINITION_INVALID') };
  }
  const definition = doc.value as ReportDefinition;
  const problems = validateReferences(definition, doc, context).problems;
  return problems.length ? { file, problems } : { file, report: { file, definition }, problems };
}

export function loadDefinitionFile(path: string, context: ReferenceContext = {}, displayBase?: string): DefinitionFileResult {
  const file = displayBase ? relative(displayBase, path) : path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      file,
      problems: [new VitrinaError('DEFINITION_NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`, { file, cause: error })],
    };
  }
  return checkDefinitionText(text, file, context);
}

export interface DefinitionSet {
  reports: Map<string, LoadedReport>;
  files: DefinitionFileResult[];
  problems: VitrinaError[];
}

/** Loads every `*.json` file of a folder (not recursive), sorted by name for stable output. */
export function loadDefinitionDir(dir: string, context: ReferenceContext = {}, displayBase?: string): DefinitionSet {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    const problem = new VitrinaError(
      'DEFINITION_NOT_FOUND',
      `cannot read the definitions folder ${displayBase ? relative(displayBase, dir) : dir}`,
      {
        cause: error,
        hint: "set 'definitions' in vitrina.config.json to the folder holding the report JSON files",
      },
    );
    return { reports: new Map(), files: [], problems: [problem] };
  }
  const reports = new Map<string, LoadedReport>();
  const files: DefinitionFileResult[] = [];
  const problems: VitrinaError[] = [];
  for (const name of names) {
    const result = loadDefinitionFile(join(dir, name), context, displayBase);
    const id = result.report?.definition.id;
    if (result.report && id !== undefined && reports.has(id)) {
      const other = reports.get(id) as LoadedReport;
      const duplicate = new VitrinaError('DEFINITION_INVALID', `duplicate report id '${id}' (also in ${other.file})`, {
        file: result.file,
        pointer: '/id',
        hint: 'report ids must be unique',
      });
      files.push({ file: result.file, problems: [duplicate] });
      problems.push(duplicate);
      continue;
    }
    if (result.report && id !== undefined) reports.set(id, result.report);
    files.push(result);
    problems.push(...result.problems);
  }
  return { reports, files, problems };
}
