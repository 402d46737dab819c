/** @module The access layer for Hono apps: sessions, API tokens, login, CSRF, headers, grants. */

export { accessGuard, CSRF_EXEMPT } from './access-guard.js';
export { adminRoutes } from './admin-routes.js';
export type { AccessControl, AuthEnv, AuthVariables, RequestPrincipal } from './auth-types.js';
export { authenticate, identifier } from './authenticate.js';
export { clientAddress, isHttps } from './client-info.js';
export { CSRF_FIELD, CSRF_HEADER, checkCsrf, csrfGuard, csrfTokenFor, isSafeMethod } from './csrf-guard.js';
export { downloadAudit, downloadAuditor } from './download-audit.js';
export { contentSecurityPolicy, hardeningHeaders, markPrivate, privateResponses, securityHeaderWriter } from './hardening-headers.js';
export { escapeHtml } from './html-escape.js';
export { installAuth } from './install-auth.js';
export { loginRoutes } from './login-routes.js';
export { type OpenedAccessControl, openAccessControl } from './open-access-control.js';
export { recordAudit } from './record-audit.js';
export { assertReportVisible, canOpenReport, isAdmin, maySeeProblems, requestViewer } from './report-access.js';
export { isPublicPath, refuseAnonymous, requireLogin, safeNext } from './require-login.js';
