/**
 * @module Cyrillic in Latin letters (`Фёдорова` → `fedorova`, `Сумма` → `summa`): for identifiers
 * made from Russian (and Ukrainian) text, such as CSV column names and e-mail addresses.
 */

// Russian exports are the common non-ASCII case: transliterate rather than drop the letters,
// so `Менеджер` stays recognisable as `menedzher`.
const CYRILLIC_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** Lower case, each Cyrillic letter spelt in Latin; every other character is kept as it is. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYRILLIC_LATIN[ch] ?? ch;
  return out;
}
