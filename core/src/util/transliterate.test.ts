import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.js';

describe('transliterate', () => {
  it('spells Russian and Ukrainian letters in Latin, in lower case, keeping everything else', () => {
    expect(transliterate('Фёдорова')).toBe('fedorova');
    expect(transliterate('Менеджер')).toBe('menedzher');
    expect(transliterate('Щука, Подъезд № 5')).toBe('shchuka, podezd № 5');
    expect(transliterate('Їжак Ґанок')).toBe('yizhak ganok');
    expect(transliterate('Order ID')).toBe('order id');
  });
});
