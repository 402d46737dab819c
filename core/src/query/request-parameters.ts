/**
 * @module Turns the parameters of a request (strings from a URL or `--param k=v`) into typed
 * values: periods resolved, selects as values or lists, breakdowns checked against their options.
 * Values never become SQL text; they are bound later.
 */
import type { ParameterDefinition, ReportDefinition } from '../definition/report-definition.js';
import { didYouMean, VitrinaError } from '../errors/index.js';
import { PERIOD_FORMS, type PeriodContext, type ResolvedPeriod, resolvePeriod } from './period.js';

export type RawParameters = Record<string, string | string[] | number | boolean | null | undefined>;
export type ParameterValue = ResolvedPeriod | string | number | boolean | (string | number)[] | null;
export type ResolvedParameters = Record<string, ParameterValue>;

function invalid(id: string, message: string, hint?: string): VitrinaError {
  return new VitrinaError('PARAMETER_INVALID', `parameter '${id}': ${message}`, { hint });
}

function single(p: ParameterDefinition, raw: string | string[] | number | boolean): string | number | boolean {
  if (Array.isArray(raw)) {
    if (raw.length !== 1) throw invalid(p.id, `takes one value, got ${raw.length}`);
    return raw[0] as string;
  }
  return raw;
}

function resolveOne(
  p: ParameterDefinition,
  raw: string | string[] | number | boolean | null | undefined,
  context: PeriodContext,
): ParameterValue {
  const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
  const value = empty ? (p.default as typeof raw) : raw;
  const missing = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (missing) {
    if (p.required) throw invalid(p.id, 'is required');
    return p.type === 'period' ? null : null;
  }
  switch (p.type) {
    case 'period': {
      const text = String(single(p, value));
      try {
        return resolvePeriod(text, context);
      } catch (error) {
        if (error instanceof VitrinaError)
          throw new VitrinaError('PERIOD_INVALID', `parameter '${p.id}': ${error.message}`, { hint: error.hint });
        // A well-formed text can still fail in the calendar code (9999-12-31 ends in year 10000); that is
        // the viewer's input, so it gets the same message as any other bad period, not the internal one.
        throw new VitrinaError('PERIOD_INVALID', `parameter '${p.id}': '${text}' is not a period`, {
          hint: `write ${PERIOD_FORMS}`,
          cause: error,
        });
      }
    }
    case 'breakdown': {
      const choice = String(single(p, value));
      const options = (p.options ?? []).map(String);
      if (!options.includes(choice)) throw invalid(p.id, `'${choice}' is not one of its options`, didYouMean(choice, options, 'options:'));
      return choice;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(single(p, value));
      if (!Number.isFinite(n)) throw invalid(p.id, `${JSON.stringify(value)} is not a number`);
      if (p.min !== undefined && n < p.min) throw invalid(p.id, `${n} is below the minimum ${p.min}`);
      if (p.max !== undefined && n > p.max) throw invalid(p.id, `${n} is above the maximum ${p.max}`);
      return n;
    }
    case 'boolean': {
      const v = single(p, value);
      if (v === true || v === 'true' || v === '1') return true;
      if (v === false || v === 'false' || v === '0') return false;
      throw invalid(p.id, `${JSON.stringify(v)} is not true or false`);
    }
    case 'text':
      return String(single(p, value));
    case 'select': {
      const list = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' && p.multiple ? v.split(',') : [v])) as (
        | string
        | number
      )[];
      if (!p.multiple && list.length > 1)
        throw invalid(p.id, `takes one value, got ${list.length}`, 'the parameter is not declared "multiple": true');
      if (p.options) {
        const allowed = p.options.map(String);
        const bad = list.find((v) => !allowed.includes(String(v)));
        if (bad !== undefined) throw invalid(p.id, `'${bad}' is not one of its options`, didYouMean(String(bad), allowed, 'options:'));
      }
      return p.multiple ? list : (list[0] as string | number);
    }
  }
}

/** Resolves every declared parameter; unknown names are an error (a typo must not silently widen a report). */
export function resolveParameters(def: ReportDefinition, raw: RawParameters, context: PeriodContext): ResolvedParameters {
  const declared = def.parameters ?? [];
  const ids = declared.map((p) => p.id);
  for (const key of Object.keys(raw)) {
    if (!ids.includes(key)) throw invalid(key, `report '${def.id}' has no such parameter`, didYouMean(key, ids, 'parameters:'));
  }
  const out: ResolvedParameters = {};
  for (const p of declared) out[p.id] = resolveOne(p, raw[p.id], context);
  return out;
}

/** The JSON form of resolved parameters (periods as {value, start, end}) for outputs and URLs. */
export function describeParameters(values: ResolvedParameters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? { value: v.value, start: v.start, end: v.end } : v;
  }
  return out;
}
