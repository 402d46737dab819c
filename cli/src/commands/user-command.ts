/**
 * @module `vitrina user add|list|passwd|set|disable|enable|remove`: accounts in the project's
 * state store. Every change is written to the audit log with the OS user who ran the command.
 */
import { userInfo } from 'node:os';
import type { AttributeValue } from '@vitrina/core';
import { VitrinaError } from '@vitrina/core';
import { checkPasswordRules, isRole, openStateFromConfig, type Role, type StateStore, type User } from '@vitrina/core/access';
import { EXIT_OK } from '../output/exit-codes.js';
import { readNewPassword } from './read-password.js';

export interface UserCommandOptions {
  config?: string;
  role?: string;
  attr?: Record<string, string | string[]>;
  name?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

const actor = () => `cli:${userInfo().username}`;

export function attributesFrom(pairs: Record<string, string | string[]> | undefined): Record<string, AttributeValue> {
  const num = (s: string): string | number => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(pairs ?? {})) {
    if (!/^[a-z_][a-z0-9_]*$/i.test(k))
      throw new VitrinaError('USAGE', `'${k}' is not an attribute name`, { hint: 'e.g. --attr manager_id=7' });
    out[k] = Array.isArray(v) ? v.map(num) : num(v);
  }
  return out;
}

function role(text: string | undefined): Role {
  if (!isRole(text)) throw new VitrinaError('USAGE', `--role must be admin, executive or manager, not '${text ?? ''}'`);
  return text;
}

async function withStore<T>(options: UserCommandOptions, run: (store: StateStore) => Promise<T>): Promise<T> {
  const store = await openStateFromConfig(options.config);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

function describe(u: User): string {
  const attrs = Object.entries(u.attributes)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : v}`)
    .join(' ');
  return `${u.username.padEnd(20)} ${u.role.padEnd(10)} ${u.disabled ? 'disabled' : 'active  '} ${attrs}${u.displayName ? `  (${u.displayName})` : ''}`;
}

export async function userCommand(action: string, username: string | undefined, options: UserCommandOptions): Promise<number> {
  const need = () => {
    if (!username) throw new VitrinaError('USAGE', `vitrina user ${action} needs a username`);
    return username;
  };
  return withStore(options, async (store) => {
    switch (action) {
      case 'add': {
        const name = need();
        const r = role(options.role ?? 'manager');
        const password = await readNewPassword(options);
        checkPasswordRules(password);
        const user = await store.users.add({
          username: name,
          role: r,
          password,
          attributes: attributesFrom(options.attr),
          ...(options.name ? { displayName: options.name } : {}),
        });
        await store.audit.record({
          event: 'user_added',
          actor: actor(),
          subject: user.username,
          details: { role: user.role, attributes: user.attributes },
        });
        process.stdout.write(`added ${describe(user)}\n`);
        return EXIT_OK;
      }
      case 'list': {
        const users = await store.users.list();
        if (options.json) process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        else if (users.length === 0) process.stdout.write(`no users yet in ${store.where}: vitrina user add <name> --role admin\n`);
        else for (const u of users) process.stdout.write(`${describe(u)}\n`);
        return EXIT_OK;
      }
      case 'passwd': {
        const name = need();
        await store.users.get(name);
        await store.users.setPassword(name, await readNewPassword(options));
        await store.audit.record({ event: 'user_password', actor: actor(), subject: name.toLowerCase() });
        process.stdout.write(`password changed for ${name}; their sessions are signed out\n`);
        return EXIT_OK;
      }
      case 'set': {
        const name = need();
        const change = {
          ...(options.role ? { role: role(options.role) } : {}),
          ...(options.attr ? { attributes: attributesFrom(options.attr) } : {}),
          ...(options.name !== undefined ? { displayName: options.name } : {}),
        };
        const user = await store.users.update(name, change);
        await store.sessions.revokeUser(user.username); // a narrower scope must apply at once
        await store.audit.record({
          event: 'user_changed',
          actor: actor(),
          subject: user.username,
          details: { role: user.role, attributes: user.attributes },
        });
        process.stdout.write(`changed ${describe(user)}\n`);
        return EXIT_OK;
      }
      case 'disable':
      case 'enable': {
        const user = await store.users.setDisabled(need(), action === 'disable');
        await store.audit.record({
          event: action === 'disable' ? 'user_disabled' : 'user_enabled',
          actor: actor(),
          subject: user.username,
        });
        process.stdout.write(
          `${action}d ${user.username}${action === 'disable' ? '; their sessions are signed out and tokens stop working' : ''}\n`,
        );
        return EXIT_OK;
      }
      case 'remove': {
        const name = need();
        await store.users.remove(name);
        await store.audit.record({ event: 'user_removed', actor: actor(), subject: name.toLowerCase() });
        process.stdout.write(`removed ${name} with their sessions and API tokens\n`);
        return EXIT_OK;
      }
      default:
        throw new VitrinaError('USAGE', `unknown action 'user ${action}'`, { hint: 'add, list, passwd, set, disable, enable, remove' });
    }
  });
}
