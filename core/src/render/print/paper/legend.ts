/**
 * @module A plain legend (ECharts' `type: 'plain'` with `roundRect` icons, as the themes set it):
 * items left to right, wrapping onto as many rows as the names need — paper cannot scroll, so every
 * series name prints.
 */

import { escapeXml, num, svgText } from './svg-markup.js';
import { fitText, textWidth } from './text-metrics.js';

export interface LegendItem {
  name: string;
  color: string;
  /** Companion series print muted on the chart; their swatch says so too. */
  opacity?: number;
}

export interface LegendLayout {
  height: number;
  /** The legend's markup with its top edge at `y`. */
  markup(y: number): string;
}

export interface LegendOptions {
  x: number;
  width: number;
  itemWidth?: number;
  itemHeight?: number;
  fontSize?: number;
  color: string;
  /** Centre each row (a legend under a pie) instead of starting it at x. */
  center?: boolean;
}

const ITEM_GAP = 10;
const TEXT_GAP = 5;

export function layoutLegend(items: LegendItem[], options: LegendOptions): LegendLayout {
  const itemWidth = options.itemWidth ?? 14;
  const itemHeight = options.itemHeight ?? 10;
  const fontSize = options.fontSize ?? 12;
  const rowHeight = Math.max(itemHeight, fontSize + 2);
  const rows: { label: string; item: LegendItem; width: number }[][] = [];
  let row: (typeof rows)[number] = [];
  let used = 0;
  for (const item of items) {
    const label = fitText(item.name, options.width - itemWidth - TEXT_GAP, fontSize);
    const width = itemWidth + TEXT_GAP + textWidth(label, fontSize);
    if (row.length && used + ITEM_GAP + width > options.width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length ? ITEM_GAP : 0) + width;
    row.push({ label, item, width });
  }
  if (row.length) rows.push(row);
  const height = rows.length ? rows.length * rowHeight + (rows.length - 1) * ITEM_GAP : 0;
  return {
    height,
    markup(y: number) {
      let out = '';
      rows.forEach((cells, r) => {
        const total = cells.reduce((sum, c, i) => sum + c.width + (i ? ITEM_GAP : 0), 0);
        let x = options.center ? options.x + (options.width - total) / 2 : options.x;
        const mid = y + r * (rowHeight + ITEM_GAP) + rowHeight / 2;
        for (const cell of cells) {
          const radius = Math.min(itemWidth, itemHeight) / 4;
          const fade = cell.item.opacity !== undefined && cell.item.opacity < 1 ? ` fill-opacity="${num(cell.item.opacity)}"` : '';
          out += `<rect x="${num(x)}" y="${num(mid - itemHeight / 2)}" width="${itemWidth}" height="${itemHeight}" rx="${num(radius)}" fill="${escapeXml(cell.item.color)}"${fade}/>`;
          out += svgText(x + itemWidth + TEXT_GAP, mid, cell.label, { color: options.color, size: fontSize });
          x += cell.width + ITEM_GAP;
        }
      });
      return out;
    },
  };
}
