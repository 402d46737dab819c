/**
 * @module The sign-in and first-run setup pages, in English and Russian: plain HTML with every
 * value escaped, styled by one same-origin stylesheet (the CSP forbids inline styles and scripts).
 */
import type { Locale } from '../../i18n/messages.js';
import { escapeHtml } from './html-escape.js';

const TEXT = {
  en: {
    title: 'Sign in — Vitrina',
    heading: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong username or password.',
    throttled: (m: number) => `Too many failed attempts. Try again in ${m} min.`,
    expired: 'The form expired. Please try again.',
    setupTitle: 'Create the first administrator — Vitrina',
    setupHeading: 'Create the first administrator',
    setupSubmit: 'Create and sign in',
    setupInvalid: 'This setup link is not valid any more. Restart the server for a new one, or use `vitrina user add --role admin`.',
    demo: 'Demo accounts',
    language: 'Русский',
  },
  ru: {
    title: 'Вход — Vitrina',
    heading: 'Вход',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Войти',
    failed: 'Неверное имя пользователя или пароль.',
    throttled: (m: number) => `Слишком много неудачных попыток. Повторите через ${m} мин.`,
    expired: 'Форма устарела. Попробуйте ещё раз.',
    setupTitle: 'Первый администратор — Vitrina',
    setupHeading: 'Создайте первого администратора',
    setupSubmit: 'Создать и войти',
    setupInvalid: 'Ссылка для настройки недействительна. Перезапустите сервер или выполните `vitrina user add --role admin`.',
    demo: 'Демо-пользователи',
    language: 'English',
  },
} as const;

export type LoginMessage = 'failed' | 'expired' | { throttledMinutes: number } | { text: string };

export interface LoginPageOptions {
  locale: Locale;
  formToken: string;
  next: string;
  message?: LoginMessage;
  username?: string;
  /** Demo mode: accounts to show (demo passwords are public by design). */
  demoAccounts?: { username: string; password: string; role: string; note?: string }[];
  setup?: { token: string };
}

function messageText(locale: Locale, message: LoginMessage | undefined): string | undefined {
  if (!message) return undefined;
  const t = TEXT[locale];
  if (message === 'failed') return t.failed;
  if (message === 'expired') return t.expired;
  if ('throttledMinutes' in message) return t.throttled(message.throttledMinutes);
  return message.text;
}

export function loginPage(o: LoginPageOptions): string {
  const t = TEXT[o.locale];
  const e = escapeHtml;
  const message = messageText(o.locale, o.message);
  const action = o.setup ? '/setup' : '/login';
  const other = o.locale === 'en' ? 'ru' : 'en';
  const demo = o.demoAccounts?.length
    ? `<section class="demo"><h2>${e(t.demo)}</h2><table>${o.demoAccounts
        .map(
          (a) =>
            `<tr><td><code>${e(a.username)}</code></td><td><code>${e(a.password)}</code></td><td>${e(a.role)}${a.note ? ` — ${e(a.note)}` : ''}</td></tr>`,
        )
        .join('')}</table></section>`
    : '';
  return `<!doctype html>
<html lang="${o.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><title>${e(o.setup ? t.setupTitle : t.title)}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/auth/login.css"></head>
<body><main class="login"><h1>${e(o.setup ? t.setupHeading : t.heading)}</h1>
${message ? `<p class="message" role="alert">${e(message)}</p>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="_csrf" value="${e(o.formToken)}">
<input type="hidden" name="next" value="${e(o.next)}">
${o.setup ? `<input type="hidden" name="token" value="${e(o.setup.token)}">` : ''}
<label>${e(t.username)}<input name="username" autocomplete="username" required maxlength="64" value="${e(o.username ?? '')}"></label>
<label>${e(t.password)}<input name="password" type="password" autocomplete="${o.setup ? 'new-password' : 'current-password'}" required maxlength="1024"></label>
<button type="submit">${e(o.setup ? t.setupSubmit : t.submit)}</button>
</form>
<p class="lang"><a href="${action}?lang=${other}&amp;next=${e(encodeURIComponent(o.next))}${o.setup ? `&amp;token=${e(encodeURIComponent(o.setup.token))}` : ''}">${e(t.language)}</a></p>
${demo}</main></body></html>`;
}

export function setupInvalidText(locale: Locale): string {
  return TEXT[locale].setupInvalid;
}

import { ADMIN_CSS } from './admin-page.js';

export const LOGIN_CSS = `body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f9;color:#1d2733}
.login{max-width:360px;margin:10vh auto;padding:32px;background:#fff;border-radius:12px;box-shadow:0 2px 16px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0 0 20px}h2{font-size:15px;margin:24px 0 8px}label{display:block;margin:0 0 14px;font-size:14px;color:#4a5868}
input{display:block;width:100%;box-sizing:border-box;margin-top:4px;padding:10px;font:inherit;border:1px solid #c8d0da;border-radius:8px}
button{width:100%;padding:11px;font:inherit;font-weight:600;color:#fff;background:#2463eb;border:0;border-radius:8px;cursor:pointer}
.message{padding:10px;border-radius:8px;background:#fdecec;color:#a21b1b;font-size:14px}.lang{text-align:right;font-size:13px}
.demo table{width:100%;font-size:13px;border-collapse:collapse}.demo td{padding:3px 4px;border-top:1px solid #eef1f5}
@media (prefers-color-scheme:dark){body{background:#12161c;color:#e3e8ef}.login,.admin{background:#1b222c}input{background:#12161c;color:inherit;border-color:#36414f}}
${ADMIN_CSS}`;
