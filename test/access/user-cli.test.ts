/** `vitrina user`, `vitrina token` and `vitrina audit` in-process against a throwaway project (SQLite and PostgreSQL state). */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateFromConfig } from '../../core/src/state/open-project-state.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.js';
import { runCliCaptured } from '../support/run-cli-captured.js';
import { STATE_DIALECTS } from './state-stores.js';

const cli = runCliCaptured;

describe.each(STATE_DIALECTS)('user, token and audit commands (%s state)', (dialect) => {
  let dir: string;
  let config: string;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrina-users-'));
    config = join(dir, 'vitrina.config.json');
    if (dialect === 'postgres') {
      database = await createTestDatabase('vitrina_cli_state');
      process.env.VITRINA_TEST_STATE_URL = database.url;
    }
    writeFileSync(
      config,
      JSON.stringify({ sources: {}, ...(dialect === 'postgres' ? { state: { url: { env: 'VITRINA_TEST_STATE_URL' } } } : {}) }),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('adds users with a password from stdin, never from argv', async () => {
    const r = await cli(
      ['user', 'add', 'anna', '--role', 'manager', '--attr', 'manager_id=7', '--attr', 'region=North', '--password-stdin', '-c', config],
      'anna-password\n',
    );
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('anna');
    expect((await cli(['user', 'add', 'root', '--role', 'admin', '--password-stdin', '-c', config], 'root-password')).code).toBe(0);
    expect((await cli(['user', 'add', 'root', '--role', 'admin', '--password-stdin', '-c', config], 'root-password')).code).toBe(1);
    expect((await cli(['user', 'add', 'short', '--password-stdin', '-c', config], 'short')).code).toBe(1);
    // Without a terminal and without --password-stdin there is nobody to ask: a clear error.
    const noTty = await cli(['user', 'add', 'x', '-c', config], '');
    expect(noTty.code).toBe(1);
    expect(noTty.err).toContain('--password-stdin');
    if (dialect === 'sqlite') expect(statSync(join(dir, '.vitrina', 'state.sqlite')).mode & 0o077).toBe(0);
    const list = await cli(['user', 'list', '--json', '-c', config]);
    const users = JSON.parse(list.out) as { username: string; role: string; attributes: object }[];
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['anna', 'manager'],
      ['root', 'admin'],
    ]);
    expect(users[0]?.attributes).toEqual({ manager_id: 7, region: 'North' });
    expect(list.out).not.toContain('scrypt');
  });

  it('passwd, set, disable, enable, remove', async () => {
    expect((await cli(['user', 'passwd', 'anna', '--password-stdin', '-c', config], 'new-anna-password')).code).toBe(0);
    expect((await cli(['user', 'set', 'anna', '--attr', 'manager_id=8', '-c', config])).code).toBe(0);
    expect((await cli(['user', 'disable', 'anna', '-c', config])).code).toBe(0);
    const store = await openStateFromConfig(config);
    try {
      expect(await store.users.get('anna')).toMatchObject({ disabled: true, attributes: { manager_id: 8 } });
    } finally {
      await store.close();
    }
    expect((await cli(['user', 'enable', 'anna', '-c', config])).code).toBe(0);
    expect((await cli(['user', 'remove', 'nobody', '-c', config])).code).toBe(1);
  });

  it('tokens are printed once and listed without secrets', async () => {
    const created = await cli(['token', 'create', '--user', 'anna', '--dashboard', 'sales-activity', '--name', 'excel', '-c', config]);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^vt_[a-f0-9]{12}_/);
    const list = await cli(['token', 'list', '-c', config]);
    expect(list.out).toContain(token.slice(3, 15));
    expect(list.out).not.toContain(token.slice(16));
    expect((await cli(['token', 'revoke', token.slice(3, 15), '-c', config])).code).toBe(0);
    expect((await cli(['token', 'list', '-c', config])).out).toContain('revoked');
  });

  it('audit shows the changes, filtered by --since and --event', async () => {
    const all = await cli(['audit', '--json', '-c', config]);
    const events = (JSON.parse(all.out) as { event: string }[]).map((e) => e.event);
    expect(events).toEqual(
      expect.arrayContaining([
        'user_added',
        'user_password',
        'user_changed',
        'user_disabled',
        'user_enabled',
        'token_created',
        'token_revoked',
      ]),
    );
    expect(all.out).not.toContain('anna-password');
    const recent = await cli(['audit', '--since', '1h', '--event', 'user_added', '-c', config]);
    expect(recent.out.trim().split('\n')).toHaveLength(2);
    expect((await cli(['audit', '--since', 'yesterday-ish', '-c', config])).code).toBe(1);
    const future = await cli(['audit', '--since', '2999-01-01', '-c', config]);
    expect(future.out).toBe('');
  });
});
