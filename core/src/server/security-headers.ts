/**
 * @module Security headers on every response. Scripts only from this origin (the state is a JSON
 * data block, which CSP does not execute); stylesheets only from this origin, while style
 * *attributes* are allowed: the grid width is `style="--vt-span: N"` and ECharts positions its
 * tooltips with inline styles.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
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
  "frame-ancestors 'self'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  // Set before the handler runs: Hono merges them into the response it builds, whereas a header
  // set after `next()` makes it copy the finished Response (measured: the costliest step of a cached panel).
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    await next();
  };
}
