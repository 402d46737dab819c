/**
 * @module JSON responses with an ETag (a hash of the body) and `Cache-Control: private,
 * max-age=<ttl>`, answering `If-None-Match` with 304. Private: a response may be scoped to the
 * viewer, so shared caches must not keep it.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** `If-None-Match` may list several tags or `*`; weak tags match their strong form. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function cachedJson(c: Context, value: unknown, ttlSeconds: number, status = 200): Response {
  const body = JSON.stringify(value);
  if (status !== 200)
    return c.body(body, status as 400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  const etag = etagOf(body);
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': ttlSeconds > 0 ? `private, max-age=${Math.floor(ttlSeconds)}` : 'private, no-cache',
    ETag: etag,
  };
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}
