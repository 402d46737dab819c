/** @module Extracts end to end: first query loads, unchanged skips, append, atomic swap, and a failed load keeps the previous extract. */
import { afterEach, describe, expect, it } from 'vitest';
import { csv, type ExtractProject, extractProject, queryRows } from '../support/extract-project.js';

const projects: ExtractProject[] = [];
const make = (source: Record<string, unknown> = {}) => {
  const p = extractProject(source);
  projects.push(p);
  return p;
};
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

describe('extract of a row source', () => {
  it('loads on the first query and converts types the way the engine expects', async () => {
    const p = make();
    p.write(csv('1,Anna,10.5,2026-01-02 03:04:05', '2,Борис,,2026-02-03 00:00:00'));
    const project = await p.open();
    try {
      expect(project.sources.get('items')?.flavor).toBe('duckdb');
      expect(
        await queryRows(project, 'select count(*) as n, sum(id) as s, max("at") as latest, min(cast("at" as date)) as first from items'),
      ).toEqual([{ n: 2, s: 3, latest: '2026-02-03 00:00:00', first: '2026-01-02' }]);
      expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
    } finally {
      await project.close();
    }
  });

  it('skips an unchanged source, appends a grown file, and changes version() so caches expire', async () => {
    const p = make();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const project = await p.open();
    try {
      const [first] = await project.extracts.refresh();
      expect(first).toMatchObject({ status: 'loaded', rows: 1, generation: 1 });
      const v1 = await project.sources.get('items')?.version();
      expect((await project.extracts.refresh())[0]).toMatchObject({ status: 'skipped', rows: 1 });
      p.append('2,b,2,2026-01-02 00:00:00\n3,c,3,2026-01-03 00:00:00\n');
      expect((await project.extracts.refresh())[0]).toMatchObject({ status: 'appended', rows: 3, added: 2, generation: 2 });
      expect(await project.sources.get('items')?.version()).not.toBe(v1);
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 3 }]);
      expect((await project.extracts.refresh(['items'], { full: true }))[0]).toMatchObject({ status: 'loaded', rows: 3, generation: 3 });
    } finally {
      await project.close();
    }
  });

  it('strict: a bad row fails the load naming file and line; the previous extract keeps serving and no temp file is left', async () => {
    const p = make({ badRows: 'strict' });
    p.write(csv('1,a,1,2026-01-01 00:00:00', '2,b,2,2026-01-02 00:00:00'));
    const project = await p.open();
    try {
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 2 }]);
      p.write(csv('1,a,1,2026-01-01 00:00:00', 'two,b,oops,2026-13-45'));
      const [report] = await project.extracts.refresh();
      expect(report?.status).toBe('failed');
      expect(report?.error?.message).toMatch(/items\.csv:3/);
      expect(report?.error?.hint).toMatch(/previous extract .* keeps serving/);
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 2 }]);
      expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
    } finally {
      await project.close();
    }
  });

  it('a plugin that crashes half-way leaves the previous extract serving', async () => {
    const p = make();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    let project = await p.open();
    expect((await project.extracts.refresh())[0]?.status).toBe('loaded');
    await project.close();
    const config = JSON.parse((await import('node:fs')).readFileSync(`${p.dir}/vitrina.config.json`, 'utf8'));
    config.sources.items.failAfterHalf = true;
    (await import('node:fs')).writeFileSync(`${p.dir}/vitrina.config.json`, JSON.stringify(config));
    p.write(csv('1,a,1,2026-01-01 00:00:00', '2,b,2,2026-01-02 00:00:00'));
    project = await p.open();
    try {
      const [report] = await project.extracts.refresh(['items'], { full: true });
      expect(report).toMatchObject({
        status: 'failed',
        error: expect.objectContaining({ message: expect.stringMatching(/crashed half-way/) }),
      });
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 1 }]);
      expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
    } finally {
      await project.close();
    }
  });

  it('skip: bad rows are counted and the first ones reported with file and line; the rest load', async () => {
    for (const via of ['load', 'read']) {
      const p = make({ badRows: 'skip', via });
      p.write(csv('1,a,1,2026-01-01 00:00:00', 'x,b', '3,c,3,2026-01-03 00:00:00', '4,d'));
      const project = await p.open();
      try {
        const [report] = await project.extracts.refresh();
        expect([via, report?.status, report?.rows, report?.badRows.count]).toEqual([via, 'loaded', 2, 2]);
        expect(report?.badRows.first.map((b) => [b.file, b.line])).toEqual([
          ['items.csv', 3],
          ['items.csv', 5],
        ]);
      } finally {
        await project.close();
      }
    }
  });

  it('a source that never loaded fails its first query with a clear "run vitrina ingest" error', async () => {
    const p = make({ badRows: 'strict' });
    p.write(csv('x,b'));
    const project = await p.open();
    try {
      const error = await queryRows(project, 'select 1').catch((e: unknown) => e);
      expect(error).toMatchObject({
        message: expect.stringMatching(/source 'items'.*no extract yet/),
        hint: expect.stringMatching(/vitrina ingest items/),
      });
    } finally {
      await project.close();
    }
  });
});
