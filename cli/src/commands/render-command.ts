/**
 * @module `vitrina render <report>`: every panel's numbers for the given parameters and viewer, as
 * JSON, or as a self-contained static HTML dashboard (`--format html`: styles, scripts and data
 * inlined; opens offline from file://).
 */
import { isPanelError, openProject, type Project, VitrinaError } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
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
}

export async function renderCommand(reportId: string, options: RenderOptions): Promise<number> {
  if (options.format !== 'json' && options.format !== 'html') {
    throw new VitrinaError('USAGE', `format '${options.format}' is not available in this version`, { hint: 'use --format json or html' });
  }
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    if (options.format === 'html') return await renderHtml(project, reportId, options);
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
