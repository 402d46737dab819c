/**
 * Hostile input against the secured demo server: SQL injection strings in every kind of report
 * parameter (period, breakdown, select, fixed select, number, language), XSS payloads in a
 * definition's title and labels and in data values, and path traversal on the asset routes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecuredServer, startSecuredServer } from './secured-server.js';

const SQL = [
  "' OR '1'='1",
  '1; DROP TABLE deals; --',
  '") UNION SELECT password_hash FROM vitrina_users --',
  "2026-10' OR 1=1 --",
  'manager) OR (1=1',
  "\\'; SELECT sqlite_version(); --",
  'x'.repeat(5000),
];
const XSS_TITLE = '<script>alert("title")</script>';
const XSS_LABEL = '<img src=x onerror=alert(1)>';
const XSS_DATA = '<svg onload=alert(2)>';

function countDeals(dir: string): number {
  const db = new Database(join(dir, 'data', 'crm.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM deals').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('attacks on the secured server', () => {
  let s: SecuredServer;
  let deals = 0;
  beforeAll(async () => {
    s = await startSecuredServer('sqlite', (dir) => {
      const file = join(dir, 'report-definitions', 'sales.json');
      const def = JSON.parse(readFileSync(file, 'utf8'));
      def.title = { en: XSS_TITLE, ru: XSS_TITLE };
      def.datasets.sales.dimensions.manager.label = { en: XSS_LABEL, ru: XSS_LABEL };
      writeFileSync(file, JSON.stringify(def));
      const db = new Database(join(dir, 'data', 'crm.sqlite'));
      // The second manager of department 1: visible to the admin, the head and the CEO.
      db.prepare(
        'UPDATE managers SET name = ? WHERE id = (SELECT id FROM managers WHERE department_id = 1 ORDER BY id LIMIT 1 OFFSET 1)',
      ).run(XSS_DATA);
      db.close();
    });
    deals = countDeals(s.dir);
  });
  afterAll(() => s?.dispose());

  it('SQL injection strings in every parameter kind: 400 or scoped 200, never an SQL error, data intact', async () => {
    const cases: [string, string][] = [
      ['sales', 'period'],
      ['sales', 'by'],
      ['sales', 'region'],
      ['sales', 'department'],
      ['client-base', 'segment'],
      ['client-base', 'silent_days'],
      ['sales', 'lang'],
    ];
    const statuses = new Set<number>();
    for (const role of ['manager', 'admin'] as const) {
      for (const [report, parameter] of cases) {
        for (const value of SQL) {
          for (const path of [`/api/reports/${report}`, `/d/${report}`]) {
            const r = await s.clients[role].get(`${path}?${parameter}=${encodeURIComponent(value)}`);
            statuses.add(r.status);
            expect([200, 400, 414], `${role} ${path} ${parameter}=${value.slice(0, 30)}: ${r.text.slice(0, 200)}`).toContain(r.status);
            // Messages may repeat the caller's own input; what must never show is a database error or a hash.
            expect(r.text).not.toMatch(/SQLITE_[A-Z]|syntax error|near "|scrypt\$\d/);
            if (role === 'manager' && r.status === 200)
              for (const m of s.scope.managers.filter((x) => x.id !== s.scope.manager.id && x.name !== XSS_DATA))
                expect(r.text.includes(m.name), `${parameter}=${value.slice(0, 20)} leaked ${m.name}`).toBe(false);
          }
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
    expect(countDeals(s.dir)).toBe(deals);
    expect((await s.clients.admin.get('/api/reports/sales/panels/revenue')).status).toBe(200);
  });

  it('XSS payloads in titles, labels and data values are rendered escaped', async () => {
    for (const path of ['/', '/d/sales?by=manager', '/admin']) {
      const r = await s.clients.admin.get(path);
      expect(r.status, path).toBe(200);
      for (const payload of [XSS_TITLE, XSS_LABEL, XSS_DATA]) expect(r.text.includes(payload), `${path} has raw ${payload}`).toBe(false);
      expect(r.text).not.toMatch(/<script>alert|<img src=x|<svg onload/i);
    }
    const page = await s.clients.admin.get('/d/sales?by=manager');
    // The payloads are there, as data: escaped in HTML text and \u003c-escaped in the embedded JSON.
    expect(page.text).toMatch(/&lt;script&gt;alert|\\u003cscript>alert/);
    const api = await s.clients.admin.get('/api/reports/sales/panels/top_managers?by=manager');
    // When the renamed manager is among the top ones, the page carries the name only escaped.
    if (api.text.includes(XSS_DATA)) expect(page.text).toContain('\\u003csvg onload=alert(2)>');
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('path traversal on asset routes finds nothing outside the asset folders', async () => {
    const paths = [
      '/assets/themes/default/..%2F..%2F..%2Fvitrina.config.json',
      '/assets/themes/..%2F..%2Fetc/passwd',
      '/assets/themes/default/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/themes/%2e%2e/theme.json',
      '/assets/themes/default/....%2F%2F....%2F%2Fetc%2Fpasswd',
      '/assets/themes/default/..%5C..%5Cpackage.json',
      '/assets/themes/default/%00theme.css',
      '/assets/echarts/..%2F..%2Fpackage.json',
      '/assets/vitrina/..%2F..%2F..%2Fvitrina.config.json',
      '/assets/../vitrina.config.json',
      '/assets/themes/default/layout.hbs',
    ];
    for (const path of paths) {
      // Signed in as admin, so a normalised path that left /assets/ is not merely sent to /login.
      const r = await s.clients.admin.get(path);
      const text = r.text;
      expect([400, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(text).not.toMatch(/"sources"|root:x:|"dependencies"|\{\{/);
    }
  });
});
