/**
 * @module `vitrina ingest [source…]`: loads row sources and SQL sources in extract mode into their
 * DuckDB extracts now, with progress, and reports per source what happened. A failed load keeps
 * the previous extract serving and makes the exit code 1.
 */
import { didYouMean, type LoadReport, openProject, VitrinaError } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
import { loadProgressView } from '../output/load-progress.js';

export interface IngestOptions {
  config?: string;
  full?: boolean;
  json?: boolean;
}

/** Bad rows listed per source; the rest are counted. */
const SHOWN_BAD_ROWS = 5;

const num = (n: number) => n.toLocaleString('en-US');

function describe(r: LoadReport): string[] {
  const seconds = r.durationMs / 1000;
  const rate = r.added > 0 && seconds > 0 ? ` · ${num(Math.round(r.added / seconds))} rows/s` : '';
  const added = r.status === 'appended' ? ` (+${num(r.added)})` : '';
  const bad = r.badRows.count ? ` · ${num(r.badRows.count)} bad row${r.badRows.count === 1 ? '' : 's'} skipped` : '';
  const lines = [`${r.status.padEnd(8)} ${r.source}: ${num(r.rows)} rows${added} in ${seconds.toFixed(1)} s${rate}${bad}`];
  for (const b of r.badRows.first.slice(0, SHOWN_BAD_ROWS))
    lines.push(`           ${b.file}:${b.line}${b.column ? ` (${b.column})` : ''}: ${b.reason}`);
  if (r.badRows.count > SHOWN_BAD_ROWS) lines.push(`           … and ${num(r.badRows.count - SHOWN_BAD_ROWS)} more`);
  return lines;
}

export async function ingestCommand(names: string[], options: IngestOptions): Promise<number> {
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    const known = project.extracts.names;
    for (const name of names) {
      if (known.includes(name)) continue;
      const live = project.sources.has(name);
      throw new VitrinaError('USAGE', live ? `source '${name}' is queried live, not through an extract` : `there is no source '${name}'`, {
        hint: live
          ? `set "mode": "extract" in its block of the config to keep a DuckDB extract of it`
          : known.length
            ? didYouMean(name, [...known], 'extract sources:')
            : 'this project has no extract sources',
      });
    }
    const wanted = names.length ? names : [...known];
    if (!wanted.length) {
      process.stderr.write('nothing to ingest: no source of this project is a row source or in "mode": "extract"\n');
      return EXIT_OK;
    }
    const view = options.json ? undefined : loadProgressView();
    const reports: LoadReport[] = [];
    for (const name of wanted) {
      const [report] = await project.extracts.refresh([name], { full: options.full, onProgress: (p) => view?.update(p) });
      view?.clear();
      if (!report) continue;
      reports.push(report);
      if (options.json) continue;
      if (report.status === 'failed') process.stderr.write(`failed   ${name}: ${report.error?.format() ?? 'unknown error'}\n`);
      else process.stdout.write(`${describe(report).join('\n')}\n`);
    }
    if (options.json) {
      const plain = reports.map(({ error, ...r }) => (error ? { ...r, error: error.toJSON() } : r));
      process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
    }
    return reports.some((r) => r.status === 'failed') ? EXIT_USER_ERROR : EXIT_OK;
  } finally {
    await project.close();
  }
}
