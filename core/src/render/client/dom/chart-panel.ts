/** @module A chart panel: builds the option, draws it (in place on refresh), resizes with its box. */
import type { PanelResult } from '../../../result/result-set.js';
import { chartOption } from '../chart-options/chart-option.js';
import type { ChartContext } from '../model/chart-context.js';
import { el } from './dom-helpers.js';
import { drawChart } from './draw-chart.js';
import type { EChartsApi } from './echarts-global.js';
import { CHART_HEIGHT, clearSlot, type PanelSlot, resizeCharts } from './panel-slot.js';

export interface ChartHooks {
  theme?: string;
  echartsLocale?: string;
  /** A click on a bar, slice or stage whose panel drills; gets the stored dimension value. */
  onDrill?: (value: unknown) => void;
}

export function renderChart(api: EChartsApi, slot: PanelSlot, result: PanelResult, ctx: ChartContext, hooks: ChartHooks): Promise<void> {
  const width = slot.body.clientWidth || undefined;
  const spec = chartOption(result, { ...slot.view, title: slot.view.title ?? result.title ?? '', ...(width ? { width } : {}) }, ctx);
  let host = slot.body.querySelector<HTMLElement>(':scope > .vt-chart');
  if (slot.kind !== 'chart' || !host) {
    clearSlot(slot);
    slot.kind = 'chart';
    host = el('div', 'vt-chart');
    // ECharts writes its generated description into aria-label; role=img makes readers announce it.
    host.setAttribute('role', 'img');
    host.style.height = '100%';
    slot.body.append(host);
    // The theme gives chart bodies their height; without it (an old theme) fall back to ours.
    if (host.clientHeight < 60) host.style.height = `${CHART_HEIGHT[slot.view.height] ?? CHART_HEIGHT.m}px`;
  }
  const first = result.columns.find((c) => c.role === 'dimension')?.name;
  // After a breakdown switch the bars may be managers while the drill sets a region: no drill then.
  const sameDimension = !slot.view.drillColumn || slot.view.drillColumn === first;
  const drillable = hooks.onDrill && spec.drillValues && sameDimension && (slot.view.drill?.parameter || slot.view.drill?.report);
  const onDrill = hooks.onDrill;
  const values = spec.drillValues ?? [];
  const { chart, finished } = drawChart(api, host, slot.charts[0], spec.option, {
    ...(hooks.theme ? { theme: hooks.theme } : {}),
    ...(hooks.echartsLocale ? { locale: hooks.echartsLocale } : {}),
    ...(drillable && onDrill ? { onClick: (i: number) => values[i] !== undefined && onDrill(values[i]) } : {}),
  });
  slot.charts = [chart];
  host.classList.toggle('vt-drillable', Boolean(drillable));
  if (!slot.observer && typeof ResizeObserver !== 'undefined') {
    slot.observer = new ResizeObserver(() => resizeCharts(slot));
    slot.observer.observe(host);
  }
  return finished;
}
