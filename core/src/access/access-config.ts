/**
 * @module The `auth` and `server` blocks of the config (their JSON Schema is the truth) and the
 * settings derived from them, with defaults in one place.
 */
import type { SessionLimits } from './session-store.js';

export interface Grant {
  roles?: string[];
  users?: string[];
}

export interface AuthConfig {
  /** Default true. false serves everything unscoped: for a loopback-only server. */
  enabled?: boolean;
  /** Default 30. */
  sessionIdleMinutes?: number;
  /** Default 12. */
  sessionMaxHours?: number;
  /** Dashboards granted by report id (`*` for all), added to each definition's `access`. */
  grants?: Record<string, Grant>;
  throttle?: { windowMinutes?: number; perAccount?: number; perAddress?: number };
  /** Show the demo accounts on the login page. Default false. */
  demo?: boolean;
}

export interface ServerConfig {
  port?: number;
  host?: string;
  /** e.g. https://bi.example.com; https makes session cookies always Secure. */
  publicUrl?: string;
  /** Believe X-Forwarded-For/-Proto. Default false. */
  trustProxy?: boolean;
  /** CSP frame-ancestors. Default ["'self'"]. */
  frameAncestors?: string[];
  /** Default 65536. */
  maxBodyBytes?: number;
}

export interface ThrottleSettings {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export interface AccessSettings {
  enabled: boolean;
  session: SessionLimits;
  throttle: ThrottleSettings;
  grants: Record<string, Grant>;
  demo: boolean;
  trustProxy: boolean;
  /** True when the public address is https: cookies are Secure whatever the request says. */
  httpsOnly: boolean;
  frameAncestors: string[];
  maxBodyBytes: number;
}

export function accessSettings(config: { auth?: AuthConfig; server?: ServerConfig }): AccessSettings {
  const auth = config.auth ?? {};
  const server = config.server ?? {};
  return {
    enabled: auth.enabled !== false,
    session: { idleMs: (auth.sessionIdleMinutes ?? 30) * 60_000, absoluteMs: (auth.sessionMaxHours ?? 12) * 3600_000 },
    throttle: {
      windowMs: (auth.throttle?.windowMinutes ?? 15) * 60_000,
      perAccount: auth.throttle?.perAccount ?? 5,
      perAddress: auth.throttle?.perAddress ?? 30,
    },
    grants: auth.grants ?? {},
    demo: auth.demo === true,
    trustProxy: server.trustProxy === true,
    httpsOnly: server.publicUrl?.startsWith('https://') ?? false,
    frameAncestors: server.frameAncestors ?? ["'self'"],
    maxBodyBytes: server.maxBodyBytes ?? 65_536,
  };
}
