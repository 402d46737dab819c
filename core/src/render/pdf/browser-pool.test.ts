/**
 * The browser pool against the real system Chromium: one warm browser reused, pages bounded, a
 * full queue answered with BUSY, a hung page timed out and its browser replaced, a crashed
 * browser replaced, pages hidden unless asked for in the foreground, and nothing left running
 * after close.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { VitrinaError } from '../../errors/index.js';
import { BrowserPool } from './browser-pool.js';

const executablePath = inject('vitrinaChromium');
const pools: BrowserPool[] = [];
const pool = (options: ConstructorParameters<typeof BrowserPool>[0] = {}) => {
  const created = new BrowserPool({ executablePath, ...options });
  pools.push(created);
  return created;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!executablePath)('BrowserPool', () => {
  it('keeps one Chromium warm across renders', async () => {
    const p = pool();
    for (let i = 0; i < 3; i++) {
      const text = await p.withPage(async (page) => {
        await page.setContent(`<p>Выручка ${i}</p>`);
        return page.$eval('p', (el) => el.textContent);
      });
      expect(text).toBe(`Выручка ${i}`);
    }
    expect(p.launches).toBe(1);
  });

  it('runs at most maxPages renders at once and queues the rest', async () => {
    const p = pool({ maxPages: 2 });
    let now = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        p.withPage(async (page) => {
          peak = Math.max(peak, ++now);
          await page.setContent('<p>x</p>');
          await new Promise((r) => setTimeout(r, 100));
          now--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('answers BUSY with a retry delay when the queue is full', async () => {
    const p = pool({ maxPages: 1, maxQueue: 1, maxWaitMs: 5_000 });
    let unblock = () => {};
    let started = () => {};
    const running = new Promise<void>((r) => (started = r));
    const blocker = p.withPage(
      () =>
        new Promise<void>((r) => {
          unblock = r;
          started();
        }),
    );
    await running;
    const waiting = p.withPage(async () => 'second');
    const rejected = await p.withPage(async () => 'third').catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(VitrinaError);
    expect(rejected).toMatchObject({ code: 'BUSY', retryAfterSeconds: 5 });
    unblock();
    await blocker;
    await expect(waiting).resolves.toBe('second');
  });

  it('times out a hung page, replaces the browser, and the next render succeeds', async () => {
    const p = pool();
    await p.withPage(async (page) => page.setContent('<p>warm</p>'));
    const first = (p as unknown as { launches: number }).launches;
    const error = await p
      .withPage(
        async (page) => {
          // A page stuck in a script never answers the protocol again.
          await page.evaluate('for(;;){}');
        },
        { timeoutMs: 1_500, what: 'the stuck render' },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RENDER_TIMEOUT', message: 'the stuck render did not finish within 1500 ms' });
    const text = await p.withPage(async (page) => {
      await page.setContent('<p>after</p>');
      return page.$eval('p', (el) => el.textContent);
    });
    expect(text).toBe('after');
    expect(p.launches).toBe(first + 1);
  });

  it('replaces a browser that crashed', async () => {
    const p = pool();
    const pid = await p.withPage(async (page) => page.browser().process()?.pid);
    process.kill(pid as number, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const text = await p.withPage(async (page) => {
      await page.setContent('<p>recovered</p>');
      return page.$eval('p', (el) => el.textContent);
    });
    expect(text).toBe('recovered');
    expect(p.launches).toBe(2);
  });

  it('reuses a page for reuse renders, and still recovers when Chromium is killed mid-render', async () => {
    const p = pool();
    const first = await p.withPage(async (page) => page, { reuse: true });
    const again = await p.withPage(async (page) => page, { reuse: true });
    expect(again).toBe(first);
    // A plain render never gets the kept page.
    expect(await p.withPage(async (page) => page)).not.toBe(first);
    const killed = p.withPage(
      async (page) => {
        process.kill(page.browser().process()?.pid as number, 'SIGKILL');
        await page.setContent('<p>never</p>');
      },
      { reuse: true },
    );
    await expect(killed).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    const text = await p.withPage(
      async (page) => {
        await page.setContent('<p>recovered</p>');
        return page.$eval('p', (el) => el.textContent);
      },
      { reuse: true },
    );
    expect(text).toBe('recovered');
    expect(p.launches).toBe(2);
  });

  it('opens hidden background tabs (no screen to paint for) unless a render asks for the foreground', async () => {
    const p = pool();
    const visibility = (page: Page) => page.evaluate('document.visibilityState');
    // Kept open meanwhile: a newer foreground tab must not be what decides the others' state.
    const kept = await p.withPage(async (page) => page, { reuse: true });
    expect(await p.withPage(visibility, { reuse: true })).toBe('hidden');
    expect(await p.withPage(async (page) => ({ state: await visibility(page), same: page === kept }), { foreground: true })).toEqual({
      state: 'visible',
      same: false,
    });
    expect(await p.withPage(visibility)).toBe('hidden');
    // A foreground tab is never kept for reuse: the kept tab stays the hidden one.
    expect(await p.withPage(async (page) => page === kept, { reuse: true, foreground: true })).toBe(false);
    expect(await p.withPage(async (page) => page === kept, { reuse: true })).toBe(true);
  });

  it('leaves no Chromium process after close and refuses new renders', async () => {
    const p = pool();
    const pid = await p.withPage(async (page) => page.browser().process()?.pid);
    expect(alive(pid)).toBe(true);
    await p.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
    await expect(p.withPage(async () => 1)).rejects.toMatchObject({ code: 'RENDER_FAILED' });
  });
});
