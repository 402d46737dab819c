/** @module One panel on the page: its view, its DOM and the ECharts instances drawn in it. */
import type { PanelView } from '../../html/dashboard-state.js';
import type { EChartsInstance } from './echarts-global.js';

export interface PanelSlot {
  view: PanelView;
  section: HTMLElement;
  body: HTMLElement;
  /** What the body currently shows, so a refresh of the same kind updates in place. */
  kind?: 'chart' | 'kpi' | 'table' | 'pivot' | 'message';
  charts: EChartsInstance[];
  observer?: ResizeObserver;
}

/** Heights per `height`; phones keep them (a chart shorter than ~180px is unreadable). */
export const CHART_HEIGHT: Record<PanelView['height'], number> = { s: 180, m: 300, l: 440 };

export function clearSlot(slot: PanelSlot): void {
  for (const chart of slot.charts) chart.dispose();
  slot.charts = [];
  slot.observer?.disconnect();
  delete slot.observer;
  delete slot.kind;
  slot.body.replaceChildren();
}

export function resizeCharts(slot: PanelSlot): void {
  for (const chart of slot.charts) if (!chart.isDisposed()) chart.resize();
}
