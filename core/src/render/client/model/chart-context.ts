/** @module What every option builder and renderer needs beside the data: locale, words, motion. */
import type { Locale } from '../../../i18n/messages.js';
import { type Translate, translator } from './client-messages.js';

export interface ChartContext {
  locale: Locale;
  /** ISO 4217 code for currency columns; formatValue's default (RUB for ru, USD for en) when absent. */
  currency?: string;
  /** Reporting time zone: only for instants such as "data as of"; result dates are already local. */
  timezone?: string;
  /** False in the static export and in print, so the PDF never catches a bar mid-animation. */
  animation: boolean;
  /** Measure name → which direction is good; absent means up. */
  goodWhen?: Record<string, 'up' | 'down'>;
  t: Translate;
}

export function chartContext(options: Partial<ChartContext> & { locale: Locale; messages?: Record<string, string> }): ChartContext {
  const { messages, ...rest } = options;
  return { animation: true, ...rest, t: options.t ?? translator(options.locale, messages) };
}
