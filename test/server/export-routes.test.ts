/**
 * Downloads over real HTTP on the demo CRM: the dashboard as a PDF printed by the real Chromium
 * (header with the parameters used, the numbers of the page, page X of Y), as an XLSX workbook,
 * one panel as CSV and XLSX (full rows, typed cells); bad input answered with the right status;
 * a busy printer is 503 with Retry-After, a missing Chromium says how to install it.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../support/pdf-text.js';
import { startDemoServer, type TestServer } from './server-fixture.js';

const chromium = inject('vitrinaChromium');
let server: TestServer;
let db: Database.Database;
beforeAll(async () => {
  server = await startDemoServer({ config: { pdf: { chromium } } });
  db = new Database(join(server.dir, 'data', 'crm.sqlite'), { readonly: true });
});
afterAll(async () => {
  db?.close();
  await server?.dispose();
});

const SUMMER = 'period=2026-06-01..2026-08-31';
/** Won revenue closed in June–August 2026, Moscow time (UTC+3): computed here, not by the engine. */
function summerRevenue(): number {
  const row = db
    .prepare(
      `select coalesce(sum(amount), 0) as revenue from deals
       where stage = 'won' and closed_at >= '2026-05-31 21:00:00' and closed_at < '2026-08-31 21:00:00'`,
    )
    .get() as { revenue: number };
  return row.revenue;
}
const grouped = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

async function workbook(r: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
  return book;
}

describe.skipIf(!chromium)('GET /d/<id>.pdf', () => {
  it('prints the dashboard with its numbers, the parameters used and page numbers', async () => {
    const r = await server.get(`/d/executive-overview.pdf?${SUMMER}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toContain('executive-overview.pdf');
    const pages = await pdfText(new Uint8Array(await r.arrayBuffer()));
    const text = pages.join('\n');
    expect(text).toContain('Executive overview');
    expect(text).toContain('2026-06-01 – 2026-08-31');
    // Text runs of a PDF may split a number; compare without spaces.
    expect(text.replaceAll(' ', '')).toContain(grouped(summerRevenue()));
    expect(pages[0]).toMatch(new RegExp(`Page 1 of ${pages.length}`));
  });

  it('prints Cyrillic in Russian, on Letter portrait when asked', async () => {
    const r = await server.get(`/d/executive-overview.pdf?${SUMMER}&lang=ru&paper=Letter&orientation=portrait`);
    expect(r.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await r.arrayBuffer()))).join('\n');
    expect(text).toContain('Обзор для руководства');
    expect(text).toMatch(/Стр\. 1 из \d/);
  });

  it('answers 404 for an unknown dashboard and 400 for a bad parameter or paper', async () => {
    expect((await server.get('/d/executive-overveiw.pdf')).status).toBe(404);
    expect((await server.get('/d/executive-overview.pdf?period=2026-02-30')).status).toBe(400);
    const paper = await server.get('/d/executive-overview.pdf?paper=A5');
    expect(paper.status).toBe(400);
    expect((await paper.text()).toLowerCase()).toContain('paper');
  });
});

describe('GET /d/<id>.xlsx and panel downloads', () => {
  it('gives the dashboard as a workbook: cover sheet, then a sheet per panel', async () => {
    const r = await server.get(`/d/executive-overview.xlsx?${SUMMER}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const book = await workbook(r);
    expect(book.worksheets.length).toBe(1 + 8);
    expect(book.worksheets[0]?.getCell('A1').value).toBe('Executive overview');
    expect(book.worksheets[1]?.getCell('A2').value).toBe(summerRevenue());
  });

  it('gives one panel as CSV with every row, and as XLSX', async () => {
    const json = (await (await server.get(`/api/reports/sales/panels/top_managers?${SUMMER}`)).json()) as { rows: unknown[][] };
    const csv = await server.get(`/api/reports/sales/panels/top_managers.csv?${SUMMER}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Downloads carry the same security headers as pages.
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // fetch's text() would swallow the BOM: look at the bytes.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + json.rows.length);
    const xlsx = await server.get(`/api/reports/sales/panels/top_managers.xlsx?${SUMMER}`);
    const sheet = (await workbook(xlsx)).worksheets[1] as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(1 + json.rows.length);
  });

  it('uses ; and a decimal comma for Russian, or the delimiter asked for', async () => {
    const ru = await (await server.get(`/api/reports/sales/panels/top_managers.csv?${SUMMER}&lang=ru`)).text();
    expect(ru.split('\r\n')[0]).toContain(';');
    const tab = await (await server.get(`/api/reports/sales/panels/top_managers.csv?${SUMMER}&delimiter=tab`)).text();
    expect(tab.split('\r\n')[0]).toContain('\t');
  });

  it('answers 404 naming the panels for an unknown panel', async () => {
    const r = await server.get('/api/reports/sales/panels/top_manager.csv');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { hint: string } }).error.hint).toContain('top_managers');
  });
});

describe.skipIf(!chromium)('the PDF printer under pressure', () => {
  it('answers 503 with Retry-After when its queue is full', async () => {
    const busy = await startDemoServer({ config: { pdf: { chromium, maxPages: 1, maxQueue: 0 } } });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => busy.get(`/d/executive-overview.pdf?${SUMMER}`)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses[0]).toBe(200);
      expect(statuses).toContain(503);
      const refused = answers.find((a) => a.status === 503) as Response;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await busy.dispose();
    }
  });

  it('says how to install Chromium when the configured one is missing', async () => {
    const missing = await startDemoServer({ config: { pdf: { chromium: '/nonexistent/chromium' } } });
    try {
      const r = await missing.get('/d/executive-overview.pdf');
      expect(r.status).toBe(503);
      const html = await r.text();
      expect(html).toContain('/nonexistent/chromium');
    } finally {
      await missing.dispose();
    }
  });
});
