/**
 * Printing waits for the dashboard's own "rendered" events (never a blank chart), prints the
 * header with title and parameters and the footer with page X of Y, and fails naming the panels
 * that never rendered.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { BrowserPool } from './browser-pool.js';
import { printPdf } from './print-pdf.js';

const executablePath = inject('vitrinaChromium');
const pool = new BrowserPool({ executablePath });
afterAll(() => pool.close());

const labels = {
  title: 'Обзор <продаж>',
  parameters: 'Период: март 2026',
  generated: 'Сформирован 2026-03-31 10:00',
  page: 'Стр.',
  of: 'из',
};

/** A page whose panels draw late, like charts waiting for data; `stuck` never reports. */
function page(stuck?: string): string {
  const panels = ['revenue', 'deals', 'calls'];
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
${panels.map((id) => `<section class="vt-panel" data-panel="${id}"><div class="vt-panel-body"></div></section>`).join('')}
<script>
const ids = ${JSON.stringify(panels)};
let left = ids.length;
ids.forEach((id, i) => setTimeout(() => {
  if (id === ${JSON.stringify(stuck ?? '')}) return;
  document.querySelector('[data-panel="' + id + '"] .vt-panel-body').textContent = 'Готово ' + id;
  document.dispatchEvent(new CustomEvent('vitrina:panel-rendered', { detail: { panel: id, ok: true } }));
  if (--left === 0) document.dispatchEvent(new CustomEvent('vitrina:rendered'));
}, 150 * (i + 1)));
</script></body></html>`;
}

describe.skipIf(!executablePath)('printPdf', () => {
  it('prints only after every panel rendered, with the header and footer', async () => {
    const pdf = await printPdf(pool, page(), { labels, paper: 'A4', orientation: 'landscape' });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const [text] = await pdfText(pdf);
    for (const id of ['revenue', 'deals', 'calls']) expect(text).toContain(`Готово ${id}`);
    expect(text).toContain('Обзор <продаж>');
    expect(text).toContain('Период: март 2026');
    expect(text).toMatch(/Стр\. 1 из 1/);
  });

  it('fails loudly, naming the panel that never rendered', async () => {
    await expect(printPdf(pool, page('deals'), { labels, timeoutMs: 1_500 })).rejects.toMatchObject({
      code: 'RENDER_TIMEOUT',
      message: expect.stringContaining('panels not rendered: deals'),
    });
  });
});
