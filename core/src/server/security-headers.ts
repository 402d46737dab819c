/**
 * @module Security headers on every response. Scripts only from this origin (the state is a JSON
 * data block, which CSP does not execute); stylesheets only from this origin, while style
 * *attributes* are allowed: the grid width is `style="--vt-span: N"` and ECharts positions its
 * tooltips with inline styles.
 */
import type { MiddlewareHandler } from 'hono';
import { contentSecurityPolicy } from './auth/hardening-headers.js';

/** The policy without sign-in: the same as with it (one definition, in ./auth), embedding by this origin only. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(["'self'"]);

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
