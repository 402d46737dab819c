/** @module KPI card: the value, the change per comparison (▲▼, good/bad colour), % of plan, sparkline. */
import type { PanelResult } from '../../../result/result-set.js';
import { sparklineOption } from '../chart-options/sparkline-option.js';
import type { ChartContext } from '../model/chart-context.js';
import { kpiModel } from '../model/kpi-model.js';
import { el } from './dom-helpers.js';
import { drawChart } from './draw-chart.js';
import type { EChartsApi } from './echarts-global.js';
import { showEmpty } from './panel-message.js';
import { clearSlot, type PanelSlot, resizeCharts } from './panel-slot.js';

export function renderKpi(
  api: EChartsApi | undefined,
  slot: PanelSlot,
  result: PanelResult,
  ctx: ChartContext,
  theme?: string,
): Promise<void> {
  const model = kpiModel(result, ctx);
  if (!model) {
    showEmpty(slot, ctx);
    return Promise.resolve();
  }
  clearSlot(slot);
  slot.kind = 'kpi';
  const card = el('div', 'vt-kpi');
  const value = el('p', 'vt-kpi-value', model.value);
  value.title = model.label;
  card.append(value);
  for (const d of model.deltas) {
    const line = el('p', `vt-kpi-delta vt-${d.tone} vt-${d.direction}`);
    const amount = el('span', 'vt-delta-amount', d.text);
    amount.title = d.detail;
    line.append(amount, el('span', 'vt-delta-against', ` ${d.against}`));
    card.append(line);
  }
  if (model.attainment || model.runRate) {
    const plan = el('p', 'vt-kpi-plan');
    if (model.attainment) plan.append(el('span', `vt-attainment vt-${model.attainment.tone}`, model.attainment.text));
    if (model.runRate) plan.append(el('span', 'vt-run-rate', model.runRate));
    card.append(plan);
  }
  slot.body.append(card);
  if (!api || !result.series || result.series.rows.length < 2) return Promise.resolve();
  const host = el('div', 'vt-kpi-spark');
  host.setAttribute('aria-hidden', 'true');
  host.style.height = '44px';
  card.append(host);
  const { chart, finished } = drawChart(api, host, undefined, sparklineOption(result.series, ctx), theme ? { theme } : {});
  slot.charts = [chart];
  if (typeof ResizeObserver !== 'undefined') {
    slot.observer = new ResizeObserver(() => resizeCharts(slot));
    slot.observer.observe(host);
  }
  return finished;
}
