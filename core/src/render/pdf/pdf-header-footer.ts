/**
 * @module Chromium's print header and footer: the report title and the parameters actually used
 * on top, generation time and "page X of Y" below. Chromium renders these templates in a tiny
 * separate document, so styles are inline and every value is HTML-escaped.
 */
export interface PrintLabels {
  title: string;
  /** "Period: March 2026 · Region: North" */
  parameters: string;
  /** "Generated 2026-03-31 10:00" */
  generated: string;
  /** "Page", "of" in the viewer's language. */
  page: string;
  of: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const box = 'font-family: DejaVu Sans, Liberation Sans, Arial, sans-serif; font-size: 8px; color: #555; width: 100%; margin: 0 12mm;';

export function headerTemplate(labels: PrintLabels): string {
  return `<div style="${box} display: flex; justify-content: space-between; gap: 8px;"><b style="color:#222">${escapeHtml(labels.title)}</b><span>${escapeHtml(labels.parameters)}</span></div>`;
}

export function footerTemplate(labels: PrintLabels): string {
  return `<div style="${box} display: flex; justify-content: space-between;"><span>${escapeHtml(labels.generated)}</span><span>${escapeHtml(labels.page)} <span class="pageNumber"></span> ${escapeHtml(labels.of)} <span class="totalPages"></span></span></div>`;
}
