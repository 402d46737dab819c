/**
 * @module A label's text as ECharts prints it from its formatter, for the pie and the funnel.
 */
import type { Plain } from './option-read.js';

/**
 * A label's lines as ECharts prints them from `label.formatter` (a function, a template of {a} {b}
 * {d}, or none: the name); undefined when that cannot be done here (other templates, rich-text
 * markup, a formatter that throws): ECharts then draws the chart.
 */
export function labelText(
  formatter: unknown,
  params: { seriesName: string; name: string; percent?: number } & Plain,
): string[] | undefined {
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
