/** @module The access layer for Hono apps: sessions, API tokens, login, CSRF, headers, grants. */

export type { AccessControl, AuthEnv, AuthVariables, RequestPrincipal } from './auth-types.js';
export { authenticate } from './authenticate.js';
export { clientAddress, isHttps } from './client-info.js';
export { CSRF_FIELD, CSRF_HEADER, csrfGuard, csrfTokenFor } from './csrf-guard.js';
export { contentSecurityPolicy, hardeningHeaders } from './hardening-headers.js';
export { installAuth } from './install-auth.js';
export { escapeHtml } from './login-page.js';
export { loginRoutes } from './login-routes.js';
export { recordAudit } from './record-audit.js';
export { isPublicPath, requireLogin, safeNext } from './require-login.js';
