/**
 * @module The demo project served with access control on (over real HTTP), with one user per role
 * whose attributes match a real department and manager of the generated CRM, the demo's grants,
 * and an API token limited to one dashboard. The state store is SQLite or PostgreSQL.
 */
import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import { type OpenedAccessControl, openAccessControl, type RunningServer, startServer } from '@vitrina/core/server';
import Database from 'better-sqlite3';
import { DEMO_MANAGER_DASHBOARDS } from '../../cli/src/demo/demo-access.js';
import { makeDemoProject, NOW, REPO } from '../server/server-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.js';
import { HttpClient } from './http-client.js';
import type { TestDialect } from './state-stores.js';

export const ROLES_UNDER_TEST = ['anonymous', 'manager', 'head', 'ceo', 'admin', 'token'] as const;
export type RoleUnderTest = (typeof ROLES_UNDER_TEST)[number];

export interface Scope {
  department: { id: number; name: string };
  manager: { id: number; name: string };
  managers: { id: number; name: string; department_id: number }[];
  departments: { id: number; name: string }[];
}

export interface SecuredServer {
  url: string;
  dir: string;
  project: Project;
  access: OpenedAccessControl;
  scope: Scope;
  clients: Record<RoleUnderTest, HttpClient>;
  /** Headers a request of this role adds (the token's Authorization). */
  headers(role: RoleUnderTest): Record<string, string>;
  server: RunningServer;
  dispose(): Promise<void>;
}

export const PASSWORDS = { manager: 'manager-pass-1', head: 'head-pass-1', ceo: 'ceo-pass-1', admin: 'admin-pass-1' } as const;

export async function startSecuredServer(dialect: TestDialect, prepare?: (dir: string) => void): Promise<SecuredServer> {
  let database: TestDatabase | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (dialect === 'postgres') {
    database = await createTestDatabase('vitrina_secured');
    env.VITRINA_TEST_STATE_URL = database.url;
  }
  const grants = {
    '*': { roles: ['executive'] },
    ...Object.fromEntries(DEMO_MANAGER_DASHBOARDS.map((id) => [id, { roles: ['manager'] }])),
  };
  const { dir, configPath } = await makeDemoProject({
    config: { auth: { grants }, ...(dialect === 'postgres' ? { state: { url: { env: 'VITRINA_TEST_STATE_URL' } } } : {}) },
  });
  prepare?.(dir);
  const db = new Database(join(dir, 'data', 'crm.sqlite'), { readonly: true });
  const departments = db.prepare('SELECT id, name FROM departments ORDER BY id').all() as Scope['departments'];
  const managers = db.prepare('SELECT id, name, department_id FROM managers ORDER BY id').all() as Scope['managers'];
  db.close();
  const department = departments[0] as Scope['department'];
  const manager = managers.find((m) => m.department_id === department.id) as Scope['manager'];
  const project = await openProject({ configPath, cwd: dir, resolveFrom: [join(REPO, 'cli')], now: () => NOW });
  const access = await openAccessControl(project, { log: () => {}, env });
  const users = access.store.users;
  await users.add({ username: 'admin', role: 'admin', password: PASSWORDS.admin });
  await users.add({ username: 'ceo', role: 'executive', password: PASSWORDS.ceo });
  await users.add({ username: 'head', role: 'executive', password: PASSWORDS.head, attributes: { department_id: department.id } });
  await users.add({
    username: 'manager',
    role: 'manager',
    password: PASSWORDS.manager,
    attributes: { manager_id: manager.id, department_id: department.id },
  });
  const { token } = await access.store.tokens.create('manager', { name: 'test', dashboards: ['sales'] });
  access.setupToken = undefined;
  const server = await startServer({ project, port: 0, access, log: () => {} });
  const clients = Object.fromEntries(ROLES_UNDER_TEST.map((r) => [r, new HttpClient(server.url)])) as Record<RoleUnderTest, HttpClient>;
  for (const role of ['manager', 'head', 'ceo', 'admin'] as const) {
    const r = await clients[role].login(role, PASSWORDS[role]);
    if (r.status !== 303) throw new Error(`login as ${role} failed: ${r.status}`);
  }
  return {
    url: server.url,
    dir,
    project,
    access,
    server,
    scope: { department, manager, managers, departments },
    clients,
    headers: (role): Record<string, string> => (role === 'token' ? { authorization: `Bearer ${token}` } : {}),
    async dispose() {
      await server.close();
      await access.close();
      await database?.drop();
    },
  };
}
