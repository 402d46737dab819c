/**
 * @module The query string of a dashboard or API request as report parameters. Every value is
 * capped (length, count) before the engine sees it: an oversize value is a 400 naming the
 * parameter, never a slow query. `lang` is the UI language, not a report parameter.
 */
import { VitrinaError } from '../errors/index.js';
import type { RawParameters } from '../query/request-parameters.js';

/** Longest accepted value: a period range is 22 characters, a long manager name ~80. */
export const MAX_VALUE_LENGTH = 200;
/** Most values of one multi-select. */
export const MAX_VALUES = 100;
/** Most distinct parameter names in one request. */
export const MAX_PARAMETERS = 40;

/** Query keys the HTTP layer owns. */
export const RESERVED_KEYS = new Set(['lang']);

/** From Hono's `c.req.queries()`: empty values dropped (an unset form field), single values unwrapped. */
export function requestParameters(queries: Record<string, string[]>): RawParameters {
  const out: RawParameters = {};
  const keys = Object.keys(queries).filter((k) => !RESERVED_KEYS.has(k));
  if (keys.length > MAX_PARAMETERS)
    throw new VitrinaError('PARAMETER_INVALID', `too many parameters (${keys.length}; at most ${MAX_PARAMETERS})`);
  for (const key of keys) {
    if (key.length > 64) throw new VitrinaError('PARAMETER_INVALID', `parameter name '${key.slice(0, 64)}…' is too long`);
    const values = (queries[key] ?? []).filter((v) => v !== '');
    if (values.length > MAX_VALUES)
      throw new VitrinaError('PARAMETER_INVALID', `parameter '${key}': too many values (${values.length}; at most ${MAX_VALUES})`);
    const long = values.find((v) => v.length > MAX_VALUE_LENGTH);
    if (long !== undefined)
      throw new VitrinaError(
        'PARAMETER_INVALID',
        `parameter '${key}': value is too long (${long.length} characters; at most ${MAX_VALUE_LENGTH})`,
      );
    if (values.length === 0) continue;
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}
