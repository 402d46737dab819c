/**
 * @module `@vitrina/core/access`: users, roles, sessions, API tokens, the audit log and the state
 * store they live in (SQLite or PostgreSQL). Loaded by `serve` and the user/token/audit commands.
 */

export { openProjectState, openStateFromConfig } from '../state/open-project-state.js';
export { type StateConfig, type StateLocation, stateLocation } from '../state/state-config.js';
export type { StateDialect, StateMigration } from '../state/state-migration.js';
export { migrateState, STATE_MIGRATIONS } from '../state/state-migrations.js';
export { type OpenStateOptions, openStateStore, type StateStore } from '../state/state-store.js';
export { type AccessSettings, type AuthConfig, accessSettings, type Grant, type ServerConfig } from './access-config.js';
export { type AuditEntry, type AuditEvent, AuditLog, type NewAuditEntry } from './audit-log.js';
export { checkPasswordRules, hashPassword, SCRYPT_PARAMETERS, verifyPassword } from './password-hash.js';
export { mayOpen, type Principal } from './report-grants.js';
export { isRole, ROLES, type Role, type User, viewerOf } from './roles.js';
export { type ApiTokenInfo, TokenStore } from './token-store.js';
export { type NewUser, normaliseUsername, UserStore } from './user-store.js';
