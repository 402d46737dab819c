/**
 * @module Text width without a canvas: Node has no font engine, so widths are estimated per
 * character — printable ASCII from the table zrender itself falls back to in Node (so paper charts
 * lay out labels much as ECharts' server renderer did), a little wider for the fonts Chromium
 * actually prints with; Cyrillic from the average advance of the sans
 * fonts the themes name (zrender counts every non-ASCII letter a full em, which truncated
 * "Санкт-Петербург" to "Санкт-П..." at widths where Chromium fits it whole).
 */

/** zrender's `DEFAULT_TEXT_WIDTH_MAP` for U+0020–U+007E, in ems ((code − 20) / 100 per character). */
const ASCII_TABLE = "007LLmW'55;N0500LLLLLLLLLL00NNNLzWW\\\\WQb\\0FWLg\\bWb\\WQ\\WrWWQ000CL5LLFLL0LL**F*gLLLL5F0LF\\FFF5.5N";
const ASCII = Array.from(ASCII_TABLE, (ch) => ((ch.codePointAt(0) as number) - 20) / 100);

/** Advance of one character in ems. */
function advance(code: number): number {
  // zrender's table is for a narrow sans; DejaVu Sans (what a bare Linux prints with) runs ~10% wider.
  if (code >= 32 && code < 127) return (ASCII[code - 32] as number) * 1.1;
  // Cyrillic: capitals ~0.7em, small letters ~0.6em in Inter/Segoe/Arial, wider in DejaVu (what a
  // bare Linux prints with); the wider estimate, so labels never run into each other.
  if (code >= 0x410 && code <= 0x42f) return 0.76;
  if (code >= 0x430 && code <= 0x45f) return 0.66;
  if (code === 0x2026) return 1; // …
  if (code === 0xa0 || code === 0x202f) return 0.28; // the no-break spaces of ru number formats
  return 1;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) em += advance(text.charCodeAt(i));
  return em * fontSize;
}

const ELLIPSIS = '…';

/** The text cut to `maxWidth` with an ellipsis (ECharts' `overflow: 'truncate'`); whole when it fits. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth - advance(0x2026) * fontSize;
  let em = 0;
  let end = 0;
  for (; end < text.length; end++) {
    const next = em + advance(text.charCodeAt(end)) * fontSize;
    if (next > room) break;
    em = next;
  }
  return end === 0 ? '' : `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
