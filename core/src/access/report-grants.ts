/**
 * @module Which dashboards a user may open: admins all; others those whose definition `access`
 * or the config's `auth.grants` (by id or `*`) names their role or username. Nothing granted
 * means admins only — a new definition is private until someone grants it. An API token narrows
 * this further to the dashboards it lists.
 */
import type { Grant } from './access-config.js';
import type { User } from './roles.js';

export interface Principal {
  user: Pick<User, 'username' | 'role' | 'attributes'>;
  /** Set for API-token requests: the dashboards the token may read (`*`: all the user may). */
  tokenDashboards?: readonly string[];
}

function names(grant: Grant | undefined, user: Principal['user']): boolean {
  return !!grant && (grant.roles?.includes(user.role) === true || grant.users?.includes(user.username) === true);
}

export function mayOpen(
  principal: Principal,
  report: { id: string; access?: { roles?: string[]; users?: string[] } },
  grants: Readonly<Record<string, Grant>>,
): boolean {
  const tokenAllows =
    !principal.tokenDashboards || principal.tokenDashboards.includes('*') || principal.tokenDashboards.includes(report.id);
  if (!tokenAllows) return false;
  const { user } = principal;
  if (user.role === 'admin') return true;
  return names(report.access, user) || names(grants[report.id], user) || names(grants['*'], user);
}
