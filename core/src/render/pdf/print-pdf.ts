/**
 * @module A finished dashboard page as a PDF. The page (static HTML with its data inlined, so no
 * source is queried again) is loaded into a warm Chromium page, and printed only after every
 * panel has reported `vitrina:panel-rendered` and the page `vitrina:rendered`: never a blank chart.
 * A page that does not finish in time fails loudly, naming the panels still missing.
 */
import type { Page, PDFOptions } from 'puppeteer-core';
import { VitrinaError } from '../../errors/index.js';
import type { BrowserPool } from './browser-pool.js';
import { footerTemplate, headerTemplate, type PrintLabels } from './pdf-header-footer.js';

export interface PrintOptions {
  paper?: 'A4' | 'Letter';
  orientation?: 'portrait' | 'landscape';
  labels: PrintLabels;
  /** Deadline for the page to finish rendering and print. Default 60 s. */
  timeoutMs?: number;
  /**
   * The HTML is already finished (charts as SVG, no scripts: `render/print`): it is printed as soon
   * as it has loaded, with JavaScript off, instead of waiting for the dashboard's events. Default false.
   */
  finished?: boolean;
}

/** Collects the contract's events; it runs before any other script of the page, so none is missed. */
const LISTEN = `(() => {
  window.__vitrina = { rendered: [], failed: [], done: false };
  document.addEventListener('vitrina:panel-rendered', (e) => {
    const d = e.detail || {};
    (d.ok === false ? window.__vitrina.failed : window.__vitrina.rendered).push(String(d.panel));
  });
  document.addEventListener('vitrina:rendered', () => { window.__vitrina.done = true; });
})();`;

interface Progress {
  expected: string[];
  reported: string[];
}

async function progress(page: Page): Promise<Progress> {
  return page.evaluate(`(() => ({
    expected: [...document.querySelectorAll('section.vt-panel[data-panel]')].map((s) => s.dataset.panel),
    reported: [...(window.__vitrina?.rendered ?? []), ...(window.__vitrina?.failed ?? [])],
  }))()`) as Promise<Progress>;
}

/** setContent writes into about:blank, where evaluateOnNewDocument never runs: the listener goes into the page. */
function withListener(html: string): string {
  const script = `<script>${LISTEN}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.replace(head[0], `${head[0]}${script}`) : `${script}${html}`;
}

async function waitForPanels(page: Page, timeoutMs: number): Promise<void> {
  try {
    await page.waitForFunction('window.__vitrina && window.__vitrina.done === true', { timeout: timeoutMs, polling: 50 });
  } catch (error) {
    const { expected, reported } = await progress(page).catch(() => ({ expected: [], reported: [] }) as Progress);
    const missing = expected.filter((id) => !reported.includes(id));
    throw new VitrinaError(
      'RENDER_TIMEOUT',
      `the dashboard did not finish rendering within ${timeoutMs} ms; panels not rendered: ${missing.join(', ') || '(none reported missing)'}`,
      { cause: error, hint: 'open the dashboard in a browser to see which panel hangs, or raise pdf.timeoutSeconds' },
    );
  }
}

export function pdfOptions(options: PrintOptions, timeoutMs: number): PDFOptions {
  return {
    format: options.paper ?? 'A4',
    landscape: options.orientation === 'landscape',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options.labels),
    footerTemplate: footerTemplate(options.labels),
    margin: { top: '16mm', bottom: '14mm', left: '10mm', right: '10mm' },
    // Untagged: a tagged PDF of a 1,000-row table was 17x larger and 2x slower (DESIGN.md).
    tagged: false,
    timeout: timeoutMs,
  };
}

/** Kept tabs already set up for finished pages: the settings stay with the tab, a round trip saved per PDF. */
const scriptless = new WeakSet<Page>();

export async function printPdf(pool: BrowserPool, html: string, options: PrintOptions): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return pool.withPage(
    async (page) => {
      if (options.finished) {
        if (!scriptless.has(page)) {
          await page.emulateMediaType('print');
          // Nothing to run: the page is the floor (setContent + pdf). Scripts off, should any slip in.
          await page.setJavaScriptEnabled(false);
          scriptless.add(page);
        }
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        return page.pdf(pdfOptions(options, timeoutMs));
      }
      await page.emulateMediaType('print');
      await page.setContent(withListener(html), { waitUntil: 'load', timeout: timeoutMs });
      await waitForPanels(page, timeoutMs);
      await page.evaluate('document.fonts.ready');
      return page.pdf(pdfOptions(options, timeoutMs));
    },
    // The pool's own deadline is a backstop a little past ours, so ours (naming panels) wins.
    // A finished page runs no script and is replaced whole: its tab can serve the next PDF. A
    // dashboard drawn by its own script needs animation frames, which only a foreground tab gets.
    { timeoutMs: timeoutMs + 5_000, what: 'printing the PDF', reuse: options.finished === true, foreground: options.finished !== true },
  );
}
