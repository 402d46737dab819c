/**
 * @module Users in the state store: add, read, list, change password, disable, remove. Disabling
 * or removing a user, or changing the password, ends their sessions at once; removing also drops
 * their API tokens (disabled users' tokens stop working because every check reads the user).
 */
import type { Kysely, Selectable } from 'kysely';
import { VitrinaError } from '../errors/index.js';
import type { StateTables, UserRow } from '../state/state-tables.js';
import { hashPassword } from './password-hash.js';
import { isRole, type Role, USERNAME_PATTERN, type User } from './roles.js';
import type { AttributeValue } from './viewer.js';

export interface NewUser {
  username: string;
  role: Role;
  displayName?: string;
  attributes?: Record<string, AttributeValue>;
  password?: string;
}

export function toUser(row: Selectable<UserRow>): User {
  return {
    username: row.username,
    role: isRole(row.role) ? row.role : 'manager',
    ...(row.display_name ? { displayName: row.display_name } : {}),
    attributes: JSON.parse(row.attributes) as Record<string, AttributeValue>,
    disabled: Number(row.disabled) === 1,
    hasPassword: row.password_hash !== null,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export function normaliseUsername(name: string): string {
  const username = name.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username))
    throw new VitrinaError('USAGE', `'${name.slice(0, 80)}' is not a valid username`, {
      hint: 'use 1–64 characters: letters, digits, . _ @ - (e.g. anna.petrova)',
    });
  return username;
}

export class UserStore {
  /** Called after a user's role, attributes, password or status changed, or the user was removed. */
  onChange: (username: string) => void = () => {};

  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly now: () => number,
  ) {}

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('vitrina_users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async add(user: NewUser): Promise<User> {
    const username = normaliseUsername(user.username);
    if (!isRole(user.role)) throw new VitrinaError('USAGE', `unknown role '${String(user.role)}'`, { hint: 'admin, executive or manager' });
    const hash = user.password === undefined ? null : await hashPassword(user.password);
    const at = this.now();
    if (await this.find(username)) throw new VitrinaError('USER_EXISTS', `user '${username}' already exists`);
    await this.db
      .insertInto('vitrina_users')
      .values({
        username,
        role: user.role,
        display_name: user.displayName ?? null,
        attributes: JSON.stringify(user.attributes ?? {}),
        password_hash: hash,
        disabled: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return this.get(username);
  }

  async find(name: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('vitrina_users').selectAll().where('username', '=', name.trim().toLowerCase()).executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  async get(name: string): Promise<User> {
    const user = await this.find(name);
    if (!user) throw new VitrinaError('USER_NOT_FOUND', `no user '${name.slice(0, 80)}'`, { hint: "see 'vitrina user list'" });
    return user;
  }

  /** The stored hash, for login only. */
  async passwordHash(username: string): Promise<string | null | undefined> {
    const row = await this.db.selectFrom('vitrina_users').select('password_hash').where('username', '=', username).executeTakeFirst();
    return row?.password_hash;
  }

  async list(): Promise<User[]> {
    return (await this.db.selectFrom('vitrina_users').selectAll().orderBy('username').execute()).map(toUser);
  }

  async setPassword(name: string, password: string): Promise<void> {
    const user = await this.get(name);
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('vitrina_users')
        .set({ password_hash: hash, updated_at: this.now() })
        .where('username', '=', user.username)
        .execute();
      await tx.deleteFrom('vitrina_sessions').where('username', '=', user.username).execute();
    });
    this.onChange(user.username);
  }

  async update(name: string, change: { role?: Role; attributes?: Record<string, AttributeValue>; displayName?: string }): Promise<User> {
    const user = await this.get(name);
    await this.db
      .updateTable('vitrina_users')
      .set({
        ...(change.role ? { role: change.role } : {}),
        ...(change.attributes ? { attributes: JSON.stringify(change.attributes) } : {}),
        ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
        updated_at: this.now(),
      })
      .where('username', '=', user.username)
      .execute();
    this.onChange(user.username);
    return this.get(user.username);
  }

  async setDisabled(name: string, disabled: boolean): Promise<User> {
    const user = await this.get(name);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('vitrina_users')
        .set({ disabled: disabled ? 1 : 0, updated_at: this.now() })
        .where('username', '=', user.username)
        .execute();
      if (disabled) await tx.deleteFrom('vitrina_sessions').where('username', '=', user.username).execute();
    });
    this.onChange(user.username);
    return this.get(user.username);
  }

  async remove(name: string): Promise<void> {
    const user = await this.get(name);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('vitrina_sessions').where('username', '=', user.username).execute();
      await tx.deleteFrom('vitrina_api_tokens').where('username', '=', user.username).execute();
      await tx.deleteFrom('vitrina_users').where('username', '=', user.username).execute();
    });
    this.onChange(user.username);
  }
}
