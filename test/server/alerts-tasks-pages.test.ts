/**
 * Active alerts and control tasks on the hosted pages, over real HTTP with sign-in on: the index
 * and the affected panels show the alerts a viewer may see (report access and row scope) and no
 * others, escaped; the tasks page lists open, overdue and done tasks per owner; the owner (or an
 * admin) marks a task done with a comment through a form carrying the CSRF token — audited —
 * and a forged or foreign request is refused; a tasks panel carries the same tasks, and a static
 * copy says they are on the hosted dashboard instead of failing.
 */
import { BrowserPool, exportPdf } from '@vitrina/core/export';
import { renderStaticDashboard } from '@vitrina/core/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpClient } from '../access/http-client.js';
import { pdfText } from '../support/pdf-text.js';
import { type AlertsTasksServer, startAlertsTasksServer } from './alerts-tasks-fixture.js';
import { stateOf } from './page-state.js';

let s: AlertsTasksServer;
beforeAll(async () => {
  s = await startAlertsTasksServer();
});
afterAll(async () => {
  await s?.dispose();
});

/** The alert names shown in the page's index list (`data-alert` of the list items). */
const alertNames = (html: string): string[] => [...html.matchAll(/<li class="vt-alert" data-alert="([^"]+)"/g)].map((m) => m[1] as string);

/** The HTML of one panel's section. */
function panelHtml(html: string, id: string): string {
  const start = html.indexOf(`data-panel="${id}"`);
  if (start < 0) throw new Error(`no panel ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('active alerts', () => {
  it('the index lists the alerts of the dashboards each viewer may open, within their scope', async () => {
    const seen: Record<string, string[]> = {};
    for (const role of ['ceo', 'head', 'manager', 'admin'] as const) {
      const r = await s.clients[role].get('/');
      expect(r.status).toBe(200);
      seen[role] = alertNames(
        r.text.slice(r.text.indexOf('vt-active-alerts'), r.text.indexOf('</section>', r.text.indexOf('vt-active-alerts'))),
      );
    }
    expect(seen.ceo?.sort()).toEqual(['revenue-run-rate', 'sales-revenue-declines', 'won-drop-other-department']);
    expect(seen.admin?.sort()).toEqual(['revenue-run-rate', 'sales-revenue-declines', 'won-drop-other-department']);
    // The head of department 1 does not see department 2's alert; the manager may not open the executive overview.
    expect(seen.head?.sort()).toEqual(['revenue-run-rate', 'sales-revenue-declines']);
    expect(seen.manager).toEqual(['sales-revenue-declines']);
  });

  it('escapes what the config and the reading say, and links to the dashboard filtered to the cause', async () => {
    const html = (await s.clients.ceo.get('/')).text;
    expect(html).toContain('Revenue run-rate &lt;b&gt;below&lt;/b&gt; plan');
    expect(html).toContain('below 0.9 &lt;script&gt;');
    expect(html).not.toContain('<b>below</b>');
    // Handlebars writes '=' in attributes as &#x3D;, which the browser reads back as '='.
    expect(html.replaceAll('&#x3D;', '=')).toContain('href="/d/executive-overview?period=2026-11-01..2026-11-26"');
    // The card of the dashboard is marked too.
    expect(html).toMatch(/<li class="vt-card vt-card-alert" data-report="executive-overview">/);
    expect((await s.clients.manager.get('/')).text).not.toContain('Revenue run-rate');
  });

  it('shows on the panel the rule names, or on every panel showing its measure', async () => {
    const overview = (await s.clients.ceo.get('/d/executive-overview')).text;
    expect(alertNames(panelHtml(overview, 'revenue'))).toEqual(['revenue-run-rate']);
    expect(panelHtml(overview, 'revenue')).toContain('class="vt-panel-alerts" role="alert"');
    expect(alertNames(panelHtml(overview, 'revenue_by_month'))).toEqual([]);
    const state = stateOf(overview);
    expect(state.panels.filter((p) => p.alerts?.length).map((p) => p.id)).toEqual(['revenue']);
    expect(state.panels.find((p) => p.id === 'revenue')?.alerts?.[0]).toMatchObject({
      title: 'Revenue run-rate <b>below</b> plan',
      link: '/d/executive-overview?period=2026-11-01..2026-11-26',
    });

    const forCeo = stateOf((await s.clients.ceo.get('/d/sales')).text);
    const byPanel = (st: typeof forCeo) => Object.fromEntries(st.panels.map((p) => [p.id, (p.alerts ?? []).map((a) => a.name).sort()]));
    expect(byPanel(forCeo)).toEqual({
      revenue: ['sales-revenue-declines'],
      deals_won: ['won-drop-other-department'],
      win_rate: [],
      average_deal: [],
      revenue_by: ['sales-revenue-declines', 'won-drop-other-department'],
      revenue_by_category: ['sales-revenue-declines'],
      revenue_by_product: ['sales-revenue-declines'],
      top_managers: ['sales-revenue-declines', 'won-drop-other-department'],
    });
    const forManager = stateOf((await s.clients.manager.get('/d/sales')).text);
    expect(byPanel(forManager).deals_won).toEqual([]);
    expect(byPanel(forManager).revenue).toEqual(['sales-revenue-declines']);
    expect((await s.clients.manager.get('/d/executive-overview')).status).toBe(404);
  });
});

describe('control tasks', () => {
  const statuses = (html: string) =>
    Object.fromEntries([...html.matchAll(/data-task="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1], m[2]]));

  it('lists open, overdue and done tasks per owner, with the escalation and the comment, escaped', async () => {
    // The head is an executive: she sees every owner's tasks; here only her own, by the filter.
    const r = await s.clients.head.get('/tasks?owner=head');
    expect(r.status).toBe(200);
    const { headDone, headOverdue, headOpen, managerOpen } = s.ids;
    expect(statuses(r.text)).toEqual({ [headOpen]: 'open', [headOverdue]: 'overdue', [headDone]: 'done' });
    expect(r.text).toMatch(/data-count="open">Open: 1<[\s\S]*data-count="overdue">Overdue: 1<[\s\S]*data-count="done">Done: 1</);
    expect(r.text).toContain('Escalated to: ceo');
    expect(r.text).toContain('Listen to &lt;5&gt; calls of each manager');
    expect(r.text).toContain('Listened to 25 calls; &lt;two&gt; scripts to fix');
    // Executives see every owner; a manager only their own tasks.
    const ceo = (await s.clients.ceo.get('/tasks')).text;
    expect([...ceo.matchAll(/data-owner="([^"]+)"/g)].map((m) => m[1])).toEqual(['head', 'manager']);
    expect(statuses((await s.clients.manager.get('/tasks')).text)).toEqual({ [managerOpen]: 'open' });
    expect(statuses((await s.clients.ceo.get('/tasks?owner=head&status=overdue')).text)).toEqual({ [headOverdue]: 'overdue' });
    // In Russian through the same messages.
    const ru = (await s.clients.head.get('/tasks?owner=head&lang=ru')).text;
    expect(ru).toContain('<title>Контрольные задачи · Vitrina</title>');
    expect(ru).toMatch(/data-count="overdue">Просрочена: 1</);
    expect(ru).toContain('Эскалация: ceo');
    expect((await s.clients.ceo.get('/?lang=ru')).text).toContain('Активные сигналы');
    // The language choice sticks (a cookie): back to English for the tests that follow.
    await s.clients.head.get('/?lang=en');
    await s.clients.ceo.get('/?lang=en');
    // Only the owner's own open tasks carry the mark-done form.
    expect(r.text).toContain(`action="/tasks/${headOpen}/done"`);
    expect(ceo).not.toContain(`action="/tasks/${headOpen}/done"`);
  });

  it('the owner marks a task done with a comment: needs the CSRF token, audited, back to the page', async () => {
    const head = s.clients.head;
    const { headOpen } = s.ids;
    const forged = await head.request(`/tasks/${headOpen}/done`, { method: 'POST', form: { comment: 'done', back: '/tasks' } });
    expect(forged.status).toBe(403);
    expect((await s.tasks.get(headOpen, new Date()))?.status).toBe('open');

    const token = HttpClient.csrfFrom((await head.get('/tasks')).text) as string;
    const r = await head.request(`/tasks/${headOpen}/done`, {
      method: 'POST',
      form: { _csrf: token, comment: 'Listened to 30 calls', back: '/tasks?owner=head' },
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`/tasks?owner=head&done=${headOpen}#task-${headOpen}`);
    expect(await s.tasks.get(headOpen, new Date())).toMatchObject({ status: 'done', doneBy: 'head', comment: 'Listened to 30 calls' });
    const page = await head.get(r.headers.get('location') as string);
    expect(page.text).toContain('The task is marked done.');
    const audit = await s.access.store.audit.list({ event: 'task_done' });
    expect(audit.find((e) => e.ok && e.subject === headOpen)).toMatchObject({
      actor: 'head',
      details: { comment: 'Listened to 30 calls' },
    });
  });

  it('refuses anyone but the owner or an admin', async () => {
    const { headOverdue } = s.ids;
    const post = async (role: 'ceo' | 'manager' | 'admin') => {
      const client = s.clients[role];
      const token = HttpClient.csrfFrom((await client.get('/')).text) as string;
      return client.request(`/tasks/${headOverdue}/done`, { method: 'POST', form: { _csrf: token, comment: 'not mine' } });
    };
    // An executive sees it but may not close it; a manager does not even see it.
    expect((await post('ceo')).status).toBe(403);
    expect((await post('manager')).status).toBe(404);
    expect((await s.tasks.get(headOverdue, new Date()))?.status).toBe('overdue');
    expect((await s.access.store.audit.list({ event: 'task_done' })).filter((e) => !e.ok).map((e) => e.actor)).toEqual(
      expect.arrayContaining(['ceo', 'manager']),
    );
    expect((await post('admin')).status).toBe(303);
    expect(await s.tasks.get(headOverdue, new Date())).toMatchObject({ status: 'done', doneBy: 'admin', comment: 'not mine' });
  });

  it('a tasks panel carries the tasks the viewer may see; a static copy says they are on the hosted dashboard', async () => {
    const state = stateOf((await s.clients.ceo.get('/d/personnel-control')).text);
    const result = state.results.control_tasks as { columns: { name: string }[]; rows: unknown[][]; hostedOnly?: boolean };
    expect(result.hostedOnly).toBeUndefined();
    const owner = result.columns.findIndex((c) => c.name === 'owner');
    const escalation = result.columns.findIndex((c) => c.name === 'escalate_to');
    expect(result.rows.map((r) => r[owner])).toEqual(['head', 'head', 'head', 'manager']);
    expect(result.rows.filter((r) => r[escalation] === 'ceo')).toHaveLength(3);

    const html = await renderStaticDashboard({ project: s.project, reportId: 'personnel-control' });
    expect(stateOf(html).results.control_tasks).toMatchObject({ id: 'control_tasks', type: 'tasks', rows: [], hostedOnly: true });
  });

  it('a PDF of a report with a tasks panel prints, saying where the tasks are', async () => {
    const pool = new BrowserPool({ executablePath: inject('vitrinaChromium') });
    try {
      const pdf = await exportPdf({ project: s.project, reportId: 'personnel-control' }, { pool });
      const text = (await pdfText(pdf)).join('\n');
      expect(text).toContain('Control tasks of the heads of sales');
      expect(text.replace(/\s+/g, ' ')).toContain('Control tasks are shown on the hosted dashboard.');
    } finally {
      await pool.close();
    }
  });
});
