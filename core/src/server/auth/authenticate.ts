/**
 * @module `authenticate(access)`: finds who is asking — an `Authorization: Bearer vt_…` API token,
 * else the session cookie — and sets `principal`, `viewer` and `clientIp`. It rejects nothing
 * (`requireLogin` does); a bad token or cookie simply leaves the request anonymous.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { type User, viewerOf } from '../../access/roles.js';
import type { ActiveSession } from '../../access/session-store.js';
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

/**
 * The body of `authenticate` as a plain step: sets `principal`, `viewer` and `clientIp`, and
 * returns a promise only when it had to ask the store (a session reused from a recent lookup is
 * answered synchronously: most requests are a dashboard's burst of panel requests on one session).
 */
export function identifier(access: AccessControl): (c: Context<AuthEnv>) => Promise<void> | undefined {
  const { store, settings } = access;
  // The stores hand out the same user object while they reuse a looked-up session or token, so
  // its viewer (and the response memo's key for it) is built once, not per request; likewise
  // one principal per reused session, so its CSRF token is derived once.
  const viewers = new WeakMap<User, Viewer>();
  const viewerFor = (user: User): Viewer => {
    let viewer = viewers.get(user);
    if (!viewer) {
      viewer = viewerOf(user);
      viewers.set(user, viewer);
    }
    return viewer;
  };
  const principals = new WeakMap<ActiveSession, SessionPrincipal>();
  const signIn = (c: Context<AuthEnv>, session: ActiveSession, secret: string): void => {
    let principal = principals.get(session);
    if (principal?.sessionSecret !== secret) {
      principal = new SessionPrincipal(session.user, secret);
      principals.set(session, principal);
    }
    c.set('principal', principal);
    c.set('viewer', viewerFor(session.user));
  };
  const byToken = async (c: Context<AuthEnv>, token: string): Promise<void> => {
    const verified = await store.tokens.verify(token);
    if (verified) {
      c.set('principal', { user: verified.user, tokenDashboards: verified.dashboards, via: 'token' });
      c.set('viewer', viewerFor(verified.user));
    }
  };
  const bySession = async (c: Context<AuthEnv>, secret: string): Promise<void> => {
    const session = await store.sessions.lookup(secret);
    if (session) signIn(c, session, secret);
  };
  return (c) => {
    c.set('clientIp', clientAddress(c, settings.trustProxy));
    const header = c.req.header('authorization');
    // A request that names a token is judged by the token alone, never by a cookie beside it.
    if (header?.startsWith('Bearer ')) return byToken(c, header.slice('Bearer '.length).trim());
    const secret = readSessionCookie(c);
    if (!secret) return undefined;
    const reused = store.sessions.cached(secret);
    if (!reused) return bySession(c, secret);
    signIn(c, reused, secret);
    return undefined;
  };
}

export function authenticate(access: AccessControl): MiddlewareHandler<AuthEnv> {
  const identify = identifier(access);
  return async (c, next) => {
    await identify(c);
    return next();
  };
}
