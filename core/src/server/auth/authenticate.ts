/**
 * @module `authenticate(access)`: finds who is asking — an `Authorization: Bearer vt_…` API token,
 * else the session cookie — and sets `principal`, `viewer` and `clientIp`. It rejects nothing
 * (`requireLogin` does); a bad token or cookie simply leaves the request anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { type User, viewerOf } from '../../access/roles.js';
import type { Viewer } from '../../access/viewer.js';
import type { AccessControl, AuthEnv, RequestPrincipal } from './auth-types.js';
import { clientAddress } from './client-info.js';
import { csrfTokenFor } from './csrf-guard.js';
import { readSessionCookie } from './session-cookie.js';

/** A session's principal. Its CSRF token (a SHA-256) is derived when a page or a POST reads it, not on every panel request. */
class SessionPrincipal implements RequestPrincipal {
  readonly via = 'session' as const;
  #csrfToken: string | undefined;
  constructor(
    readonly user: User,
    readonly sessionSecret: string,
  ) {}
  get csrfToken(): string {
    this.#csrfToken ??= csrfTokenFor(this.sessionSecret);
    return this.#csrfToken;
  }
}

export function authenticate(access: AccessControl): MiddlewareHandler<AuthEnv> {
  const { store, settings } = access;
  // The stores hand out the same user object while they reuse a looked-up session or token, so
  // its viewer (and the response memo's key for it) is built once, not per request.
  const viewers = new WeakMap<User, Viewer>();
  const viewerFor = (user: User): Viewer => {
    let viewer = viewers.get(user);
    if (!viewer) {
      viewer = viewerOf(user);
      viewers.set(user, viewer);
    }
    return viewer;
  };
  return async (c, next) => {
    c.set('clientIp', clientAddress(c, settings.trustProxy));
    const header = c.req.header('authorization');
    if (header?.startsWith('Bearer ')) {
      const verified = await store.tokens.verify(header.slice('Bearer '.length).trim());
      if (verified) {
        c.set('principal', { user: verified.user, tokenDashboards: verified.dashboards, via: 'token' });
        c.set('viewer', viewerFor(verified.user));
      }
      // A request that names a token is judged by the token alone, never by a cookie beside it.
      return next();
    }
    const secret = readSessionCookie(c);
    const session = secret ? await store.sessions.lookup(secret) : undefined;
    if (secret && session) {
      c.set('principal', new SessionPrincipal(session.user, secret));
      c.set('viewer', viewerFor(session.user));
    }
    return next();
  };
}
