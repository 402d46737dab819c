/** @module The one Ajv instance: report and config schemas, plus every plugin's option schema. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; depending on the loader its function is the default or its `.default`.
type AddFormats = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;

const schemaDir = new URL('../../schemas/', import.meta.url);

function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as Record<string, unknown>;
}

export const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-secret', schemaType: 'boolean' });

export const reportSchema = readSchema('report.schema.json');
export const configSchema = readSchema('config.schema.json');

// Compiled on first use: compiling costs ~0.3 s, which `vitrina --help` should not pay.
let reportValidator: ValidateFunction | undefined;
let configValidator: ValidateFunction | undefined;

export function reportSchemaValidator(): ValidateFunction {
  reportValidator ??= ajv.compile(reportSchema);
  return reportValidator;
}

export function configSchemaValidator(): ValidateFunction {
  configValidator ??= ajv.compile(configSchema);
  return configValidator;
}

const pluginValidators = new WeakMap<object, ValidateFunction>();

/** Compiles (once per schema object) a plugin's option schema on the shared instance. */
export function pluginOptionsValidator(schema: Record<string, unknown>): ValidateFunction {
  let validate = pluginValidators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    pluginValidators.set(schema, validate);
  }
  return validate;
}
