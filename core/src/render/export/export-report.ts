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
import { csvChunks, csvStream } from '../csv/write-csv.js';
import type { BrowserPool } from '../pdf/browser-pool.js';
import { printPdf } from '../pdf/print-pdf.js';
import { renderPrintPage } from '../print/render-print-page.js';
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
  /** Reuse charts drawn for the same cached results (see `PrintPageOptions.memo`). Default true. */
  memo?: boolean;
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
  return printPdf(options.pool, html, {
    paper,
    orientation,
    finished: true,
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
  if (!stream) return primed(csvChunks(await panelRows(request, panelId), options));
  return primed(csvStream(stream.columns, stream.batches, options));
}

/** Reads the first two chunks (heading, first batch) now; the rest on demand. */
async function primed(chunks: Iterable<string> | AsyncIterable<string>): Promise<AsyncIterable<string>> {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks[Symbol.iterator]());
  const head: string[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  return (async function* () {
    try {
      yield* head;
      yield* { [Symbol.asyncIterator]: () => iterator };
    } finally {
      // A consumer that stops early (client gone) ends the source's stream, closing its cursor.
      await iterator.return?.();
    }
  })();
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next(), return: async () => iterator.return?.() ?? { done: true, value: undefined } };
}
