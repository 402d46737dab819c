/**
 * @module Reading an ECharts option the way every paper renderer does: objects, numbers, lengths
 * given as pixels or percents, and the rule that an option naming a setting a renderer does not
 * read is declined (ECharts draws it).
 */

export type Plain = Record<string, unknown>;

export const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as an object, or undefined when it is not one. */
export const plainOf = (v: unknown): Plain | undefined => (isPlain(v) ? v : undefined);

export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const numberOr = (v: unknown, fallback: number): number => (finite(v) ? v : fallback);

/** Whether `v` is absent or an object with no key beyond `keys`: a setting paper does not draw means ECharts must. */
export function only(v: unknown, keys: readonly string[]): boolean {
  if (v === undefined) return true;
  return isPlain(v) && Object.keys(v).every((k) => keys.includes(k));
}

/** A length as ECharts' `parsePercent`: a number is pixels, 'n%' a share of `base`; undefined for anything else. */
export function percentOf(v: unknown, base: number): number | undefined {
  if (finite(v)) return v;
  const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  return m ? (Number(m[1]) / 100) * base : undefined;
}
