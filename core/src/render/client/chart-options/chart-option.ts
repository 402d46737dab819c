/** @module Picks the option builder for a chart panel type; KPI, table and pivot are DOM, not charts. */
import type { PanelResult } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import type { ChartSpec } from './base-option.js';
import { cartesianOption } from './cartesian-option.js';
import type { ChartView } from './chart-view.js';
import { funnelOption } from './funnel-option.js';
import { gaugeOption } from './gauge-option.js';
import { heatmapOption } from './heatmap-option.js';
import { pieOption } from './pie-option.js';

export const CHART_TYPES = ['line', 'area', 'bar', 'stacked_bar', 'pie', 'funnel', 'heatmap', 'gauge'] as const;

export function isChartType(type: string): boolean {
  return (CHART_TYPES as readonly string[]).includes(type);
}

export function chartOption(result: PanelResult, view: ChartView, ctx: ChartContext): ChartSpec {
  switch (view.type) {
    case 'line':
    case 'area':
    case 'bar':
    case 'stacked_bar':
      return cartesianOption(result, view, ctx);
    case 'pie':
      return pieOption(result, view, ctx);
    case 'funnel':
      return funnelOption(result, ctx);
    case 'heatmap':
      return heatmapOption(result, ctx);
    case 'gauge':
      return gaugeOption(result, ctx);
    default:
      throw new Error(`Panel type ${view.type} is not a chart`);
  }
}
