/**
 * @module The client's address and whether the request came over HTTPS. Forwarded headers are
 * believed only with `trustProxy` (otherwise anyone could pick their own address and dodge the
 * per-address login throttle); then the left-most X-Forwarded-For entry is the client.
 */
import type { Context } from 'hono';

function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

export function clientAddress(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return socketAddress(c);
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  // The request URL is absolute: its scheme is its first characters (no URL parse per request).
  return c.req.url.startsWith('https:');
}
