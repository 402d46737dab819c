/** @module Picks the viewer's language from a definition's text: "Sales" or {"en": "Sales", "ru": "Продажи"}. */
import type { LocalizedText } from '../definition/report-definition.js';
import type { Locale } from './messages.js';

/** The text in `locale`, else English, else the first one given. */
export function localize(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text)[0];
}
