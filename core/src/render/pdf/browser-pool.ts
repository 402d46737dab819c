/**
 * @module One warm Chromium shared by every render. Pages are bounded by {@link PageSlots}; each
 * render has a deadline; a browser that crashed, disconnected or hung is killed and replaced, so
 * the next render succeeds and no zombie process is left behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { VitrinaError } from '../../errors/index.js';
import { CHROMIUM_FLAGS } from './chromium-flags.js';
import { findChromium } from './find-chromium.js';
import { PageSlots } from './page-slots.js';

export interface BrowserPoolOptions {
  /** Chromium binary. Default: `PUPPETEER_EXECUTABLE_PATH` or the usual system locations. */
  executablePath?: string;
  /** Pages rendering at once. Default 2 (more adds ≤6% throughput on 2 cores). */
  maxPages?: number;
  /** Renders allowed to wait for a page. Default 16. */
  maxQueue?: number;
  /** How long a render may wait for a page. Default 15 s. */
  maxWaitMs?: number;
  /** Deadline of one render once it has a page. Default 60 s. */
  renderTimeoutMs?: number;
}

/** The config's `pdf` block (seconds, as people write them) as pool options. */
export interface PdfConfig {
  chromium?: string;
  maxPages?: number;
  maxQueue?: number;
  maxWaitSeconds?: number;
  timeoutSeconds?: number;
}

export function browserPoolOptions(config: PdfConfig = {}): BrowserPoolOptions {
  return {
    ...(config.chromium ? { executablePath: config.chromium } : {}),
    ...(config.maxPages ? { maxPages: config.maxPages } : {}),
    ...(config.maxQueue !== undefined ? { maxQueue: config.maxQueue } : {}),
    ...(config.maxWaitSeconds ? { maxWaitMs: config.maxWaitSeconds * 1000 } : {}),
    ...(config.timeoutSeconds ? { renderTimeoutMs: config.timeoutSeconds * 1000 } : {}),
  };
}

interface Running {
  browser: Browser;
  profile: string;
}

export class BrowserPool {
  readonly #slots: PageSlots;
  readonly #options: BrowserPoolOptions;
  #running: Promise<Running> | undefined;
  /** The launched browser once `#running` resolved (what close and replace kill). */
  #settled: Running | undefined;
  #closed = false;
  /** Pages of the current browser kept open for `reuse` renders (at most `maxPages`). */
  #idle: Page[] = [];
  /** How many browsers were launched: tests use it to prove reuse and replacement. */
  launches = 0;

  constructor(options: BrowserPoolOptions = {}) {
    this.#options = options;
    this.#slots = new PageSlots(options.maxPages ?? 2, options.maxQueue ?? 16, options.maxWaitMs ?? 15_000);
  }

  get stats(): { active: number; queued: number; launches: number } {
    return { active: this.#slots.active, queued: this.#slots.queued, launches: this.launches };
  }

  /**
   * Runs `work` on a page of the warm browser; the page is closed afterwards whatever happens.
   * With `reuse`, a page that served a `reuse` render before is taken if one is idle, and kept for
   * the next one when `work` succeeded (a new tab costs about as much as printing a small page);
   * only renders that leave no state behind (scripts off, content replaced) may ask for it.
   *
   * Pages are background tabs: hidden, so Chromium neither lays out nor paints them for a screen
   * nobody looks at (`setContent` of a finished page skips that work; printing lays the page out
   * anyway), and which tab pays for it no longer depends on how many are open (headless Chromium
   * shows only the newest foreground tab). A page whose scripts wait for animation frames, which
   * hidden tabs do not get, asks for `foreground` (default false); such a page is never kept.
   */
  async withPage<T>(
    work: (page: Page) => Promise<T>,
    options: { timeoutMs?: number; what?: string; reuse?: boolean; foreground?: boolean } = {},
  ): Promise<T> {
    if (this.#closed) throw new VitrinaError('RENDER_FAILED', 'the PDF printer was shut down');
    const release = await this.#slots.acquire();
    const timeoutMs = options.timeoutMs ?? this.#options.renderTimeoutMs ?? 60_000;
    let page: Page | undefined;
    let keep = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const running = await this.#browser();
      const reuse = options.reuse === true && options.foreground !== true;
      page =
        (reuse ? this.#takeIdle(running.browser) : undefined) ??
        (await running.browser.newPage({ background: options.foreground !== true }));
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new VitrinaError('RENDER_TIMEOUT', `${options.what ?? 'the render'} did not finish within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      const result = await Promise.race([work(page), deadline]);
      keep = reuse && !this.#closed && this.#settled === running && this.#idle.length < this.#slots.size;
      return result;
    } catch (error) {
      // A timed-out page may be stuck in a busy script; the only sure cure is a new browser.
      if (error instanceof VitrinaError && error.code === 'RENDER_TIMEOUT') await this.#replace();
      throw error;
    } finally {
      clearTimeout(timer);
      if (page && keep) this.#idle.push(page);
      else if (page) await closeQuietly(page);
      release();
    }
  }

  #takeIdle(browser: Browser): Page | undefined {
    for (let page = this.#idle.pop(); page; page = this.#idle.pop()) if (!page.isClosed() && page.browser() === browser) return page;
    return undefined;
  }

  #browser(): Promise<Running> {
    this.#running ??= this.#launch().catch((error: unknown) => {
      this.#running = undefined;
      throw error;
    });
    return this.#running;
  }

  async #launch(): Promise<Running> {
    const executablePath = findChromium(this.#options.executablePath);
    const { default: puppeteer } = await import('puppeteer-core');
    const profile = mkdtempSync(join(tmpdir(), 'vitrina-chromium-'));
    try {
      const browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
        protocolTimeout: 60_000,
      });
      this.launches++;
      const running = { browser, profile };
      // A crash or a kill from outside: forget this browser so the next render launches a new one.
      browser.once('disconnected', () => {
        if (this.#running && this.#settled === running) this.#running = undefined;
        this.#idle = this.#idle.filter((page) => page.browser() !== browser);
        removeProfile(profile);
      });
      this.#settled = running;
      return running;
    } catch (error) {
      removeProfile(profile);
      throw new VitrinaError('RENDER_FAILED', `Chromium at ${executablePath} did not start: ${(error as Error).message}`, {
        cause: error,
        hint: 'check that it runs: chromium --headless --no-sandbox --dump-dom about:blank',
      });
    }
  }

  async #replace(): Promise<void> {
    const running = this.#settled;
    this.#idle = [];
    this.#running = undefined;
    this.#settled = undefined;
    if (running) await killBrowser(running);
  }

  /** Closes the browser (killing it if it does not close) and refuses further renders. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#idle = [];
    const running = this.#settled;
    this.#running = undefined;
    this.#settled = undefined;
    if (running) await killBrowser(running);
  }
}

async function closeQuietly(page: Page): Promise<void> {
  await Promise.race([page.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000))]);
}

async function killBrowser({ browser, profile }: Running): Promise<void> {
  const child = browser.process();
  await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3_000))]);
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeProfile(profile);
}

/** Chromium may still be writing its profile as it dies; a leftover temp folder is not worth a crash. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch {
    // Left for the OS's temp cleaner.
  }
}
