/**
 * @module A report as a file — PDF, XLSX, or one panel as CSV/XLSX — for whoever asks: the HTTP
 * routes, `vitrina render`, and schedules. Each renders once through the engine (so the result
 * cache serves a retry) under the viewer's row scope, and refuses to produce a file when a
 * panel failed unless the caller allows it (a failed render is never shipped as an empty one).
 */
import type { Writable } from 'node:stream';
import type { Viewer } from '../../access/viewer.js';
import type { ReportOutput } from '../../engine/report-engine.js';
import { VitrinaError } from '../../errors/index.js';
import { localize } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import { describeParameters, type RawParameters } from '../../query/request-parameters.js';
import { isPanelError, type PanelResult } from '../../result/result-set.js';
import { csvChunks } from '../csv/write-csv.js';
import { renderStaticDashboard } from '../html/render-static-dashboard.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import { printPdf } from '../pdf/print-pdf.js';
import { writeXlsx } from '../xlsx/write-xlsx.js';
import { EXPORT_WORDS, generatedText } from './export-words.js';
import { parameterLines } from './parameter-lines.js';
import { writeReportWorkbook } from './report-workbook.js';

export interface ExportRequest {
  project: Project;
  reportId: string;
  parameters?: RawParameters;
  locale?: Locale;
  viewer?: Viewer;
  now?: Date;
  signal?: AbortSignal;
}

function localeOf(request: ExportRequest): Locale {
  return request.locale ?? request.project.config.locale ?? 'en';
}

async function render(request: ExportRequest): Promise<ReportOutput> {
  const { parameters = {}, viewer, now, signal } = request;
  return request.project.engine.render(request.reportId, { parameters, locale: localeOf(request), viewer, now, signal });
}

function headline(request: ExportRequest, output: ReportOutput): { parameters: [string, string][]; generated: string } {
  const def = request.project.engine.report(request.reportId);
  const locale = localeOf(request);
  return {
    parameters: parameterLines(def, output.parameters, locale),
    generated: generatedText(request.now ?? new Date(), locale, request.project.config.timezone ?? 'UTC'),
  };
}

export interface PdfExportOptions {
  pool: BrowserPool;
  paper?: 'A4' | 'Letter';
  orientation?: 'portrait' | 'landscape';
  timeoutMs?: number;
}

export async function exportPdf(request: ExportRequest, options: PdfExportOptions): Promise<Uint8Array> {
  const locale = localeOf(request);
  const words = EXPORT_WORDS[locale];
  // Rendering the report first fills the result cache, so the page below reads cached panels.
  const output = await render(request);
  const { parameters, generated } = headline(request, output);
  const html = await renderStaticDashboard({
    project: request.project,
    reportId: request.reportId,
    parameters: request.parameters,
    locale,
    viewer: request.viewer,
    now: request.now,
  });
  const def = request.project.engine.report(request.reportId);
  return printPdf(options.pool, html, {
    paper: options.paper ?? def.print?.paper ?? 'A4',
    orientation: options.orientation ?? def.print?.orientation ?? 'landscape',
    timeoutMs: options.timeoutMs,
    labels: {
      title: localize(def.title, locale) ?? def.id,
      parameters: parameters.map(([label, value]) => `${label}: ${value}`).join(' · '),
      generated: `${words.generated} ${generated}`,
      page: words.page,
      of: words.of,
    },
  });
}

export async function exportXlsx(stream: Writable, request: ExportRequest, panels?: string[]): Promise<void> {
  const output = await render(request);
  const words = EXPORT_WORDS[localeOf(request)];
  const { parameters, generated } = headline(request, output);
  await writeReportWorkbook(stream, output, {
    currency: request.project.config.currency ?? (localeOf(request) === 'ru' ? 'RUB' : 'USD'),
    ...(panels ? { panels } : {}),
    parameters,
    generatedAt: generated,
    labels: { parameter: words.parameter, value: words.value, generated: words.generated, error: words.error },
  });
}

/** One panel's rows: a failed panel is an error, never an empty file. */
export async function panelRows(request: ExportRequest, panelId: string): Promise<PanelResult> {
  const { parameters = {}, viewer, now, signal } = request;
  const outcome = await request.project.engine.panel(request.reportId, panelId, {
    parameters,
    locale: localeOf(request),
    viewer,
    now,
    signal,
  });
  if (isPanelError(outcome))
    throw new VitrinaError(outcome.error.code as never, `panel '${panelId}' failed: ${outcome.error.message}`, {
      hint: outcome.error.hint,
    });
  return outcome;
}

/** One panel as a workbook: the cover sheet, then its full rows (a failed panel is an error). */
export async function exportPanelXlsx(stream: Writable, request: ExportRequest, panelId: string): Promise<void> {
  const result = await panelRows(request, panelId);
  const locale = localeOf(request);
  const words = EXPORT_WORDS[locale];
  const def = request.project.engine.report(request.reportId);
  const { params } = request.project.engine.resolve(request.reportId, { parameters: request.parameters ?? {}, locale, now: request.now });
  await writeXlsx(stream, [{ title: result.title ?? panelId, result }], {
    currency: request.project.config.currency ?? (locale === 'ru' ? 'RUB' : 'USD'),
    cover: {
      title: localize(def.title, locale) ?? def.id,
      parameters: parameterLines(def, describeParameters(params), locale),
      generatedAt: generatedText(request.now ?? new Date(), locale, request.project.config.timezone ?? 'UTC'),
      labels: { parameter: words.parameter, value: words.value, generated: words.generated },
    },
  });
}

export async function exportPanelCsv(request: ExportRequest, panelId: string, delimiter?: ',' | ';' | '\t'): Promise<Iterable<string>> {
  const result = await panelRows(request, panelId);
  return csvChunks(result, { locale: localeOf(request), ...(delimiter ? { delimiter } : {}) });
}
