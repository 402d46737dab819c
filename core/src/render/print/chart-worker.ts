/**
 * @module Worker thread that draws panel bodies (ECharts SSR) for {@link PanelWorkers}: the same
 * {@link printPanel} as the main thread, fed the panel, its result and what the chart context is
 * built from (functions do not cross threads).
 */
import { parentPort } from 'node:worker_threads';
import { chartContext } from '../client/model/chart-context.js';
import { registerChartTheme } from './chart-svg.js';
import type { DrawTask } from './panel-workers.js';
import { printPanel } from './print-panel.js';

const port = parentPort;
if (!port) throw new Error('chart-worker.js runs as a worker thread');
/** Theme name → the main thread's generation registered here (a theme arrives as a fresh copy). */
const themes = new Map<string, number>();

port.on('message', ({ id, task }: { id: number; task: DrawTask }) => {
  const { view, outcome, context, width, theme } = task;
  if (theme && themes.get(theme.name) !== theme.generation) {
    registerChartTheme(theme.name, theme.object);
    themes.set(theme.name, theme.generation);
  }
  const ctx = chartContext({ ...context, animation: false, ...(view.goodWhen ? { goodWhen: view.goodWhen } : {}) });
  const body = printPanel(view, outcome, { ctx, width, ...(theme ? { theme: theme.name } : {}) });
  port.postMessage({ id, body });
});
port.postMessage({ ready: true });
