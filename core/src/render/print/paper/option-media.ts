/**
 * @module ECharts' responsive options (`{ baseOption, media: [{ query, option }] }`) resolved for
 * one box, as `setOption` does for a chart of that size: every matching query's option merged over
 * the base in order (objects deeply, series and other arrays item by item).
 */
import type { EChartsOption } from 'echarts';
import { isPlain, type Plain } from './option-read.js';

type Query = Record<string, unknown>;

/** Whether a query holds for the box; undefined when it names a condition we do not know. */
function matches(query: Query, width: number, height: number): boolean | undefined {
  const values: Record<string, number> = { width, height, aspectRatio: width / height };
  for (const [key, limit] of Object.entries(query)) {
    const m = /^(min|max)(Width|Height|AspectRatio)$/.exec(key);
    if (!m || typeof limit !== 'number') return undefined;
    const name = (m[2] as string).charAt(0).toLowerCase() + (m[2] as string).slice(1);
    const value = values[name] as number;
    if (m[1] === 'min' ? value < limit : value > limit) return false;
  }
  return true;
}

export function mergeOption(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) {
    const out = [...base];
    over.forEach((item, i) => {
      out[i] = i < base.length ? mergeOption(base[i], item) : item;
    });
    return out;
  }
  if (Array.isArray(base) && isPlain(over)) return base.map((item, i) => (i === 0 ? mergeOption(item, over) : item));
  if (isPlain(base) && isPlain(over)) {
    const out: Plain = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeOption(base[k], v) : v;
    return out;
  }
  return over;
}

/** The option a chart of this size draws; undefined when a query cannot be evaluated (ECharts draws it). */
export function resolveMedia(option: EChartsOption, width: number, height: number): EChartsOption | undefined {
  const raw = option as Plain;
  if (!('baseOption' in raw) && !('media' in raw)) return option;
  let resolved = (raw.baseOption ?? {}) as unknown;
  const media = Array.isArray(raw.media) ? raw.media : [];
  for (const entry of media as { query?: Query; option?: unknown }[]) {
    const hit = matches(entry.query ?? {}, width, height);
    if (hit === undefined) return undefined;
    if (hit && entry.option) resolved = mergeOption(resolved, entry.option);
  }
  return resolved as EChartsOption;
}
