/**
 * @module Security headers on every response: a CSP allowing only Vitrina's own scripts, styles
 * and connections (style *attributes* stay allowed: grid spans and ECharts tooltips use them),
 * frame-ancestors from `server.frameAncestors` (embedding), nosniff, a same-origin referrer
 * policy, and HSTS when the site is HTTPS. Responses to signed-in requests are never stored by
 * shared caches.
 */
import type { MiddlewareHandler } from 'hono';
import type { AccessSettings } from '../../access/access-config.js';
import { VitrinaError } from '../../errors/index.js';
import type { AuthEnv } from './auth-types.js';
import { isHttps } from './client-info.js';

const SOURCE = /^('self'|'none'|https?:\/\/[a-z0-9.-]+(:\d+)?|\*\.[a-z0-9.-]+)$/i;

export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

export function hardeningHeaders(
  settings: Pick<AccessSettings, 'frameAncestors' | 'trustProxy' | 'httpsOnly'>,
): MiddlewareHandler<AuthEnv> {
  // A bad entry (a quote, a semicolon) could inject CSP directives: refuse it at start-up.
  const bad = settings.frameAncestors.find((s) => !SOURCE.test(s));
  if (bad !== undefined)
    throw new VitrinaError('CONFIG_INVALID', `server.frameAncestors: '${bad}' is not an origin`, {
      pointer: '/server/frameAncestors',
      hint: "use 'self', 'none' or https://host[:port]",
    });
  const csp = contentSecurityPolicy(settings.frameAncestors);
  const onlySelf = settings.frameAncestors.length === 1 && settings.frameAncestors[0] === "'self'";
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (onlySelf) c.header('X-Frame-Options', 'SAMEORIGIN');
    else c.res.headers.delete('X-Frame-Options');
    if (settings.httpsOnly || isHttps(c, settings.trustProxy)) c.header('Strict-Transport-Security', 'max-age=31536000');
    if (c.get('principal') && !c.req.path.startsWith('/assets/')) {
      const cc = c.res.headers.get('Cache-Control');
      if (!cc || cc.includes('public')) c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Cookie, Authorization', { append: true });
    }
  };
}
