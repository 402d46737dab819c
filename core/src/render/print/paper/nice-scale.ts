/**
 * @module A value axis's extent and ticks, by ECharts' own rule (IntervalScale with splitNumber 5
 * and `numberUtil.nice`), so a printed axis reads 0–800 in steps of 200 where the screen does too.
 */

/** ECharts' `nice(val, round = true)`: 1, 2, 3, 5 or 10 times a power of ten. */
export function niceNumber(value: number): number {
  if (!(value > 0)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const power = 10 ** exponent;
  const f = value / power;
  const nf = f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10;
  const nice = nf * power;
  return exponent >= -20 ? +nice.toFixed(exponent < 0 ? -exponent : 0) : nice;
}

/** Rounds away float noise at the interval's precision (0.1 + 0.2 → 0.3). */
function round(value: number, interval: number): number {
  const digits = Math.max(0, Math.min(20, -Math.floor(Math.log10(interval)) + 2));
  return +value.toFixed(digits);
}

export interface NiceScale {
  min: number;
  max: number;
  interval: number;
  ticks: number[];
}

/**
 * Extent over the data, with zero in it unless `scale` (ECharts' default for value axes), widened
 * to whole intervals. An empty or flat extent still gets a readable axis.
 */
export function niceScale(dataMin: number, dataMax: number, options: { scale?: boolean; splitNumber?: number } = {}): NiceScale {
  let min = Number.isFinite(dataMin) ? dataMin : 0;
  let max = Number.isFinite(dataMax) ? dataMax : 0;
  if (min > max) [min, max] = [0, 0];
  if (!options.scale) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  }
  if (min === max) {
    if (min === 0) max = 1;
    else if (options.scale) {
      // ECharts expands a flat scaled extent by half its value each way.
      const half = Math.abs(min) / 2;
      min -= half;
      max += half;
    } else if (min > 0) min = 0;
    else max = 0;
  }
  const interval = niceNumber((max - min) / (options.splitNumber ?? 5));
  const niceMin = round(Math.floor(min / interval) * interval, interval);
  const niceMax = round(Math.ceil(max / interval) * interval, interval);
  const ticks: number[] = [];
  for (let v = niceMin, i = 0; v <= niceMax + interval / 1e6 && i < 1000; i++, v = round(niceMin + i * interval, interval)) ticks.push(v);
  return { min: niceMin, max: niceMax, interval, ticks };
}
