/**
 * @module Entry of the browser bundle (`/assets/vitrina/dashboard.js`): reads the state the server
 * embedded and mounts the dashboard. `window.Vitrina` exposes the controller for tests and the
 * printer.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import { type DashboardController, mountDashboard } from './mount-dashboard.js';

declare global {
  interface Window {
    Vitrina?: { mountDashboard: typeof mountDashboard; dashboard?: DashboardController };
  }
}

function boot(): void {
  const script = document.getElementById('vitrina-state');
  window.Vitrina = { mountDashboard };
  if (!script) return;
  let state: DashboardState;
  try {
    state = JSON.parse(script.textContent ?? '') as DashboardState;
  } catch (error) {
    console.error('vitrina: the page state is not valid JSON', error);
    return;
  }
  window.Vitrina.dashboard = mountDashboard(document, state);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
