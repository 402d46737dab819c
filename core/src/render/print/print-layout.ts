/**
 * @module Where each chart lands on paper, in CSS pixels, so the server can draw it at the size it
 * prints: paper minus the PDF margins, the page padding and the 12-column grid of the default theme
 * (two columns on paper narrower than its 900px tablet break). The SVG keeps its aspect ratio inside
 * the panel, so a theme with other spacing only gets a little slack, never a clipped chart.
 */
import type { PanelView } from '../html/dashboard-state.js';

export type Paper = 'A4' | 'Letter';
export type Orientation = 'portrait' | 'landscape';

const MM = 96 / 25.4;
/** Paper width × height in CSS pixels, portrait. */
const PAPER: Record<Paper, [number, number]> = { A4: [210 * MM, 297 * MM], Letter: [8.5 * 96, 11 * 96] };
/** Left + right margin of the PDF (print-pdf.ts prints with 10mm each side). */
const SIDE_MARGINS = 20 * MM;
/** `.vt-main` padding, the grid gap, a panel's horizontal padding + border (theme.css). */
const MAIN_PADDING = 48;
const TABLET_PADDING = 32;
const GAP = 16;
const PANEL_CHROME = 34;
/** Chart body heights per `height` (theme.css --vt-chart-s/m/l). */
export const PRINT_CHART_HEIGHT: Record<PanelView['height'], number> = { s: 160, m: 300, l: 440 };
export const SPARKLINE_HEIGHT = 44;

export function contentWidth(paper: Paper, orientation: Orientation): number {
  const [short, long] = PAPER[paper];
  return (orientation === 'landscape' ? long : short) - SIDE_MARGINS;
}

/** Width of a panel's body on the page, in CSS pixels. */
export function panelBodyWidth(span: number, paper: Paper, orientation: Orientation): number {
  const page = contentWidth(paper, orientation);
  const tablet = page <= 900;
  const columns = tablet ? (span <= 6 ? 6 : 12) : Math.min(12, Math.max(1, Math.round(span)));
  const grid = page - (tablet ? TABLET_PADDING : MAIN_PADDING);
  const column = (grid - 11 * GAP) / 12;
  return columns * column + (columns - 1) * GAP - PANEL_CHROME;
}
