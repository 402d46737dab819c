/**
 * @module `vitrina render <report>`: every panel's numbers for the given parameters and viewer, as
 * JSON, or as a self-contained static HTML dashboard (`--format html`: styles, scripts and data
 * inlined; opens offline from file://), or as a file: PDF, XLSX (the dashboard, or `--panel`) or
 * one panel as CSV. CSV and XLSX stream to a temporary file renamed into place when complete.
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { isPanelError, openProject, type Project, VitrinaError } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
import { streamFileAtomic } from '../output/stream-file-atomic.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { parseNow, viewerFrom } from './shared-options.js';

export interface RenderOptions {
  config?: string;
  format: string;
  param?: Record<string, string | string[]>;
  as?: Record<string, string | string[]>;
  out?: string;
  now?: string;
  locale?: 'en' | 'ru';
  panel?: string;
  paper?: 'A4' | 'Letter';
  orientation?: 'portrait' | 'landscape';
  delimiter?: 'comma' | 'semicolon' | 'tab';
}

const BINARY_FORMATS = new Set(['pdf', 'xlsx']);

export async function renderCommand(reportId: string, options: RenderOptions): Promise<number> {
  if (!['json', 'html', 'pdf', 'xlsx', 'csv'].includes(options.format))
    throw new VitrinaError('USAGE', `unknown format '${options.format}'`, { hint: 'use json, html, pdf, xlsx or csv' });
  if (options.format === 'csv' && !options.panel)
    throw new VitrinaError('USAGE', 'csv needs --panel <id>: a CSV file holds one table', { hint: 'or use --format xlsx for every panel' });
  // A PDF or a workbook is bytes, not text for a terminal.
  if (BINARY_FORMATS.has(options.format) && !options.out && process.stdout.isTTY)
    throw new VitrinaError('USAGE', `--format ${options.format} writes a binary file`, { hint: `add --out ${reportId}.${options.format}` });
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    if (options.format === 'html') return await renderHtml(project, reportId, options);
    if (options.format === 'pdf' || options.format === 'xlsx' || options.format === 'csv')
      return await renderFile(project, reportId, options as RenderOptions & { format: 'pdf' | 'xlsx' | 'csv' });
    const output = await project.engine.render(reportId, {
      parameters: options.param ?? {},
      viewer: viewerFrom(options.as),
      now: parseNow(options.now),
    });
    const text = `${JSON.stringify(output, null, 2)}\n`;
    if (options.out) writeFileAtomic(options.out, text);
    else process.stdout.write(text);
    const failed = output.panels.filter(isPanelError);
    for (const f of failed) process.stderr.write(`error: panel '${f.id}': ${f.error.message}${f.error.hint ? ` — ${f.error.hint}` : ''}\n`);
    if (failed.length) process.stderr.write(`${failed.length} of ${output.panels.length} panels failed\n`);
    return failed.length ? EXIT_USER_ERROR : EXIT_OK;
  } finally {
    await project.close();
  }
}

async function renderHtml(project: Project, reportId: string, options: RenderOptions): Promise<number> {
  const { renderStaticDashboard } = await import('@vitrina/core/server');
  const html = await renderStaticDashboard({
    project,
    reportId,
    parameters: options.param ?? {},
    locale: options.locale,
    now: parseNow(options.now),
    viewer: viewerFrom(options.as),
    log: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  if (options.out) {
    writeFileAtomic(options.out, html);
    process.stderr.write(`wrote ${options.out} (${Math.round(Buffer.byteLength(html) / 1024)} KB)\n`);
  } else process.stdout.write(html);
  return EXIT_OK;
}

async function renderFile(
  project: Project,
  reportId: string,
  options: RenderOptions & { format: 'pdf' | 'xlsx' | 'csv' },
): Promise<number> {
  const exports = await import('@vitrina/core/export');
  const request = {
    project,
    reportId,
    parameters: options.param ?? {},
    locale: options.locale,
    viewer: viewerFrom(options.as),
    now: parseNow(options.now),
  };
  if (options.format === 'pdf') {
    const pool = new exports.BrowserPool(exports.browserPoolOptions(project.config.pdf));
    let bytes: Uint8Array;
    try {
      bytes = await exports.exportPdf(request, { pool, paper: options.paper, orientation: options.orientation });
    } finally {
      await pool.close();
    }
    if (options.out) {
      writeFileAtomic(options.out, bytes);
      process.stderr.write(`wrote ${options.out} (${Math.max(1, Math.round(bytes.byteLength / 1024))} KB)\n`);
    } else process.stdout.write(bytes);
    return EXIT_OK;
  }
  // CSV and XLSX stream: rows go from the source to the file as they are read, memory flat.
  const write = async (out: Writable) => {
    if (options.format === 'csv') {
      const delimiter = options.delimiter ? ({ comma: ',', semicolon: ';', tab: '\t' } as const)[options.delimiter] : undefined;
      await pipeline(Readable.from(await exports.exportPanelCsvStream(request, options.panel as string, delimiter)), out);
    } else {
      if (options.panel) await exports.exportPanelXlsx(out, request, options.panel);
      else await exports.exportXlsx(out, request);
      if (!out.writableFinished) await finished(out);
    }
  };
  if (!options.out) {
    // stdout is never closed by us: a pipe's end stays the terminal's.
    const out = new PassThrough();
    out.pipe(process.stdout, { end: false });
    await write(out);
    return EXIT_OK;
  }
  const bytes = await streamFileAtomic(options.out, write);
  process.stderr.write(`wrote ${options.out} (${Math.max(1, Math.round(bytes / 1024))} KB)\n`);
  return EXIT_OK;
}
