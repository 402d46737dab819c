/**
 * @module `authenticate(access)`: finds who is asking — an `Authorization: Bearer vt_…` API token,
 * else the session cookie — and sets `principal`, `viewer` and `clientIp`. It rejects nothing
 * (`requireLogin` does); a bad token or cookie simply leaves the request anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { viewerOf } from '../../access/roles.js';
import type { AccessControl, AuthEnv } from './auth-types.js';
import { clientAddress } from './client-info.js';
import { csrfTokenFor } from './csrf-guard.js';
import { readSessionCookie } from './session-cookie.js';

export function authenticate(access: AccessControl): MiddlewareHandler<AuthEnv> {
  const { store, settings } = access;
  return async (c, next) => {
    c.set('clientIp', clientAddress(c, settings.trustProxy));
    const header = c.req.header('authorization');
    if (header?.startsWith('Bearer ')) {
      const verified = await store.tokens.verify(header.slice('Bearer '.length).trim());
      if (verified) {
        c.set('principal', { user: verified.user, tokenDashboards: verified.dashboards, via: 'token' });
        c.set('viewer', viewerOf(verified.user));
      }
      // A request that names a token is judged by the token alone, never by a cookie beside it.
      return next();
    }
    const secret = readSessionCookie(c);
    const session = secret ? await store.sessions.lookup(secret) : undefined;
    if (secret && session) {
      // The CSRF token (a SHA-256) is derived when a page or a POST needs it, not on every panel request.
      let csrfToken: string | undefined;
      c.set('principal', {
        user: session.user,
        via: 'session',
        sessionSecret: secret,
        get csrfToken() {
          csrfToken ??= csrfTokenFor(secret);
          return csrfToken;
        },
      });
      c.set('viewer', viewerOf(session.user));
    }
    return next();
  };
}
