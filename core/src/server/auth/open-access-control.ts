/**
 * @module Opens the access layer for a served project: the state store (migrated), the settings
 * from the config, and — when nobody can sign in yet — a one-time setup token for `/setup`.
 * Expired sessions are pruned at start and hourly.
 */
import { accessSettings } from '../../access/access-config.js';
import { randomSecret } from '../../access/random-token.js';
import type { ProjectConfig } from '../../config/project-config.js';
import { openProjectState } from '../../state/open-project-state.js';
import type { AccessControl } from './auth-types.js';

export interface OpenedAccessControl extends AccessControl {
  close(): Promise<void>;
}

export async function openAccessControl(
  project: { config: ProjectConfig; dir: string },
  options: { log: (message: string) => void; env?: NodeJS.ProcessEnv; demoAccounts?: AccessControl['demoAccounts'] },
): Promise<OpenedAccessControl> {
  const settings = accessSettings(project.config);
  const store = await openProjectState(project, { ...(options.env ? { env: options.env } : {}) });
  const users = await store.users.count();
  const prune = () => store.sessions.prune().catch((error) => options.log(`session pruning failed: ${(error as Error).message}`));
  await prune();
  const timer = setInterval(prune, 3600_000);
  timer.unref();
  if (!settings.enabled)
    options.log('warning: auth.enabled is false: every dashboard is served to anyone who can reach this server, unscoped');
  return {
    store,
    settings,
    log: options.log,
    ...(project.config.locale ? { locale: project.config.locale } : {}),
    ...(settings.enabled && users === 0 ? { setupToken: randomSecret() } : {}),
    ...(options.demoAccounts ? { demoAccounts: options.demoAccounts } : {}),
    async close() {
      clearInterval(timer);
      await store.close();
    },
  };
}
