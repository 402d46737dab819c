/**
 * @module The static export: one self-contained HTML file (stylesheets, ECharts, the client
 * bundle and the data inlined; `static: true` in the state), readable offline from file:// and
 * fit for mailing or archiving.
 */
import { readFileSync } from 'node:fs';
import type { Viewer } from '../../access/viewer.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import type { RawParameters } from '../../query/request-parameters.js';
import { assetFile, CLIENT_BUNDLE, echartsFile } from './asset-files.js';
import { inlineAssetText } from './embed-json.js';
import { type HtmlTheme, trustedHtml } from './html-theme.js';
import type { PageAssets } from './page-assets.js';
import { renderDashboard } from './render-dashboard.js';
import { ThemeRegistry } from './theme-registry.js';

export function inlineAssets(theme: HtmlTheme): PageAssets {
  const styles = theme.stylesheets.map((f) => ({ inline: trustedHtml(inlineAssetText(readFileSync(f.path, 'utf8'), 'style')) }));
  const icon = theme.icon ? `data:image/svg+xml;base64,${readFileSync(theme.icon.path).toString('base64')}` : undefined;
  const client = assetFile(CLIENT_BUNDLE);
  const echarts = assetFile(echartsFile());
  if (!client || !echarts) return { styles, scripts: [], missingClient: true, ...(icon ? { icon } : {}) };
  const script = (body: Buffer) => ({ inline: trustedHtml(inlineAssetText(body.toString('utf8'), 'script')) });
  return { styles, scripts: [script(echarts.body), script(client.body)], ...(icon ? { icon } : {}) };
}

export interface StaticDashboardOptions {
  project: Project;
  reportId: string;
  parameters?: RawParameters;
  locale?: Locale;
  now?: Date;
  /** Row scopes of this viewer apply. Default: unrestricted. */
  viewer?: Viewer;
  log?: (message: string) => void;
}

export async function renderStaticDashboard(options: StaticDashboardOptions): Promise<string> {
  const { project } = options;
  const themes = new ThemeRegistry({ projectDir: project.dir, defaultTheme: project.config.theme, log: options.log });
  const { html } = await renderDashboard({
    project,
    themes,
    reportId: options.reportId,
    parameters: options.parameters ?? {},
    locale: options.locale ?? project.config.locale ?? 'en',
    assets: inlineAssets,
    static: true,
    viewer: options.viewer,
    ...(options.now ? { now: options.now } : {}),
  });
  return html;
}
