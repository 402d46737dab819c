/** @module `@vitrina/core/server`: the HTTP server and the HTML renderer (loaded only by `serve`, `demo` and HTML export). */

export type { DashboardState, PanelView, ParameterView } from '../render/html/dashboard-state.js';
export { renderStaticDashboard, type StaticDashboardOptions } from '../render/html/render-static-dashboard.js';
export type { AppEnv } from './app-state.js';
export { type AccessControl, type OpenedAccessControl, openAccessControl } from './auth/index.js';
export { type CreateAppOptions, createApp } from './create-app.js';
export { type ErrorBody, publicError, statusOf } from './error-status.js';
export { LiveProject } from './live-project.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.js';
export { type ProjectWatcher, type WatchOptions, watchProject } from './watch-project.js';
