/**
 * @module Puts one panel outcome on the page: an error value, an empty result, or the KPI, table,
 * pivot or chart. Resolves when it is drawn, with whether it succeeded (the event's `ok`).
 */

import type { PanelResult } from '../../../result/result-set.js';
import type { TasksPanelResult } from '../../html/dashboard-state.js';
import { isChartType } from '../chart-options/chart-option.js';
import type { ChartContext } from '../model/chart-context.js';
import { problemOf } from '../model/panel-problem.js';
import { renderChart } from './chart-panel.js';
import { renderTable } from './data-table.js';
import type { EChartsApi } from './echarts-global.js';
import { renderKpi } from './kpi-card.js';
import { showEmpty, showError } from './panel-message.js';
import type { PanelSlot } from './panel-slot.js';
import { renderPivot } from './pivot-table.js';
import { renderTasks } from './tasks-panel.js';

export interface RenderEnv {
  api: EChartsApi | undefined;
  ctx: ChartContext;
  theme?: string;
  echartsLocale?: string;
  onDrill?: (slot: PanelSlot, value: unknown) => void;
  onRetry?: () => void;
  /** False in the static copy: no tasks page to link to. */
  hosted?: boolean;
}

export async function renderOutcome(slot: PanelSlot, outcome: unknown, env: RenderEnv): Promise<boolean> {
  slot.section.classList.remove('vt-has-error');
  const problem = problemOf(outcome);
  if (problem) {
    showError(slot, problem, env.ctx, env.onRetry);
    return false;
  }
  const result = outcome as PanelResult;
  const type = slot.view.type;
  const drill = env.onDrill ? (value: unknown) => env.onDrill?.(slot, value) : undefined;
  try {
    if (type === 'tasks') renderTasks(slot, result as unknown as TasksPanelResult, env.ctx, env.hosted !== false);
    else if (result.rows.length === 0) showEmpty(slot, env.ctx);
    else if (type === 'kpi') await renderKpi(env.api, slot, result, env.ctx, env.theme);
    else if (type === 'table') renderTable(slot, result, env.ctx, drill);
    else if (type === 'pivot') renderPivot(slot, result, env.ctx);
    else if (isChartType(type)) {
      if (!env.api) throw new Error('ECharts did not load (/assets/echarts/echarts.min.js)');
      await renderChart(env.api, slot, result, env.ctx, {
        ...(env.theme ? { theme: env.theme } : {}),
        ...(env.echartsLocale ? { echartsLocale: env.echartsLocale } : {}),
        ...(drill ? { onDrill: drill } : {}),
      });
    } else renderTable(slot, result, env.ctx, drill);
    return true;
  } catch (error) {
    // A drawing bug must show in the console (browser tests fail on it) and in place of the panel.
    console.error(`vitrina: panel ${slot.view.id}:`, error);
    showError(slot, { code: 'RENDER_FAILED', message: error instanceof Error ? error.message : String(error) }, env.ctx);
    return false;
  }
}
