/** @module Extract refresh: the background timer reloads changed sources and logs it; a swap never breaks a query in flight. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProject } from '@vitrina/core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRefreshInterval } from '../../core/src/extract/refresh-interval.js';
import { csv, type ExtractProject, extractProject, queryRows } from '../support/extract-project.js';

const projects: ExtractProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('extract refresh', () => {
  it('reloads a changed source in the background and logs the outcome; stop() ends it', async () => {
    const p = extractProject({});
    projects.push(p);
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const logged: string[] = [];
    const log = { debug() {}, info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
    const project = await openProject({ cwd: p.dir, log });
    try {
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 1 }]);
      project.extracts.startBackgroundRefresh({ intervalMs: 250 });
      p.append('2,b,2,2026-01-02 00:00:00\n');
      expect(await until(async () => (await queryRows(project, 'select count(*) as n from items'))[0]?.n === 2)).toBe(true);
      expect(logged.join('\n')).toMatch(/extract of source 'items' appended: 1 rows/);
      await project.extracts.stopBackgroundRefresh();
      p.append('3,c,3,2026-01-03 00:00:00\n');
      await new Promise((r) => setTimeout(r, 800));
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 2 }]);
    } finally {
      await project.close();
    }
  });

  it('a query running during a swap finishes on the old file; the next one sees the new data', async () => {
    const p = extractProject({});
    projects.push(p);
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const project = await p.open();
    try {
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 1 }]);
      const slow = queryRows(project, 'select count(*) as n from items, range(40000000) r where r.range % 7 <> 9');
      p.write(csv('1,a,1,2026-01-01 00:00:00', '2,b,2,2026-01-02 00:00:00'));
      expect((await project.extracts.refresh(['items'], { full: true }))[0]?.status).toBe('loaded');
      expect(await slow).toEqual([{ n: 40_000_000 }]);
      expect(await queryRows(project, 'select count(*) as n from items')).toEqual([{ n: 2 }]);
    } finally {
      await project.close();
    }
  });

  it('one load at a time across projects and processes: a live lock is waited for, a stale one taken over', async () => {
    const p = extractProject({});
    projects.push(p);
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const [a, b] = [await p.open(), await p.open()];
    try {
      // Two projects over one extract folder (as serve and vitrina ingest are): both loads succeed, one after the other.
      const reports = await Promise.all([a.extracts.refresh(), b.extracts.refresh()]);
      expect(reports.map((r) => r[0]?.status).sort()).toEqual(['loaded', 'skipped']);
      mkdirSync(join(p.dir, '.vitrina', 'extracts'), { recursive: true });
      writeFileSync(join(p.dir, '.vitrina', 'extracts', 'items.lock'), '2147483646');
      expect((await a.extracts.refresh(['items'], { full: true }))[0]?.status).toBe('loaded');
      expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('reads refresh intervals; a cron expression is refused with a hint', () => {
    expect(parseRefreshInterval('15m', 'crm')).toBe(900_000);
    expect(parseRefreshInterval('1d', 'crm')).toBe(86_400_000);
    expect(() => parseRefreshInterval('*/5 * * * *', 'crm')).toThrow(/not an interval/);
  });
});
