/**
 * The static export (`vitrina render <id> --format html`): one file with every stylesheet, script
 * and number inlined, `static: true` in the state, no URL that needs a server.
 */

import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import { renderStaticDashboard } from '@vitrina/core/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOf } from './page-state.js';
import { makeDemoProject, NOW, REPO } from './server-fixture.js';

let project: Project;
beforeAll(async () => {
  const { dir, configPath } = await makeDemoProject({ config: { theme: 'dark' } });
  project = await openProject({ configPath, cwd: dir, resolveFrom: [join(REPO, 'cli')], now: () => NOW });
});
afterAll(async () => project?.close());

describe('renderStaticDashboard', () => {
  it('inlines the theme and the data, links nothing on a server', async () => {
    const html = await renderStaticDashboard({
      project,
      reportId: 'executive-overview',
      parameters: { period: 'last_month' },
      locale: 'ru',
    });
    const state = stateOf(html);
    expect(state.static).toBe(true);
    expect(state.report.title).toBe('Обзор для руководства');
    expect(state.report.refreshSeconds).toBeUndefined();
    expect(state.query).toEqual({ period: 'last_month' });
    expect(Object.keys(state.results)).toEqual(project.definitions.reports.get('executive-overview')?.definition.panels.map((p) => p.id));
    // No asset fetched from a server: every stylesheet and script is in the file.
    // (Boolean checks: a failing match would print the whole inlined ECharts.)
    expect(/<link [^>]*href="(?!data:)/.test(html)).toBe(false);
    expect(/<script [^>]*src=/.test(html)).toBe(false);
    expect(html.includes('--vt-span')).toBe(true);
    expect(/<style>[^<]*--vt-bg: #0f141d/.test(html)).toBe(true); // the dark theme's colours
    expect(/<style>[^<]*\.vt-grid \{/.test(html)).toBe(true); // the default theme's layout it extends
    expect(html.includes('data-theme="dark"')).toBe(true);
    // The filter bar is shown but disabled, with no language links.
    expect(html.includes('<select id="vt-p-period" name="period" disabled>')).toBe(true);
    expect(html.includes('<nav class="vt-locale"')).toBe(false);
    // Either both scripts are inlined, or the page says the client is not built.
    const inlined = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    if (inlined.length) {
      expect(inlined).toHaveLength(2);
      expect(inlined[0]?.includes('echarts')).toBe(true);
      for (const body of inlined) expect(/<\/script/i.test(body)).toBe(false);
    } else expect(html.includes('The dashboard script is not built')).toBe(true);
  });

  it('reports bad parameters as errors, like the server', async () => {
    await expect(renderStaticDashboard({ project, reportId: 'sales', parameters: { period: 'soon' } })).rejects.toMatchObject({
      code: 'PERIOD_INVALID',
    });
    await expect(renderStaticDashboard({ project, reportId: 'sale' })).rejects.toMatchObject({ code: 'REPORT_NOT_FOUND' });
  });
});
