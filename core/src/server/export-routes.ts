/**
 * @module Downloads: `/d/<id>.pdf` and `/d/<id>.xlsx` (the whole dashboard), and
 * `/api/reports/<id>/panels/<panel>.csv|.xlsx` (one panel's full rows, not the page a table
 * shows). Same parameters as the page, same row scope as the viewer; `paper`, `orientation` and
 * `delimiter` tune the file. The PDF printer is busy → 503 with Retry-After.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { VitrinaError } from '../errors/index.js';
import { exportPanelCsvStream, exportPanelXlsx, exportPdf, exportXlsx } from '../render/export/export-report.js';
import type { BrowserPool } from '../render/pdf/browser-pool.js';
import type { AppEnv } from './app-state.js';
import { reportRequest } from './report-request.js';
import { requestParameters } from './request-parameters.js';

const FILE_KEYS = new Set(['paper', 'orientation', 'delimiter']);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileOptions(c: Context<AppEnv>) {
  const queries = c.req.queries();
  const pick = (key: string, allowed: string[]) => {
    const value = queries[key]?.[0];
    if (value !== undefined && !allowed.includes(value))
      throw new VitrinaError('PARAMETER_INVALID', `parameter '${key}': '${value.slice(0, 40)}' is not one of ${allowed.join(', ')}`);
    return value;
  };
  const paper = pick('paper', ['A4', 'Letter']) as 'A4' | 'Letter' | undefined;
  const orientation = pick('orientation', ['portrait', 'landscape']) as 'portrait' | 'landscape' | undefined;
  const delimiter = ({ comma: ',', semicolon: ';', tab: '\t' } as const)[pick('delimiter', ['comma', 'semicolon', 'tab']) as 'comma'] as
    | ','
    | ';'
    | '\t'
    | undefined;
  const rest = Object.fromEntries(Object.entries(queries).filter(([k]) => !FILE_KEYS.has(k)));
  return { paper, orientation, delimiter, parameters: requestParameters(rest) };
}

/** The request as an export: visible report, viewer, checked parameters (file options set apart). */
async function exportRequest(c: Context<AppEnv>, id: string) {
  const options = fileOptions(c);
  const { project, def, request } = await reportRequest(c, id, options.parameters);
  return { request: { project, reportId: def.id, ...request }, options, def };
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function exportRoutes(app: Hono<AppEnv>, printer: () => BrowserPool): void {
  app.get('/d/:file{[^/]+\\.(?:pdf|xlsx)}', async (c) => {
    const file = c.req.param('file');
    const [id, ext] = [file.slice(0, file.lastIndexOf('.')), file.slice(file.lastIndexOf('.') + 1)];
    const { request, options, def } = await exportRequest(c, id);
    if (ext === 'pdf') {
      const pdf = await exportPdf(request, { pool: printer(), paper: options.paper, orientation: options.orientation });
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': disposition(`${def.id}.pdf`),
        'cache-control': 'private, no-store',
      });
    }
    const out = new PassThrough();
    const written = exportXlsx(out, request);
    written.catch((error: unknown) => out.destroy(error as Error));
    // The workbook streams row by row; the first bytes leave once the report rendered.
    await Promise.race([written, new Promise((resolve) => out.once('readable', resolve))]);
    // c.body, not a bare Response, so the security headers set before the route apply too.
    return c.body(Readable.toWeb(out) as ReadableStream, 200, {
      'content-type': XLSX,
      'content-disposition': disposition(`${def.id}.xlsx`),
      'cache-control': 'private, no-store',
    });
  });

  app.get('/api/reports/:id/panels/:file{[^/]+\\.(?:csv|xlsx)}', async (c) => {
    const file = c.req.param('file');
    const [panel, ext] = [file.slice(0, file.lastIndexOf('.')), file.slice(file.lastIndexOf('.') + 1)];
    const { request, options, def } = await exportRequest(c, c.req.param('id'));
    if (!def.panels.some((p) => p.id === panel)) await request.project.engine.panel(def.id, panel, {});
    const name = `${def.id}-${panel}.${ext}`;
    if (ext === 'csv') {
      // Rows go out as the source reads them: memory stays flat however long the table is.
      const chunks = await exportPanelCsvStream(request, panel, options.delimiter);
      return c.body(Readable.toWeb(Readable.from(chunks)) as ReadableStream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': disposition(name),
        'cache-control': 'private, no-store',
      });
    }
    const out = new PassThrough();
    const written = exportPanelXlsx(out, request, panel);
    written.catch((error: unknown) => out.destroy(error as Error));
    await Promise.race([written, new Promise((resolve) => out.once('readable', resolve))]);
    return c.body(Readable.toWeb(out) as ReadableStream, 200, {
      'content-type': XLSX,
      'content-disposition': disposition(name),
      'cache-control': 'private, no-store',
    });
  });
}
