/** @module Words the engine puts in front of people, in English and Russian. */

export type Locale = 'en' | 'ru';

export const LOCALES: readonly Locale[] = ['en', 'ru'];

const en = {
  previous: 'previous period',
  delta: 'change',
  delta_pct: 'change, %',
  last_year: 'last year',
  yoy_delta: 'change vs last year',
  yoy_delta_pct: 'change vs last year, %',
  target: 'plan',
  attainment: '% of plan',
  run_rate: 'run-rate',
  run_rate_attainment: 'run-rate, % of plan',
  stage: 'Stage',
  value: 'Value',
  conversion_from_previous: 'Conversion from previous stage',
  conversion_from_first: 'Conversion from first stage',
  other: 'Other',
  'grain.hour': 'Hour',
  'grain.day': 'Day',
  'grain.week': 'Week',
  'grain.month': 'Month',
  'grain.quarter': 'Quarter',
  'grain.year': 'Year',
  'grain.weekday': 'Day of week',
  'grain.hour_of_day': 'Hour of day',
};

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  previous: 'пред. период',
  delta: 'изменение',
  delta_pct: 'изменение, %',
  last_year: 'год назад',
  yoy_delta: 'изменение к прошлому году',
  yoy_delta_pct: 'изменение к прошлому году, %',
  target: 'план',
  attainment: '% плана',
  run_rate: 'прогноз',
  run_rate_attainment: 'прогноз, % плана',
  stage: 'Этап',
  value: 'Значение',
  conversion_from_previous: 'Конверсия из предыдущего этапа',
  conversion_from_first: 'Конверсия из первого этапа',
  other: 'Прочие',
  'grain.hour': 'Час',
  'grain.day': 'День',
  'grain.week': 'Неделя',
  'grain.month': 'Месяц',
  'grain.quarter': 'Квартал',
  'grain.year': 'Год',
  'grain.weekday': 'День недели',
  'grain.hour_of_day': 'Час дня',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, ru };

export function t(locale: Locale, key: MessageKey): string {
  return MESSAGES[locale][key];
}
