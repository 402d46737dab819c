/** @module Turns Ajv's errors into one readable VitrinaError per problem, with position and hint. */
import type { ErrorObject } from 'ajv';
import { didYouMean, type ErrorCode, VitrinaError } from '../errors/index.js';
import type { JsonDocument } from './json-document.js';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const COMPARISONS: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' };

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function messageOf(error: ErrorObject): { pointer: string; message: string; hint?: string } {
  const pointer = error.instancePath;
  const schema = error.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'required':
      return { pointer, message: `missing required property '${(error.params as { missingProperty: string }).missingProperty}'` };
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema?.properties ?? {}).filter((k) => k !== '$schema');
      return {
        pointer: `${pointer}/${escapePointer(name)}`,
        message: `unknown property '${name}'`,
        hint: didYouMean(name, known, 'allowed:'),
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const hint =
        typeof error.data === 'string'
          ? didYouMean(error.data, allowed, 'allowed:')
          : `allowed: ${allowed.map((a) => `'${a}'`).join(', ')}`;
      return { pointer, message: `${describeValue(error.data)} is not allowed here`, hint };
    }
    case 'type':
      return {
        pointer,
        message: `must be ${(error.params as { type: string | string[] }).type.toString().replace(/,/g, ' or ')}, not ${describeValue(error.data)}`,
      };
    case 'pattern':
    case 'format':
      return { pointer, message: `${describeValue(error.data)} has the wrong form`, hint: schema?.description ?? error.message };
    case 'propertyNames': {
      // Point at the offending key itself, so line and column show the name to fix.
      const name = (error.params as { propertyName: string }).propertyName;
      return {
        pointer: `${pointer}/${escapePointer(name)}`,
        message: `invalid name '${name}'`,
        hint: 'names use lower-case letters, digits, _ and -, starting with a letter',
      };
    }
    // Ajv's own wording ("must NOT have fewer than 1 items", "must be <= 12") reads like a
    // validator's; these say the limit and, for numbers, what was written.
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      return { pointer, message: `must be ${COMPARISONS[comparison] ?? comparison} ${limit}, not ${JSON.stringify(error.data)}` };
    }
    case 'minItems':
      return { pointer, message: `needs at least ${plural((error.params as { limit: number }).limit, 'item')}` };
    case 'maxItems':
      return { pointer, message: `takes at most ${plural((error.params as { limit: number }).limit, 'item')}` };
    case 'minProperties':
      return { pointer, message: `needs at least ${plural((error.params as { limit: number }).limit, 'entry', 'entries')}` };
    case 'minLength': {
      const { limit } = error.params as { limit: number };
      return { pointer, message: limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')} long` };
    }
    case 'maxLength':
      return { pointer, message: `must be at most ${plural((error.params as { limit: number }).limit, 'character')} long` };
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return { pointer, message: `repeats a value (items ${j} and ${i}, counting from 0)`, hint: 'list each value once' };
    }
    case 'anyOf':
    case 'oneOf':
      return { pointer, message: `${describeValue(error.data)} has the wrong shape`, hint: schema?.description };
    default:
      return { pointer, message: error.message ?? `fails '${error.keyword}'` };
  }
}

/**
 * Keeps only the errors a person should read: an `anyOf` failure replaces the failures of its
 * branches; propertyNames' inner pattern error is dropped in favour of the outer one.
 */
export function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf')
      return !anyOfs.some(
        (o) =>
          o !== e &&
          e.schemaPath.startsWith(`${o.schemaPath.replace(/\/(anyOf|oneOf)$/, '')}/`) &&
          e.instancePath.startsWith(o.instancePath),
      );
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') return false;
    return !anyOfs.some(
      (o) =>
        e.schemaPath.startsWith(`${o.schemaPath}/`) &&
        (e.instancePath === o.instancePath || e.instancePath.startsWith(`${o.instancePath}/`)),
    );
  });
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function schemaProblems(errors: readonly ErrorObject[] | null | undefined, doc: JsonDocument, code: ErrorCode): VitrinaError[] {
  return prune(errors ?? []).map((error) => {
    const { pointer, message, hint } = messageOf(error);
    return new VitrinaError(code, message, { file: doc.file, pointer, ...doc.locate(pointer), hint });
  });
}
