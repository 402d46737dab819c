/** @module The few words printed exports need (PDF header/footer, workbook cover), in English and Russian. */
import type { Locale } from '../../i18n/messages.js';

export const EXPORT_WORDS = {
  en: { page: 'Page', of: 'of', generated: 'Generated', parameter: 'Parameter', value: 'Value', error: 'Error' },
  ru: { page: 'Стр.', of: 'из', generated: 'Сформирован', parameter: 'Параметр', value: 'Значение', error: 'Ошибка' },
} as const satisfies Record<Locale, Record<string, string>>;

/** "26 Nov 2026, 15:04" on the reporting time zone's clock. */
export function generatedText(now: Date, locale: Locale, timezone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(now);
}
