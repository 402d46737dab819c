/**
 * @module JSON responses with an ETag (a hash of the body) and `Cache-Control: private,
 * max-age=<ttl>`, answering `If-None-Match` with 304. Private: a response may be scoped to the
 * viewer, so shared caches must not keep it.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** `If-None-Match` may list several tags or `*`; weak tags match their strong form. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * A serialised answer: the body as UTF-8 bytes (encoded once, not on every write), its ETag and
 * the Cache-Control it is sent with.
 */
export interface JsonBody {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  cacheControl: string;
}

/**
 * Serialized bodies by value: the engine returns the same object for a repeat view of a cached
 * panel, so a hot panel is stringified and hashed once, not per request.
 */
const serialized = new WeakMap<object, { body: Uint8Array<ArrayBuffer>; etag: string }>();

function serialize(value: unknown): { body: Uint8Array<ArrayBuffer>; etag: string } {
  const known = typeof value === 'object' && value !== null ? serialized.get(value) : undefined;
  if (known) return known;
  const body = new TextEncoder().encode(JSON.stringify(value));
  const entry = { body, etag: etagOf(body) };
  if (typeof value === 'object' && value !== null) serialized.set(value, entry);
  return entry;
}

export function cacheControlFor(ttlSeconds: number): string {
  return ttlSeconds > 0 ? `private, max-age=${Math.floor(ttlSeconds)}` : 'private, no-cache';
}

/** `value` serialised (once per object) with the Cache-Control of `ttlSeconds`. */
export function jsonBody(value: unknown, ttlSeconds: number): JsonBody {
  return { ...serialize(value), cacheControl: cacheControlFor(ttlSeconds) };
}

/** Sends a serialised answer, or 304 when the client holds it already. */
export function sendJson(c: Context, json: JsonBody): Response {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': json.cacheControl, ETag: json.etag };
  if (matches(c.req.header('If-None-Match'), json.etag)) return c.body(null, 304, headers);
  return c.body(json.body, 200, headers);
}

export function cachedJson(c: Context, value: unknown, ttlSeconds: number, status = 200): Response {
  if (status !== 200)
    return c.body(JSON.stringify(value), status as 400, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  return sendJson(c, jsonBody(value, ttlSeconds));
}
