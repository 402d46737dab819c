/** @module Settings every Vitrina chart shares: accessibility, motion, tooltip box, legend. */
import type { EChartsOption } from 'echarts';
import type { ChartContext } from '../model/chart-context.js';

/** Muted colour for the "Other" row, so the long tail never competes with named values. */
export const OTHER_COLOR = '#9aa3ad';

export interface ChartSpec {
  option: EChartsOption;
  /** Stored dimension value per data index, for drill-down (bars, slices, stages). */
  drillValues?: unknown[];
}

export function baseOption(ctx: ChartContext): EChartsOption {
  return {
    animation: ctx.animation,
    // Screen readers get ECharts' generated description of the data; decals stay off (colours carry meaning).
    aria: { enabled: true, decal: { show: false } },
    tooltip: {
      confine: true,
      // Tooltip text is built by our formatters, which escape every data value.
      renderMode: 'html',
      className: 'vt-chart-tooltip',
    },
  };
}

export function legendOption(show: boolean): EChartsOption['legend'] {
  return show ? { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } } : { show: false };
}
