/**
 * @module What several paper renderers read from an option the way ECharts does: a length given as
 * a number or a percent, and a label's text from its formatter.
 */

type Obj = Record<string, unknown>;

/** A length as ECharts' `parsePercent`: a number, or a percent string of `base`; undefined for anything else. */
export function percentOf(v: unknown, base: number): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v) : null;
  return m ? (Number(m[1]) / 100) * base : undefined;
}

/**
 * A label's lines as ECharts prints them from `label.formatter` (a function, a template of {a} {b}
 * {d}, or none: the name); undefined when that cannot be done here (other templates, rich-text
 * markup, a formatter that throws): ECharts then draws the chart.
 */
export function labelText(formatter: unknown, params: { seriesName: string; name: string; percent?: number } & Obj): string[] | undefined {
  let text: unknown;
  if (formatter === undefined) text = params.name;
  else if (typeof formatter === 'function') {
    try {
      text = formatter(params);
    } catch {
      return undefined;
    }
  } else if (typeof formatter === 'string') {
    const values: Record<string, unknown> = { a: params.seriesName, b: params.name, d: params.percent };
    text = formatter.replace(/\{([abd])\}/g, (_, k: string) => String(values[k] ?? ''));
  } else return undefined;
  if (typeof text === 'number') text = String(text);
  // `{style|text}` is ECharts rich text; builders neutralise braces in data (plainLabel), so any left are markup.
  if (typeof text !== 'string' || /[{}]/.test(text)) return undefined;
  return text.split('\n');
}
