/**
 * @module A rendered report as the file a schedule sends: PDF (the static dashboard printed by
 * the warm Chromium pool), XLSX (cover sheet + a sheet per panel) or CSV (one file per panel).
 * The renderers load only when that format is used.
 */
import { PassThrough } from 'node:stream';
import type { Viewer } from '../../access/viewer.js';
import type { ReportDefinition } from '../../definition/report-definition.js';
import type { ReportOutput } from '../../engine/report-engine.js';
import type { Project } from '../../project/open-project.js';
import type { RawParameters } from '../../query/request-parameters.js';
import type { BrowserPool } from '../../render/pdf/browser-pool.js';
import { isPanelError } from '../../result/result-set.js';
import type { Attachment } from '../channels/delivery-channel.js';
import type { ReportFormat } from '../schedule-types.js';
import { localTime, word } from './delivery-words.js';

export interface AttachmentRequest {
  project: Project;
  def: ReportDefinition;
  output: ReportOutput;
  parameters: RawParameters;
  viewer: Viewer;
  now: Date;
  format: ReportFormat;
  panels?: string[];
  /** The shared printer; only PDF asks for it. */
  printer: () => BrowserPool;
}

async function collect(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await write(stream);
  await ended;
  return Buffer.concat(chunks);
}

export async function reportAttachments(request: AttachmentRequest): Promise<Attachment[]> {
  const { project, def, output, format } = request;
  const locale = output.locale;
  const timezone = project.config.timezone ?? 'UTC';
  const stamp = localTime(request.now, timezone).slice(0, 10);
  const { parameterLines } = await import('../../render/export/parameter-lines.js');
  const lines = parameterLines(def, output.parameters, locale);
  const generated = `${word(locale, 'generated')} ${localTime(new Date(), timezone)}`;
  if (format === 'pdf') {
    const { renderStaticDashboard } = await import('../../render/html/render-static-dashboard.js');
    const { printPdf } = await import('../../render/pdf/print-pdf.js');
    const html = await renderStaticDashboard({
      project,
      reportId: def.id,
      parameters: request.parameters,
      locale,
      now: request.now,
      viewer: request.viewer,
    });
    const pdf = await printPdf(request.printer(), html, {
      paper: def.print?.paper,
      orientation: def.print?.orientation,
      labels: {
        title: output.title,
        parameters: lines.map(([k, v]) => `${k}: ${v}`).join(' · '),
        generated,
        page: word(locale, 'page'),
        of: word(locale, 'of'),
      },
    });
    return [{ filename: `${def.id}-${stamp}.pdf`, contentType: 'application/pdf', content: Buffer.from(pdf) }];
  }
  if (format === 'xlsx') {
    const { writeReportWorkbook } = await import('../../render/export/report-workbook.js');
    const content = await collect((stream) =>
      writeReportWorkbook(stream, output, {
        currency: project.config.currency ?? (locale === 'ru' ? 'RUB' : 'USD'),
        panels: request.panels,
        parameters: lines,
        generatedAt: generated,
        labels: {
          parameter: word(locale, 'parameter'),
          value: word(locale, 'value'),
          generated: word(locale, 'generated'),
          error: word(locale, 'error'),
        },
      }),
    );
    return [
      { filename: `${def.id}-${stamp}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content },
    ];
  }
  const { csvChunks } = await import('../../render/csv/write-csv.js');
  const wanted = request.panels ? new Set(request.panels) : undefined;
  return output.panels
    .filter((p) => (!wanted || wanted.has(p.id)) && !isPanelError(p))
    .map((p) => {
      const result = isPanelError(p) ? { columns: [], rows: [] } : p;
      return {
        filename: `${def.id}-${p.id}-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: Buffer.from([...csvChunks(result, { locale })].join(''), 'utf8'),
      };
    });
}
