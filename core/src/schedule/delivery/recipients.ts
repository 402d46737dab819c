/**
 * @module Who a delivery goes to, and under which row scope. A user name is looked up in the
 * state store's users (their attributes are their scope, their `email` attribute or the
 * recipient's `address` the mailbox; admins and unscoped executives see everything, as on the
 * dashboard). A bare address is unrestricted: the admin wrote it into the config. An inline
 * `{address, attributes}` carries its own scope, for teams without user accounts yet.
 */
import type { Kysely } from 'kysely';
import { type AttributeValue, scopedViewer, UNRESTRICTED_VIEWER, type Viewer } from '../../access/viewer.js';
import { VitrinaError } from '../../errors/index.js';
import type { RecipientConfig } from '../schedule-types.js';

export interface ResolvedRecipient {
  /** Name in the delivery log: the user name or the address. */
  key: string;
  address?: string;
  displayName?: string;
  viewer: Viewer;
}

export interface DirectoryUser {
  role: string;
  displayName?: string;
  attributes: Record<string, AttributeValue>;
  disabled: boolean;
}

/** The users a recipient name may refer to (the access-control store's users). */
export interface UserDirectory {
  find(username: string): Promise<DirectoryUser | undefined>;
}

/** Reads `vitrina_users`; a store without that table (no access control yet) knows no users. */
export function stateUserDirectory(db: Kysely<any>): UserDirectory {
  return {
    async find(username) {
      const row = await db
        .selectFrom('vitrina_users')
        .select(['role', 'display_name', 'attributes', 'disabled'])
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst()
        .catch(() => undefined);
      if (!row) return undefined;
      return {
        role: String(row.role),
        displayName: row.display_name ?? undefined,
        attributes: JSON.parse(String(row.attributes)) as Record<string, AttributeValue>,
        disabled: Number(row.disabled) === 1,
      };
    },
  };
}

function userViewer(user: DirectoryUser): Viewer {
  const scope = Object.fromEntries(Object.entries(user.attributes).filter(([k]) => k !== 'email'));
  if (user.role === 'admin') return UNRESTRICTED_VIEWER;
  if (user.role === 'executive' && Object.keys(scope).length === 0) return UNRESTRICTED_VIEWER;
  return scopedViewer(scope);
}

const isAddress = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text);

/** The log key of a configured recipient (known without touching the store). */
export function recipientKey(recipient: RecipientConfig): string {
  if (typeof recipient === 'string') return recipient.trim().toLowerCase();
  return 'user' in recipient ? recipient.user.toLowerCase() : recipient.address.toLowerCase();
}

export async function resolveRecipient(recipient: RecipientConfig, users: UserDirectory): Promise<ResolvedRecipient> {
  const key = recipientKey(recipient);
  if (typeof recipient !== 'string' && 'address' in recipient && !('user' in recipient))
    return {
      key,
      address: recipient.address,
      displayName: recipient.name,
      viewer: recipient.attributes ? scopedViewer(recipient.attributes) : UNRESTRICTED_VIEWER,
    };
  if (typeof recipient === 'string' && isAddress(key)) return { key, address: recipient.trim(), viewer: UNRESTRICTED_VIEWER };
  const user = await users.find(key);
  if (!user)
    throw new VitrinaError('USER_NOT_FOUND', `recipient '${key}' is neither an e-mail address nor a known user`, {
      hint: `create the user with 'vitrina user add ${key}', or write an address`,
    });
  if (user.disabled)
    throw new VitrinaError('USER_NOT_FOUND', `recipient '${key}' is a disabled user`, { hint: 'remove them from the recipients' });
  const email = user.attributes.email;
  const override = typeof recipient === 'string' ? undefined : (recipient as { address?: string }).address;
  return {
    key,
    address: override ?? (typeof email === 'string' ? email : undefined),
    displayName: user.displayName,
    viewer: userViewer(user),
  };
}
