/** @module `vitrina ingest`: per-source outcome lines, bad rows with file:line, exit codes, usage errors. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csv, type ExtractProject, extractProject } from '../support/extract-project.js';
import { runCliCaptured } from '../support/run-cli-captured.js';

const projects: ExtractProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

/** `vitrina ingest …` in-process (stdout is not a terminal here: plain lines). */
const ingest = (...argv: string[]) => runCliCaptured(['ingest', ...argv]);

describe('vitrina ingest', () => {
  it('loads, then skips, then appends; bad rows are listed with file and line', async () => {
    const p = extractProject({ badRows: 'skip' });
    projects.push(p);
    const config = join(p.dir, 'vitrina.config.json');
    p.write(csv('1,a,1,2026-01-01 00:00:00', 'oops', '3,c,3,2026-01-03 00:00:00'));
    let run = await ingest('-c', config);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^loaded +items: 2 rows in [\d.]+ s.* · 1 bad row skipped\n +items\.csv:3/m);
    run = await ingest('items', '-c', config);
    expect(run.out).toMatch(/^skipped +items: 2 rows/m);
    p.append('4,d,4,2026-01-04 00:00:00\n');
    run = await ingest('-c', config);
    expect(run.out).toMatch(/^appended +items: 3 rows \(\+1\)/m);
    run = await ingest('--full', '--json', '-c', config);
    expect(JSON.parse(run.out)).toEqual([expect.objectContaining({ source: 'items', status: 'loaded', rows: 3 })]);
  });

  it('exits 1 when a load fails, naming file and line, and 1 for an unknown source', async () => {
    const p = extractProject({ badRows: 'strict' });
    projects.push(p);
    const config = join(p.dir, 'vitrina.config.json');
    p.write(csv('1,a,1,2026-01-01 00:00:00', 'two,b,oops,2026-13-45'));
    const failed = await ingest('-c', config);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^failed +items: .*items\.csv:3/m);
    const unknown = await ingest('itemz', '-c', config);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/there is no source 'itemz' — did you mean 'items'\?/);
  });
});
