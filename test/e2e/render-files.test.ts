/**
 * `vitrina render --format pdf|xlsx|csv` with the built CLI on a generated demo: files written
 * atomically with what they should contain, and usage mistakes answered with exit 1 and a hint.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../support/pdf-text.js';
import { STACK_TRACE, vitrina } from './run-vitrina.js';

const dir = mkdtempSync(join(tmpdir(), 'vitrina-render-files-'));
const demo = join(dir, 'demo');
const config = join(demo, 'vitrina.config.json');
const chromium = inject('vitrinaChromium');
const env = { PUPPETEER_EXECUTABLE_PATH: chromium };
beforeAll(() => {
  const r = vitrina(['demo', '--dir', demo, '--today', '2026-11-26', '--seed', '3', '--no-serve']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUMMER = ['--param', 'period=2026-06-01..2026-08-31', '--now', '2026-11-26'];

describe('vitrina render to files', () => {
  it.skipIf(!chromium)('prints a dashboard to PDF', async () => {
    const out = join(dir, 'overview.pdf');
    const r = vitrina(['render', 'executive-overview', '--config', config, '--format', 'pdf', '--out', out, ...SUMMER], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('wrote');
    const text = (await pdfText(new Uint8Array(readFileSync(out)))).join('\n');
    expect(text).toContain('Обзор для руководства');
    expect(text).toContain('2026-06-01 – 2026-08-31');
  });

  it('writes a workbook, and one panel as XLSX and as CSV', async () => {
    const book = join(dir, 'sales.xlsx');
    expect(vitrina(['render', 'sales', '--config', config, '--format', 'xlsx', '--out', book, ...SUMMER]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.length).toBe(1 + 8);
    const csv = join(dir, 'top.csv');
    const r = vitrina(['render', 'sales', '--config', config, '--format', 'csv', '--panel', 'top_managers', '--out', csv, ...SUMMER]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toContain(';');
  });

  it('refuses CSV without a panel and an unknown panel, with a hint and no file', () => {
    const out = join(dir, 'nothing.csv');
    const noPanel = vitrina(['render', 'sales', '--config', config, '--format', 'csv', '--out', out]);
    expect(noPanel.code).toBe(1);
    expect(noPanel.stderr).toContain('--panel');
    const unknown = vitrina(['render', 'sales', '--config', config, '--format', 'csv', '--panel', 'top_manager', '--out', out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('top_managers');
    expect(unknown.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });

  it('says which Chromium is missing and how to fix it, leaving no file', () => {
    const out = join(dir, 'missing.pdf');
    const broken = join(demo, 'vitrina.no-chromium.json');
    writeFileSync(broken, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), pdf: { chromium: '/nonexistent/chromium' } }));
    const r = vitrina(['render', 'sales', '--config', broken, '--format', 'pdf', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Chromium was not found at the configured path '/nonexistent/chromium'");
    expect(r.stderr).toContain('pdf.chromium');
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
  });
});
