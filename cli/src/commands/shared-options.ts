/** @module Option parsing shared by commands: repeated k=v pairs, the viewer, the clock. */
import { type AttributeValue, scopedViewer, UNRESTRICTED_VIEWER, type Viewer, VitrinaError } from '@vitrina/core';

/** `--as manager_id=7 --as department_id=2` → a scoped viewer; no `--as` → unrestricted. */
export function viewerFrom(pairs: Record<string, string | string[]> | undefined): Viewer {
  if (!pairs || Object.keys(pairs).length === 0) return UNRESTRICTED_VIEWER;
  const num = (s: string): string | number => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(pairs)) attributes[k] = Array.isArray(v) ? v.map(num) : num(v);
  return scopedViewer(attributes);
}

export function parseNow(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text);
  if (Number.isNaN(date.getTime()))
    throw new VitrinaError('USAGE', `--now '${text}' is not a date`, { hint: 'write YYYY-MM-DD or an ISO timestamp' });
  return date;
}
