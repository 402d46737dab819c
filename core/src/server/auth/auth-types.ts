/** @module What the auth middleware puts on each request, and what it needs to run. */

import type { AccessSettings } from '../../access/access-config.js';
import type { Principal } from '../../access/report-grants.js';
import type { Viewer } from '../../access/viewer.js';
import type { Locale } from '../../i18n/messages.js';
import type { StateStore } from '../../state/state-store.js';

export interface RequestPrincipal extends Principal {
  via: 'session' | 'token';
  /** Session requests: the token that state-changing requests must echo (see csrf-guard). */
  csrfToken?: string;
  /** Session requests: the cookie value, for logout. */
  sessionSecret?: string;
}

export interface AuthVariables {
  /** Set when the request carries a valid session cookie or API token. */
  principal?: RequestPrincipal;
  /** The row-scope viewer of the principal (unrestricted when auth is off). */
  viewer?: Viewer;
  /** The client address (X-Forwarded-For only with trustProxy). */
  clientIp?: string;
}

export interface AuthEnv {
  Variables: AuthVariables;
}

export interface AccessControl {
  store: StateStore;
  settings: AccessSettings;
  /**
   * One-time token for creating the first admin at /setup; set by the server when the store has
   * no users, cleared once used. Undefined: no setup possible.
   */
  setupToken?: string;
  log(message: string): void;
  /** Language of the login page when the visitor has not chosen one. Default en. */
  locale?: Locale;
  /** Demo mode: accounts shown on the login page (their passwords are public by design). */
  demoAccounts?: { username: string; password: string; role: string; note?: string }[];
  /** The clock (epoch ms). Default Date.now. */
  now?: () => number;
}
