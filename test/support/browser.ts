/**
 * @module Real headless Chromium for tests: puppeteer-core driving the system browser that the
 * global setup found (or installed), with the quiet flags and a fresh profile per launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../core/src/render/pdf/chromium-flags.js';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchTestBrowser(): Promise<TestBrowser> {
  const executablePath = inject('vitrinaChromium');
  if (!executablePath) throw new Error(`browser tests need Chromium: ${inject('vitrinaChromiumProblem')}`);
  const profile = mkdtempSync(join(tmpdir(), 'vitrina-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
