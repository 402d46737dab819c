/**
 * @module The page Chromium prints: the dashboard rendered through its theme with every panel
 * already finished on the server — charts as ECharts SVG, KPIs, tables and pivots as HTML — and no
 * script at all (no client bundle, no state JSON, nothing to wait for). Printing it is the floor:
 * `setContent` + `page.pdf`.
 */
import { readFileSync } from 'node:fs';
import type { Viewer } from '../../access/viewer.js';
import { VitrinaError } from '../../errors/index.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import type { RawParameters } from '../../query/request-parameters.js';
import type { PanelResult } from '../../result/result-set.js';
import { isChartType } from '../client/chart-options/chart-option.js';
import { escapeHtml } from '../client/chart-options/escape-html.js';
import { chartContext } from '../client/model/chart-context.js';
import type { DashboardState, PanelView } from '../html/dashboard-state.js';
import { inlineAssetText } from '../html/embed-json.js';
import { type HtmlTheme, trustedHtml } from '../html/html-theme.js';
import type { PageAssets } from '../html/page-assets.js';
import { renderDashboard } from '../html/render-dashboard.js';
import { ThemeRegistry } from '../html/theme-registry.js';
import { printChartRenderer, registerChartTheme, themeGeneration } from './chart-svg.js';
import { type DrawTask, PanelWorkers } from './panel-workers.js';
import { type Orientation, type Paper, panelBodyWidth } from './print-layout.js';
import { type PrintedPanel, type PrintPanelEnv, printPanel } from './print-panel.js';

export interface PrintPageOptions {
  project: Project;
  reportId: string;
  parameters?: RawParameters;
  locale?: Locale;
  now?: Date;
  viewer?: Viewer;
  paper: Paper;
  orientation: Orientation;
  signal?: AbortSignal;
  /**
   * Reuse a panel body drawn before for the very same cached result (the engine hands out the same
   * object while its cache holds it), layout and theme: a dashboard printed again — another
   * download, a schedule's next recipient — skips ECharts. Default true.
   */
  memo?: boolean;
}

/** Drawn bodies per cached result object; a result that leaves the engine's cache takes its drawings with it. */
const drawn = new WeakMap<object, Map<string, PrintedPanel>>();

/** Chart drawing in worker threads, shared by every print of the process. */
const workers = new PanelWorkers();

/**
 * Panels whose body ECharts draws (worth a trip to a worker); tables, pivots and errors are string
 * work, and so are paper charts (a fraction of a millisecond: less than the trip).
 */
function drawsChart(view: PanelView, outcome: unknown): boolean {
  if (printChartRenderer() === 'paper') return false;
  if (!outcome || typeof outcome !== 'object' || 'error' in outcome) return false;
  if (isChartType(view.type)) return true;
  const series = (outcome as PanelResult).series;
  return view.type === 'kpi' && series !== undefined && series.rows.length >= 2;
}

async function drawPanel(
  view: PanelView,
  outcome: unknown,
  env: PrintPanelEnv,
  task: () => DrawTask,
  memo: boolean,
): Promise<PrintedPanel> {
  const memoised = memo && outcome && typeof outcome === 'object' && !('error' in outcome);
  const key = memoised ? JSON.stringify([view, env.width, env.theme, themeGeneration, printChartRenderer()]) : '';
  const bodies = memoised ? (drawn.get(outcome) ?? new Map<string, PrintedPanel>()) : undefined;
  const hit = bodies?.get(key);
  if (hit) return hit;
  const remote = drawsChart(view, outcome) ? workers.draw(task()) : undefined;
  const body = remote ? await remote.catch(() => printPanel(view, outcome, env)) : printPanel(view, outcome, env);
  if (bodies && memoised) {
    drawn.set(outcome, bodies);
    // A handful of layouts per result at most (paper × orientation); never grows without bound.
    if (bodies.size >= 8) bodies.clear();
    bodies.set(key, body);
  }
  return body;
}

/** Stylesheets inlined, no scripts: nothing runs in the printed page. */
function printAssets(theme: HtmlTheme): PageAssets {
  const styles = theme.stylesheets.map((f) => ({ inline: trustedHtml(inlineAssetText(readFileSync(f.path, 'utf8'), 'style')) }));
  const icon = theme.icon ? `data:image/svg+xml;base64,${readFileSync(theme.icon.path).toString('base64')}` : undefined;
  return { styles, scripts: [], ...(icon ? { icon } : {}) };
}

/**
 * Compiled themes per project, as the server keeps them (`LiveProject`): compiling the templates
 * cost more than the rest of the page. A changed config opens a new project, and new themes with it.
 */
const registries = new WeakMap<Project, ThemeRegistry>();

function themesOf(project: Project): ThemeRegistry {
  let themes = registries.get(project);
  if (!themes) {
    themes = new ThemeRegistry({ projectDir: project.dir, defaultTheme: project.config.theme });
    registries.set(project, themes);
  }
  return themes;
}

const STATE_SCRIPT = /<script type="application\/json" id="vitrina-state">[\s\S]*?<\/script>/;

/**
 * A scrolling box is monolithic when Chromium paginates: a long table inside the panel body's
 * `overflow-x: auto` was cut at the end of the first page it ran over (rows lost, in the scripted
 * print too). Paper scrolls nothing, so the print page lets panel bodies overflow.
 */
const PRINT_FIXES = '<style>@media print { .vt-panel-body { overflow: visible; } }</style>';

const EMPTY_BODY = '<div class="vt-panel-body"></div>';

/** Fills each panel's empty body in the themed page (one pass); a theme whose markup differs fails loudly. */
export function fillPanels(html: string, state: DashboardState, bodies: Map<string, PrintedPanel>): string {
  const page = html.replace(STATE_SCRIPT, '');
  const parts: string[] = [];
  let from = 0;
  for (const view of state.panels) {
    const body = bodies.get(view.id);
    if (!body) continue;
    const at = page.indexOf(`data-panel="${escapeHtml(view.id)}"`, from);
    const section = at < 0 ? -1 : page.lastIndexOf('<section', at);
    const slot = at < 0 ? -1 : page.indexOf(EMPTY_BODY, at);
    if (section < from || slot < 0)
      throw new VitrinaError('RENDER_FAILED', `the print page has no empty .vt-panel-body for panel '${view.id}'`, {
        hint: 'a theme\'s panel.hbs must keep <section class="…" data-panel="…"> and an empty <div class="vt-panel-body"></div>',
      });
    if (body.failed) {
      // As on screen: a failed panel's section says so (the theme styles it).
      const classAt = page.indexOf('class="', section) + 'class="'.length;
      parts.push(page.slice(from, classAt), 'vt-has-error ', page.slice(classAt, slot));
    } else parts.push(page.slice(from, slot));
    parts.push('<div class="vt-panel-body">', body.html, '</div>');
    from = slot + EMPTY_BODY.length;
  }
  parts.push(page.slice(from));
  // What the dashboard script says once drawn; tests and tools read it.
  return parts
    .join('')
    .replace('</head>', `${PRINT_FIXES}</head>`)
    .replace(/<html\b/, '<html data-vitrina-state="ready" data-print="svg"');
}

export async function renderPrintPage(options: PrintPageOptions): Promise<string> {
  const { project } = options;
  const locale = options.locale ?? project.config.locale ?? 'en';
  const { html, state } = await renderDashboard({
    project,
    themes: themesOf(project),
    reportId: options.reportId,
    parameters: options.parameters ?? {},
    locale,
    assets: printAssets,
    static: true,
    viewer: options.viewer,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const context = {
    locale: state.locale,
    messages: state.messages,
    ...(state.timezone ? { timezone: state.timezone } : {}),
    ...(state.currency ? { currency: state.currency } : {}),
  };
  const base = chartContext({ ...context, animation: false });
  const theme = registerChartTheme(state.theme, state.echartsTheme);
  const wireTheme = theme && state.echartsTheme ? { name: theme, object: state.echartsTheme, generation: themeGeneration } : undefined;
  // Every chart of the page is handed out before any is awaited: the workers draw them side by side.
  const drawings = state.panels.map(async (view) => {
    const width = panelBodyWidth(view.width, options.paper, options.orientation);
    const env: PrintPanelEnv = { ctx: view.goodWhen ? { ...base, goodWhen: view.goodWhen } : base, width, ...(theme ? { theme } : {}) };
    const outcome = state.results[view.id];
    const task = (): DrawTask => ({ view, outcome, context, width, ...(wireTheme ? { theme: wireTheme } : {}) });
    return [view.id, await drawPanel(view, outcome, env, task, options.memo !== false)] as const;
  });
  return fillPanels(html, state, new Map(await Promise.all(drawings)));
}
