/**
 * Authorisation matrix over real HTTP: every route × every role (anonymous, manager, head of
 * department, CEO, admin, a manager's API token limited to one dashboard) × every report, with
 * the state store in SQLite and in PostgreSQL. Asserts the status, that an ungranted report
 * answers exactly like an unknown one, and that no out-of-scope manager or department name
 * appears in any body (pages embed the data; the API returns it).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER_DASHBOARDS } from '../../cli/src/demo/demo-access.js';
import { pdfText } from '../support/pdf-text.js';
import { ROLES_UNDER_TEST, type RoleUnderTest, type SecuredServer, startSecuredServer } from './secured-server.js';
import { STATE_DIALECTS } from './state-stores.js';

function granted(role: RoleUnderTest, report: string): boolean {
  if (role === 'admin' || role === 'ceo' || role === 'head') return true;
  if (role === 'manager') return DEMO_MANAGER_DASHBOARDS.includes(report);
  if (role === 'token') return report === 'sales';
  return false;
}

/** Names this role must never see: other managers (and other departments for the head). */
function forbiddenNames(s: SecuredServer, role: RoleUnderTest): string[] {
  const { manager, department, managers, departments } = s.scope;
  let names: string[] = [];
  if (role === 'manager' || role === 'token') names = managers.filter((m) => m.id !== manager.id).map((m) => m.name);
  if (role === 'head')
    names = [
      ...managers.filter((m) => m.department_id !== department.id).map((m) => m.name),
      ...departments.filter((d) => d.id !== department.id).map((d) => d.name),
    ];
  const allowed = role === 'head' ? managers.filter((m) => m.department_id === department.id).map((m) => m.name) : [manager.name];
  // A forbidden name that is part of an allowed one (namesakes) cannot be told apart in text.
  return [...new Set(names)].filter((n) => !allowed.some((a) => a.includes(n)));
}

describe.each(STATE_DIALECTS)('authorisation matrix (%s state store)', (dialect) => {
  let s: SecuredServer;
  beforeAll(async () => {
    s = await startSecuredServer(dialect);
  });
  afterAll(() => s?.dispose());

  const reportIds = () => [...s.project.definitions.reports.keys()];
  const byManager = (id: string) => {
    const by = s.project.definitions.reports.get(id)?.definition.parameters?.find((p) => p.type === 'breakdown');
    return by?.options?.includes('manager') ? '?by=manager' : '';
  };

  it.each(ROLES_UNDER_TEST)('%s: index, every page, report API and panel API', async (role) => {
    const client = s.clients[role];
    const headers = s.headers(role);
    const forbidden = forbiddenNames(s, role);
    const leaks: string[] = [];
    const check = (where: string, body: string) => {
      for (const name of forbidden) if (body.includes(name)) leaks.push(`${where}: ${name}`);
    };

    const index = await client.get('/', headers);
    if (role === 'anonymous') expect(index.status).toBe(302);
    else {
      expect(index.status).toBe(200);
      for (const id of reportIds()) expect(index.text.includes(`href="/d/${id}"`), `${role} index lists ${id}`).toBe(granted(role, id));
      check('/', index.text);
    }
    const unknownPage = await client.get('/d/no-such-report', headers);
    const unknownApi = await client.get('/api/reports/no-such-report', headers);

    for (const id of reportIds()) {
      const q = byManager(id);
      const def = s.project.definitions.reports.get(id)?.definition;
      const paths = [`/d/${id}${q}`, `/api/reports/${id}${q}`, ...(def?.panels ?? []).map((p) => `/api/reports/${id}/panels/${p.id}${q}`)];
      for (const path of granted(role, id) ? paths : paths.slice(0, 3)) {
        const r = await client.get(path, headers);
        const isApi = path.startsWith('/api/');
        if (role === 'anonymous') {
          expect(r.status, path).toBe(isApi ? 401 : 302);
          continue;
        }
        if (granted(role, id)) {
          expect(r.status, `${role} ${path}: ${r.text.slice(0, 200)}`).toBe(200);
          check(path, r.text);
        } else {
          expect(r.status, `${role} ${path}`).toBe(404);
          // Exactly what an unknown report answers: nothing tells that it exists.
          const same = isApi ? unknownApi : unknownPage;
          if (!path.includes('/panels/')) expect(r.text.replaceAll(id, 'X')).toBe(same.text.replaceAll('no-such-report', 'X'));
          expect(r.text).not.toContain('did you mean');
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('scope is real: each sees their own numbers, and they differ', async () => {
    const revenue = async (role: RoleUnderTest) => {
      const r = await s.clients[role].get('/api/reports/sales/panels/revenue', s.headers(role));
      return (JSON.parse(r.text) as { rows: number[][] }).rows[0]?.[0];
    };
    const [manager, head, ceo, admin, token] = await Promise.all(
      ['manager', 'head', 'ceo', 'admin', 'token'].map((r) => revenue(r as RoleUnderTest)),
    );
    expect(manager).toBeGreaterThan(0);
    expect(manager).toBeLessThan(head as number);
    expect(head).toBeLessThan(ceo as number);
    expect(ceo).toBe(admin);
    expect(token).toBe(manager);
    const own = await s.clients.manager.get('/d/sales?by=manager');
    expect(own.text).toContain(s.scope.manager.name);
  });

  it('a parameter never widens the scope', async () => {
    const other = s.scope.departments[1] as { name: string };
    const otherManager = s.scope.managers.find((m) => m.department_id !== s.scope.department.id) as { name: string };
    for (const path of [
      `/api/reports/sales/panels/revenue_by?by=department&department=${encodeURIComponent(other.name)}`,
      `/api/reports/sales/panels/top_managers?department=${encodeURIComponent(other.name)}`,
      `/api/reports/sales/parameters/department/options`,
      `/api/reports/sales-activity/panels/managers?by=manager`,
    ]) {
      for (const role of ['manager', 'head'] as const) {
        const r = await s.clients[role].get(path);
        expect([200, 400], `${role} ${path}`).toContain(r.status);
        // A 400 repeats the value the caller sent (their own input); its hint must list only in-scope options.
        const shown = r.status === 400 ? ((JSON.parse(r.text) as { error: { hint?: string } }).error.hint ?? '') : r.text;
        expect(shown, `${role} ${path}`).not.toContain(other.name);
        expect(shown, `${role} ${path}`).not.toContain(otherManager.name);
      }
    }
  });

  it('admin page: admins only; others get the unknown-page 404', async () => {
    expect((await s.clients.admin.get('/admin')).status).toBe(200);
    expect((await s.clients.admin.get('/admin')).text).toContain('login_ok');
    for (const role of ['manager', 'head', 'ceo', 'token'] as const)
      expect((await s.clients[role].get('/admin', s.headers(role))).status).toBe(404);
    expect((await s.clients.anonymous.get('/admin')).status).toBe(302);
  });

  it('the panel cache never answers one viewer with another viewer’s rows', async () => {
    // Same URL, warm cache: the CEO first, then the manager, then the CEO again.
    const path = '/api/reports/sales/panels/top_managers?by=manager';
    const ceo1 = await s.clients.ceo.get(path);
    const manager = await s.clients.manager.get(path);
    const ceo2 = await s.clients.ceo.get(path);
    expect(ceo1.text).toBe(ceo2.text);
    expect(manager.text).not.toBe(ceo1.text);
    for (const name of forbiddenNames(s, 'manager')) expect(manager.text).not.toContain(name);
  });

  it.each(ROLES_UNDER_TEST)('%s: CSV and XLSX downloads — status, scope, audit', async (role) => {
    const headers = s.headers(role);
    const forbidden = forbiddenNames(s, role);
    for (const id of reportIds()) {
      const def = s.project.definitions.reports.get(id)?.definition;
      const panel = def?.panels.find((p) => p.type === 'table' || p.type === 'bar')?.id ?? def?.panels[0]?.id;
      const q = byManager(id);
      for (const path of [
        `/api/reports/${id}/panels/${panel}.csv${q}`,
        `/api/reports/${id}/panels/${panel}.xlsx${q}`,
        `/d/${id}.xlsx${q}`,
      ]) {
        const r = await fetch(`${s.url}${path}`, { redirect: 'manual', headers: { ...headers, cookie: s.clients[role].cookieHeader() } });
        const body = Buffer.from(await r.arrayBuffer());
        if (role === 'anonymous') {
          expect(r.status, path).toBe(path.startsWith('/api/') ? 401 : 302);
          continue;
        }
        expect(r.status, `${role} ${path}`).toBe(granted(role, id) ? 200 : 404);
        if (r.status !== 200) continue;
        let text = body.toString('utf8');
        if (path.includes('.xlsx')) {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(body as unknown as ArrayBuffer);
          text = workbook.worksheets
            .flatMap((w) =>
              w
                .getSheetValues()
                .flat()
                .map((v) => JSON.stringify(v ?? '')),
            )
            .join('\n');
        }
        const leaked = forbidden.filter((n) => text.includes(n));
        expect(leaked, `${role} ${path}`).toEqual([]);
      }
    }
    if (role !== 'anonymous') {
      const audited = await s.access.store.audit.list({ event: 'export' });
      expect(audited.some((e) => e.actor === (role === 'token' ? 'manager' : role))).toBe(true);
    }
  });

  it.each(ROLES_UNDER_TEST)('%s: PDF download — status, no out-of-scope name in the printed text, audit', async (role) => {
    // One dashboard per role (printing is seconds per PDF): sales-activity lists managers by name.
    const id = 'sales-activity';
    const path = `/d/${id}.pdf${byManager(id)}`;
    const r = await fetch(`${s.url}${path}`, {
      redirect: 'manual',
      headers: { ...s.headers(role), cookie: s.clients[role].cookieHeader() },
    });
    if (role === 'anonymous') {
      expect(r.status).toBe(302);
      return;
    }
    expect(r.status, `${role} ${path}`).toBe(granted(role, id) ? 200 : 404);
    if (r.status !== 200) return;
    const text = (await pdfText(new Uint8Array(await r.arrayBuffer()))).join('\n');
    expect(
      forbiddenNames(s, role).filter((n) => text.includes(n)),
      `${role} ${path}`,
    ).toEqual([]);
    const audited = await s.access.store.audit.list({ event: 'pdf' });
    expect(audited.some((e) => e.actor === (role === 'token' ? 'manager' : role))).toBe(true);
  });
});
