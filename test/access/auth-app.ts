/**
 * @module A small Hono app behind the access layer, served over a real socket, for testing the
 * middleware apart from the dashboard server.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type AuthConfig, accessSettings, type ServerConfig } from '../../core/src/access/access-config.js';
import type { AccessControl, AuthEnv } from '../../core/src/server/auth/auth-types.js';
import { installAuth } from '../../core/src/server/auth/install-auth.js';
import type { StateStore } from '../../core/src/state/state-store.js';

export interface AuthApp {
  url: string;
  access: AccessControl;
  close(): Promise<void>;
}

export async function startAuthApp(
  store: StateStore,
  config: { auth?: AuthConfig; server?: ServerConfig } = {},
  extra: Partial<AccessControl> = {},
): Promise<AuthApp> {
  const access: AccessControl = { store, settings: accessSettings(config), log: () => {}, ...extra };
  const app = new Hono<AuthEnv>();
  installAuth(app, access);
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/assets/x.js', (c) => c.text('x'));
  app.get('/', (c) => c.html(`<p>hello ${c.get('principal')?.user.username}</p>`));
  app.get('/api/me', (c) =>
    c.json({
      user: c.get('principal')?.user.username ?? null,
      via: c.get('principal')?.via,
      viewer: c.get('viewer'),
      csrf: c.get('principal')?.csrfToken,
    }),
  );
  app.post('/api/change', (c) => c.json({ changed: true }));
  app.onError((error, c) =>
    c.json(
      { error: { code: (error as { code?: string }).code, message: error.message } },
      (error as { code?: string }).code === 'FORBIDDEN' ? 403 : 500,
    ),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    access,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
