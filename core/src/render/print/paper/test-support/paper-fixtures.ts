/**
 * @module What the paper chart specs share: the default theme's ECharts theme object, the demo's
 * panel results, and the text of an SVG as a reader sees it. Test-only (excluded from the build).
 */
import { readFileSync } from 'node:fs';
import type { PanelResult } from '../../../../result/result-set.js';

/** Free-form JSON: specs read its keys directly. */
export const defaultTheme: Record<string, any> = JSON.parse(
  readFileSync(new URL('../../../../../../themes/default/echarts-theme.json', import.meta.url), 'utf8'),
);

export const demoPanels: Record<string, PanelResult> = JSON.parse(
  readFileSync(new URL('../../../client/test-fixtures/demo-panels.json', import.meta.url), 'utf8'),
);

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** An SVG text or attribute with its XML entities decoded. */
export const decodeXml = (s: string) => s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ENTITIES[e] as string);

/** The text nodes of an SVG in document order, decoded. */
export const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decodeXml(m[1] as string));
