/**
 * @module The hosted pages' stylesheet and script URLs, each with its content hash (`?v=`), so
 * browsers cache them for a year and still pick up a new build at once.
 */

import { assetFile, CLIENT_BUNDLE, echartsFile } from '../render/html/asset-files.js';
import type { HtmlTheme } from '../render/html/html-theme.js';
import type { PageAssets } from '../render/html/page-assets.js';

function versioned(url: string, path: string): string | undefined {
  const file = assetFile(path);
  return file ? `${url}?v=${file.hash}` : undefined;
}

export function hostedAssets(theme: HtmlTheme, withScripts: boolean): PageAssets {
  const styles = theme.stylesheets
    .map((f) => versioned(`/assets/themes/${encodeURIComponent(f.theme)}/${encodeURIComponent(f.file)}`, f.path))
    .filter((href): href is string => href !== undefined)
    .map((href) => ({ href }));
  const icon = theme.icon ? versioned(`/assets/themes/${encodeURIComponent(theme.icon.theme)}/favicon.svg`, theme.icon.path) : undefined;
  if (!withScripts) return { styles, scripts: [], ...(icon ? { icon } : {}) };
  const echarts = versioned('/assets/echarts/echarts.min.js', echartsFile());
  const client = versioned('/assets/vitrina/dashboard.js', CLIENT_BUNDLE);
  // Without the bundle the page links no script that would 404; it says what to build instead.
  // ECharts is loaded by the client after the first paint (its evaluation would delay it).
  const scripts = client && echarts ? [{ href: echarts, lazy: true }, { href: client }] : [];
  return { styles, scripts, ...(icon ? { icon } : {}), ...(client ? {} : { missingClient: true }) };
}
