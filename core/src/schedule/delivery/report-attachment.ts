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
import type { Attachment } from '../channels/delivery-channel.js';
import type { ReportFormat } from '../schedule-types.js';
import { localTime } from './delivery-words.js';

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
  const stamp = localTime(request.now, project.config.timezone ?? 'UTC').slice(0, 10);
  // The same exporters as the download routes: a scheduled file looks like a downloaded one.
  const exports = await import('../../render/export/export-report.js');
  const exportRequest = {
    project,
    reportId: def.id,
    parameters: request.parameters,
    locale: output.locale,
    viewer: request.viewer,
    now: request.now,
  };
  if (format === 'pdf') {
    const pdf = await exports.exportPdf(exportRequest, { pool: request.printer() });
    return [{ filename: `${def.id}-${stamp}.pdf`, contentType: 'application/pdf', content: Buffer.from(pdf) }];
  }
  if (format === 'xlsx') {
    const content = await collect((stream) => exports.exportXlsx(stream, exportRequest, request.panels));
    return [
      { filename: `${def.id}-${stamp}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content },
    ];
  }
  const wanted = request.panels ? new Set(request.panels) : undefined;
  const out: Attachment[] = [];
  for (const panel of output.panels.filter((p) => !wanted || wanted.has(p.id))) {
    // The download's streaming path: the attachment is a buffer anyway, but the rows are not
    // held twice (as a result set and as text) on the way.
    const parts: Buffer[] = [];
    for await (const chunk of await exports.exportPanelCsvStream(exportRequest, panel.id)) parts.push(Buffer.from(chunk, 'utf8'));
    out.push({ filename: `${def.id}-${panel.id}-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.concat(parts) });
  }
  return out;
}
