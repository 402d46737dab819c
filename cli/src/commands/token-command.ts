/**
 * @module `vitrina token create|list|revoke`: API tokens for scripts and embedding. A token is
 * printed once at creation; the store keeps only its hash.
 */
import { userInfo } from 'node:os';
import { VitrinaError } from '@vitrina/core';
import { openStateFromConfig } from '@vitrina/core/access';
import { EXIT_OK } from '../output/exit-codes.js';

export interface TokenCommandOptions {
  config?: string;
  user?: string;
  dashboard?: string[];
  name?: string;
  expires?: string;
  json?: boolean;
}

function expiry(text: string | undefined, now = Date.now()): Date | undefined {
  if (!text) return undefined;
  const m = /^(\d+)d$/.exec(text);
  const date = m ? new Date(now + Number(m[1]) * 86_400_000) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new VitrinaError('USAGE', `--expires '${text}' is neither a date nor Nd (e.g. 90d)`);
  return date;
}

export async function tokenCommand(action: string, id: string | undefined, options: TokenCommandOptions): Promise<number> {
  const store = await openStateFromConfig(options.config);
  const actor = `cli:${userInfo().username}`;
  try {
    if (action === 'create') {
      if (!options.user) throw new VitrinaError('USAGE', 'vitrina token create needs --user <name> (the token reads as that user)');
      const user = await store.users.get(options.user);
      const dashboards = options.dashboard?.length ? options.dashboard : ['*'];
      const expiresAt = expiry(options.expires);
      const { token, info } = await store.tokens.create(user.username, {
        name: options.name ?? 'api',
        dashboards,
        ...(expiresAt ? { expiresAt } : {}),
      });
      await store.audit.record({
        event: 'token_created',
        actor,
        subject: user.username,
        details: { token: info.id, dashboards, name: info.name },
      });
      process.stderr.write(`API token ${info.id} for ${user.username} (dashboards: ${dashboards.join(', ')}). It is shown only now:\n`);
      process.stdout.write(`${token}\n`);
      process.stderr.write('use it as: curl -H "Authorization: Bearer <token>" …/api/reports/<id>\n');
      return EXIT_OK;
    }
    if (action === 'list') {
      const tokens = await store.tokens.list(options.user);
      if (options.json) process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
      else
        for (const t of tokens)
          process.stdout.write(
            `${t.id}  ${t.username.padEnd(16)} ${t.revoked ? 'revoked' : 'active '} ${t.name.padEnd(12)} ${t.dashboards.join(',')}${t.expiresAt ? `  expires ${t.expiresAt.toISOString()}` : ''}${t.lastUsedAt ? `  used ${t.lastUsedAt.toISOString()}` : ''}\n`,
          );
      return EXIT_OK;
    }
    if (action === 'revoke') {
      if (!id) throw new VitrinaError('USAGE', 'vitrina token revoke needs the token id (see vitrina token list)');
      const clean = id.replace(/^vt_/, '').split('_')[0] ?? '';
      const owner = await store.tokens.revoke(clean);
      await store.audit.record({ event: 'token_revoked', actor, subject: owner, details: { token: clean } });
      process.stdout.write(`revoked ${clean}\n`);
      return EXIT_OK;
    }
    throw new VitrinaError('USAGE', `unknown action 'token ${action}'`, { hint: 'create, list, revoke' });
  } finally {
    await store.close();
  }
}
