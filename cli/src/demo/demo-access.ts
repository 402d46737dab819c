/**
 * @module Demo mode for access control: one account per role with a known password, printed on
 * start and listed on the login page — the demo runs on a laptop, its passwords are public by
 * design and must never be used elsewhere. The head of department and the manager carry the
 * attributes of a real department and manager of the generated CRM, so each sees exactly their
 * scope. The demo config grants every dashboard to executives and the sales ones to managers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttributeValue } from '@vitrina/core';
import { loadConfig } from '@vitrina/core';
import { openProjectState, type Role } from '@vitrina/core/access';
import Database from 'better-sqlite3';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { DEMO_TASKS, seedDemoTasks } from './demo-tasks.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  note?: string;
  attributes?: Record<string, AttributeValue>;
}

/** Dashboards a demo manager may open; executives and admins see all. */
export const DEMO_MANAGER_DASHBOARDS = ['sales', 'sales-activity', 'sales-funnel', 'client-base'];

/** The first department and its first active manager in the generated CRM. */
export function demoScope(crmFile: string): { department: { id: number; name: string }; manager: { id: number; name: string } } {
  const db = new Database(crmFile, { readonly: true, fileMustExist: true });
  try {
    const department = db.prepare('SELECT id, name FROM departments ORDER BY id LIMIT 1').get() as { id: number; name: string };
    const manager = db
      .prepare('SELECT id, name FROM managers WHERE department_id = ? AND active = 1 ORDER BY id LIMIT 1')
      .get(department.id) as { id: number; name: string };
    return { department, manager };
  } finally {
    db.close();
  }
}

export function demoAccounts(crmFile: string): DemoAccount[] {
  const { department, manager } = demoScope(crmFile);
  return [
    { username: 'admin', password: 'demo-admin', role: 'admin', note: 'everything, /admin' },
    { username: 'ceo', password: 'demo-ceo-1', role: 'executive', note: 'every dashboard, every row' },
    {
      username: 'head',
      password: 'demo-head-1',
      role: 'executive',
      note: `head of ${department.name} (department_id=${department.id})`,
      attributes: { department_id: department.id },
    },
    {
      username: 'manager',
      password: 'demo-manager',
      role: 'manager',
      note: `${manager.name} (manager_id=${manager.id}), sales dashboards`,
      attributes: { manager_id: manager.id, department_id: department.id },
    },
  ];
}

/** Writes the demo's `auth` and `tasks` blocks into the config, (re)creates the demo accounts and seeds the demo tasks. */
export async function setupDemoAccess(dir: string): Promise<DemoAccount[]> {
  const configPath = join(dir, 'vitrina.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  config.auth = {
    demo: true,
    grants: {
      '*': { roles: ['executive'] },
      ...Object.fromEntries(DEMO_MANAGER_DASHBOARDS.map((id) => [id, { roles: ['manager'] }])),
    },
  };
  // Recurring control tasks for the head of sales (the tasks page, the personnel-control tasks panel).
  config.tasks = DEMO_TASKS;
  writeFileAtomic(configPath, `${JSON.stringify(config, null, 2)}\n`);
  const accounts = demoAccounts(join(dir, 'data', 'crm.sqlite'));
  const store = await openProjectState(loadConfig(configPath));
  try {
    for (const a of accounts) {
      if (await store.users.find(a.username)) await store.users.remove(a.username);
      await store.users.add({ username: a.username, role: a.role, password: a.password, attributes: a.attributes ?? {} });
    }
    await store.audit.record({ event: 'user_added', actor: 'vitrina demo', details: { demo: accounts.map((a) => a.username) } });
    await seedDemoTasks(store.db);
  } finally {
    await store.close();
  }
  return accounts;
}
