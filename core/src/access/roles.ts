/**
 * @module Roles and what they mean. `admin`: every dashboard, every row, definitions health and
 * the audit log. `executive`: the dashboards granted to executives (or to them by name); every
 * row unless they carry scope attributes (a head of department with `department_id` sees her
 * department). `manager`: granted dashboards, always scoped — without attributes, no rows.
 */
import { type AttributeValue, scopedViewer, UNRESTRICTED_VIEWER, type Viewer } from './viewer.js';

export const ROLES = ['admin', 'executive', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface User {
  username: string;
  role: Role;
  displayName?: string;
  attributes: Record<string, AttributeValue>;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The viewer a user's queries run as: the row scope applied by the engine follows from it. */
export function viewerOf(user: Pick<User, 'role' | 'attributes'>): Viewer {
  if (user.role === 'admin') return UNRESTRICTED_VIEWER;
  if (user.role === 'executive' && Object.keys(user.attributes).length === 0) return UNRESTRICTED_VIEWER;
  return scopedViewer(user.attributes);
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
