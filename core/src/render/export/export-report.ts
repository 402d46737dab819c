/**
 * @module A report as a file — PDF, XLSX, or one panel as CSV/XLSX — for whoever asks: the HTTP
 * routes, `vitrina render`, and schedules. Each renders once through the engine (so the result
 * cache serves a retry) under the viewer's row scope, and refuses to produce a file when a
 * panel failed unless the caller allows it (a failed render is never shipped as an empty one).
 */
import type { Writable } from 'node:stream';
import type { Viewer } from '../../access/viewer.js';
import type { PanelDefinition } from '../../definition/report-definition.js';
import type { ReportOutput } from '../../engine/report-engine.js';
import { streamable } from '../../engine/stream-panel.js';
import { VitrinaError } from '../../errors/index.js';
import { localize } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import type { Project } from '../../project/open-project.js';
import { describeParameters, type RawParameters } from '../../query/request-parameters.js';
import { isPanelError, type PanelResult } from '../../result/result-set.js';
import { csvChunks, csvStream } from '../csv/write-csv.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import { type PrintOptions, printPdf } from '../pdf/print-pdf.js';
import { renderPrintPage } from '../print/render-print-page.js';
import { writeXlsx, type XlsxSheet } from '../xlsx/write-xlsx.js';
import { EXPORT_WORDS, generatedText } from './export-words.js';
import { parameterLines } from './parameter-lines.js';
import { primed } from './primed.js';
import { failureSheet, outcomeSheet, writeWorkbook } from './report-workbook.js';

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
  /** Reuse charts drawn for the same cached results (see `PrintPageOptions.memo`). Default true. */
  memo?: boolean;
  paper?: 'A4' | 'Letter';
  orientation?: 'portrait' | 'landscape';
  timeoutMs?: number;
}

/** A PDF before printing: the finished page and how Chromium prints it (paper, header, footer). */
export interface PreparedPdf {
  html: string;
  print: PrintOptions;
}

/**
 * Everything but the printing: the report rendered once through the engine (so the page below reads
 * cached panels and a retry re-runs no query), the print page with every panel finished, and the
 * header/footer words. `bench:pdf` prints the same prepared page as its floor.
 */
export async function preparePdf(request: ExportRequest, options: Omit<PdfExportOptions, 'pool'>): Promise<PreparedPdf> {
  const locale = localeOf(request);
  const words = EXPORT_WORDS[locale];
  const output = await render(request);
  const { parameters, generated } = headline(request, output);
  const def = request.project.engine.report(request.reportId);
  const paper = options.paper ?? def.print?.paper ?? 'A4';
  const orientation = options.orientation ?? def.print?.orientation ?? 'landscape';
  // Every panel finished on the server (charts as SVG): Chromium only lays out and prints.
  const html = await renderPrintPage({
    project: request.project,
    reportId: request.reportId,
    parameters: request.parameters,
    locale,
    viewer: request.viewer,
    now: request.now,
    paper,
    orientation,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(options.memo === false ? { memo: false } : {}),
  });
  return {
    html,
    print: {
      paper,
      orientation,
      finished: true,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      labels: {
        title: localize(def.title, locale) ?? def.id,
        parameters: parameters.map(([label, value]) => `${label}: ${value}`).join(' · '),
        generated: `${words.generated} ${generated}`,
        page: words.page,
        of: words.of,
      },
    },
  };
}

export async function exportPdf(request: ExportRequest, options: PdfExportOptions): Promise<Uint8Array> {
  const { html, print } = await preparePdf(request, options);
  return printPdf(options.pool, html, print);
}

/**
 * The report as a workbook: a cover sheet, then a sheet per panel. Table panels whose rows are one
 * query's rows stream their full rows from the source as the sheet is written (memory flat in the
 * row count); the others (charts, KPIs, pivots: small) are rendered first, concurrently, as on
 * the page. A panel that fails, streamed or not, gets a sheet saying so.
 */
export async function exportXlsx(stream: Writable, request: ExportRequest, panels?: string[]): Promise<void> {
  const { engine } = request.project;
  const locale = localeOf(request);
  const words = EXPORT_WORDS[locale];
  const def = engine.report(request.reportId);
  const given = { parameters: request.parameters ?? {}, locale, viewer: request.viewer, now: request.now, signal: request.signal };
  // Resolving first: bad parameters fail before any panel runs or any byte is written.
  const { params } = engine.resolve(request.reportId, given);
  const wanted = panels ? new Set(panels) : undefined;
  const chosen = def.panels.filter((panel) => !wanted || wanted.has(panel.id));
  const streamed = (panel: PanelDefinition) => panel.type === 'table' && streamable(panel);
  const rendered = new Map(
    await Promise.all(chosen.filter((p) => !streamed(p)).map(async (p) => [p.id, await engine.panel(def.id, p.id, given)] as const)),
  );
  const errorLabel = words.error;
  async function* sheets(): AsyncGenerator<XlsxSheet> {
    for (const panel of chosen) {
      const outcome = rendered.get(panel.id);
      if (outcome) {
        yield outcomeSheet(outcome, errorLabel);
        continue;
      }
      const title = localize(panel.title, locale) ?? panel.id;
      let sheet: XlsxSheet;
      try {
        sheet = await streamedSheet(request, panel.id, title);
      } catch (error) {
        if (error instanceof VitrinaError && error.code === 'ABORTED') throw error;
        sheet = failureSheet(title, error, errorLabel);
      }
      yield sheet;
    }
  }
  await writeWorkbook(stream, localize(def.title, locale) ?? def.id, sheets(), {
    currency: currencyOf(request),
    parameters: parameterLines(def, describeParameters(params), locale),
    generatedAt: generatedText(request.now ?? new Date(), locale, request.project.config.timezone ?? 'UTC'),
    labels: { parameter: words.parameter, value: words.value, generated: words.generated, error: words.error },
  });
}

function currencyOf(request: ExportRequest): string {
  return request.project.config.currency ?? (localeOf(request) === 'ru' ? 'RUB' : 'USD');
}

/**
 * One panel as a sheet whose rows stream from the source when the panel's rows are one query's
 * rows and the source can stream (else its materialised rows). The first batch is read before
 * this resolves, so a failing query throws here, before the sheet is begun.
 */
async function streamedSheet(request: ExportRequest, panelId: string, fallbackTitle?: string): Promise<XlsxSheet> {
  const { parameters = {}, viewer, now, signal } = request;
  const locale = localeOf(request);
  const stream = await request.project.engine.streamPanel(request.reportId, panelId, { parameters, locale, viewer, now, signal });
  if (!stream) {
    const result = await panelRows(request, panelId);
    return { title: result.title ?? fallbackTitle ?? panelId, result };
  }
  return { title: stream.title ?? fallbackTitle ?? panelId, columns: stream.columns, batches: await primed(stream.batches, 1) };
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

/**
 * One panel as a workbook: the cover sheet, then its full rows, streamed from the source like the
 * CSV export when they are one query's rows (memory flat in the row count). A failed panel is an
 * error, never an empty file: the first rows are read before the first byte is written.
 */
export async function exportPanelXlsx(stream: Writable, request: ExportRequest, panelId: string): Promise<void> {
  const sheet = await streamedSheet(request, panelId);
  const locale = localeOf(request);
  const words = EXPORT_WORDS[locale];
  const def = request.project.engine.report(request.reportId);
  const { params } = request.project.engine.resolve(request.reportId, { parameters: request.parameters ?? {}, locale, now: request.now });
  await writeXlsx(stream, [sheet], {
    currency: currencyOf(request),
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

/**
 * One panel's full rows as CSV text read from the source as it is sent (memory flat in the row
 * count, backpressure from the consumer down to the source's cursor) when the panel's rows are one
 * query's rows and the source can stream; else the materialised {@link exportPanelCsv}. The heading
 * and the first rows are read before this resolves, so a failing query is an error the caller can
 * still answer with a status, not a cut file.
 */
export async function exportPanelCsvStream(
  request: ExportRequest,
  panelId: string,
  delimiter?: ',' | ';' | '\t',
): Promise<AsyncIterable<string>> {
  const { parameters = {}, viewer, now, signal } = request;
  const locale = localeOf(request);
  const stream = await request.project.engine.streamPanel(request.reportId, panelId, { parameters, locale, viewer, now, signal });
  const options = { locale, ...(delimiter ? { delimiter } : {}) };
  // Heading and first batch: a failing query fails here, before a status is sent.
  if (!stream) return primed(csvChunks(await panelRows(request, panelId), options), 2);
  return primed(csvStream(stream.columns, stream.batches, options), 2);
}
