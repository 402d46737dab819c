/** @module Reads what a dashboard page embeds: the DashboardState JSON block and the panel sections. */
import type { DashboardState } from '@vitrina/core/server';

export function stateOf(html: string): DashboardState {
  const m = /<script type="application\/json" id="vitrina-state">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no vitrina-state block in the page');
  return JSON.parse(m[1] as string) as DashboardState;
}

/** Every `<script>` tag that is not the JSON data block: CSP allows none of them inline on hosted pages. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)].map((m) => m[0]);
}

export function panelIds(html: string): string[] {
  return [...html.matchAll(/<section class="vt-panel[^"]*" data-panel="([^"]+)"/g)].map((m) => m[1] as string);
}
