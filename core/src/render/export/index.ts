/** @module `@vitrina/core/export`: reports as PDF, XLSX and CSV files (loaded only by the commands and routes that make files). */
export { BrowserPool, type BrowserPoolOptions, browserPoolOptions, type PdfConfig } from '../pdf/browser-pool.js';
export { findChromium, locateChromium } from '../pdf/find-chromium.js';
export { type PrintOptions, pdfOptions, printPdf } from '../pdf/print-pdf.js';
export { type PrintPageOptions, renderPrintPage } from '../print/render-print-page.js';
export {
  type ExportRequest,
  exportPanelCsv,
  exportPanelCsvStream,
  exportPanelXlsx,
  exportPdf,
  exportXlsx,
  type PdfExportOptions,
  type PreparedPdf,
  panelRows,
  preparePdf,
} from './export-report.js';
export { parameterLines } from './parameter-lines.js';
