/**
 * @module Security headers on every response: a CSP allowing only Vitrina's own scripts, styles
 * and connections (style *attributes* stay allowed: grid spans and ECharts tooltips use them),
 * frame-ancestors from `server.frameAncestors` (embedding), nosniff, a same-origin referrer
 * policy, and HSTS when the site is HTTPS.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AccessSettings } from '../../access/access-config.js';
import { VitrinaError } from '../../errors/index.js';
import type { AuthEnv } from './auth-types.js';
import { isHttps } from './client-info.js';

const HSTS = 'max-age=31536000';
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

/**
 * The body of `hardeningHeaders` as a plain step, checked at start-up: the constant headers are
 * built once, HSTS is added per request when the site is HTTPS.
 */
export function securityHeaderWriter(
  settings: Pick<AccessSettings, 'frameAncestors' | 'trustProxy' | 'httpsOnly'>,
): (c: Context<AuthEnv>) => void {
  // A bad entry (a quote, a semicolon) could inject CSP directives: refuse it at start-up.
  const bad = settings.frameAncestors.find((s) => !SOURCE.test(s));
  if (bad !== undefined)
    throw new VitrinaError('CONFIG_INVALID', `server.frameAncestors: '${bad}' is not an origin`, {
      pointer: '/server/frameAncestors',
      hint: "use 'self', 'none' or https://host[:port]",
    });
  const onlySelf = settings.frameAncestors.length === 1 && settings.frameAncestors[0] === "'self'";
  const constant: readonly (readonly [string, string])[] = [
    ['Content-Security-Policy', contentSecurityPolicy(settings.frameAncestors)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...(onlySelf ? [['X-Frame-Options', 'SAMEORIGIN'] as const] : []),
    ...(settings.httpsOnly ? [['Strict-Transport-Security', HSTS] as const] : []),
  ];
  // Set before the route runs: Hono copies a finished Response to add a header afterwards, which
  // doubled the cost of a cached panel request (test/bench/auth-bench.mjs).
  return (c) => {
    for (const [name, value] of constant) c.header(name, value);
    if (!settings.httpsOnly && isHttps(c, settings.trustProxy)) c.header('Strict-Transport-Security', HSTS);
  };
}

export function hardeningHeaders(
  settings: Pick<AccessSettings, 'frameAncestors' | 'trustProxy' | 'httpsOnly'>,
): MiddlewareHandler<AuthEnv> {
  const write = securityHeaderWriter(settings);
  return async (c, next) => {
    write(c);
    await next();
  };
}

/** The body of `privateResponses`: signed-in answers (but assets) stay out of shared caches. */
export function markPrivate(c: Context<AuthEnv>): void {
  if (c.get('principal') && !c.req.path.startsWith('/assets/')) {
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Cookie, Authorization');
  }
}

/**
 * Responses to signed-in requests stay out of shared caches (routes may still choose their own
 * private caching) and vary on the credentials. Installed after `authenticate`.
 */
export function privateResponses(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    markPrivate(c);
    await next();
  };
}
