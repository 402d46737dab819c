/**
 * @module The viewer's UI language: `?lang=` (remembered in a cookie), else the cookie, else the
 * config's locale, else English.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { VitrinaError } from '../errors/index.js';
import { LOCALES, type Locale } from '../i18n/messages.js';

export const LOCALE_COOKIE = 'vitrina_lang';

const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

export function chooseLocale(c: Context, fallback: Locale | undefined): Locale {
  const asked = c.req.query('lang');
  if (asked !== undefined && asked !== '') {
    if (!isLocale(asked))
      throw new VitrinaError('PARAMETER_INVALID', `parameter 'lang': '${asked.slice(0, 20)}' is not a language`, {
        hint: `use one of ${LOCALES.join(', ')}`,
      });
    setCookie(c, LOCALE_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax', httpOnly: true });
    return asked;
  }
  const remembered = getCookie(c, LOCALE_COOKIE);
  if (isLocale(remembered)) return remembered;
  return fallback ?? 'en';
}
