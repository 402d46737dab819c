/**
 * @module The few SVG pieces paper charts are written with. Every text and attribute value goes
 * through {@link escapeXml}: series names and category labels are data.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] as string);
}

/** A coordinate with at most two decimals: what prints identically, in fewer bytes. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export interface TextStyle {
  size?: number;
  color?: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: number | string;
  /** Degrees, counter-clockwise as ECharts' `rotate` (the text turns about its anchor). */
  rotate?: number;
}

/** One line of text, vertically centred on y (ECharts' `dominant-baseline="central"`). */
export function svgText(x: number, y: number, text: string, style: TextStyle = {}): string {
  const attrs = [
    style.rotate ? `transform="translate(${num(x)} ${num(y)}) rotate(${num(-style.rotate)})"` : `x="${num(x)}" y="${num(y)}"`,
    'dominant-baseline="central"',
  ];
  if (style.anchor && style.anchor !== 'start') attrs.push(`text-anchor="${style.anchor}"`);
  if (style.size) attrs.push(`font-size="${num(style.size)}"`);
  if (style.weight) attrs.push(`font-weight="${escapeXml(String(style.weight))}"`);
  if (style.color) attrs.push(`fill="${escapeXml(style.color)}"`);
  return `<text ${attrs.join(' ')} xml:space="preserve">${escapeXml(text)}</text>`;
}

/** The document: sized by viewBox (it scales to its box, as the ECharts SVG did), one font for all text. */
export function svgDocument(width: number, height: number, fontFamily: string, textColor: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(
    fontFamily,
  )}" font-size="12" fill="${escapeXml(textColor)}">${body}</svg>`;
}

/** A rectangle with some corners rounded: [top-left, top-right, bottom-right, bottom-left], as ECharts' `borderRadius`. */
export function roundedRect(x: number, y: number, w: number, h: number, radius: number[], attrs: string): string {
  const r = radius.map((v) => Math.max(0, Math.min(v, w / 2, h / 2)));
  if (!r.some((v) => v > 0)) return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${attrs}/>`;
  const [tl = 0, tr = 0, br = 0, bl = 0] = r;
  const d =
    `M${num(x + tl)} ${num(y)}H${num(x + w - tr)}` +
    (tr ? `A${num(tr)} ${num(tr)} 0 0 1 ${num(x + w)} ${num(y + tr)}` : '') +
    `V${num(y + h - br)}` +
    (br ? `A${num(br)} ${num(br)} 0 0 1 ${num(x + w - br)} ${num(y + h)}` : '') +
    `H${num(x + bl)}` +
    (bl ? `A${num(bl)} ${num(bl)} 0 0 1 ${num(x)} ${num(y + h - bl)}` : '') +
    `V${num(y + tl)}` +
    (tl ? `A${num(tl)} ${num(tl)} 0 0 1 ${num(x + tl)} ${num(y)}` : '') +
    'Z';
  return `<path d="${d}" ${attrs}/>`;
}
