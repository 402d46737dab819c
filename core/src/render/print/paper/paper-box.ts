/** @module What every paper chart renderer is given besides its option. */
import type { EChartsOption } from 'echarts';
import type { PaperStyle } from './paper-style.js';

export interface PaperBox {
  width: number;
  height: number;
  style: PaperStyle;
}

/**
 * Draws one kind of chart as a finished SVG document, or returns undefined for an option it does
 * not fully understand — ECharts then draws that chart, so a paper renderer never guesses.
 */
export type PaperRenderer = (option: EChartsOption, box: PaperBox) => string | undefined;

/** The option's series as an array (ECharts accepts a single object too). */
export function seriesOf(option: EChartsOption): Record<string, unknown>[] {
  const series = (option as { series?: unknown }).series;
  if (Array.isArray(series)) return series as Record<string, unknown>[];
  return series && typeof series === 'object' ? [series as Record<string, unknown>] : [];
}
