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
  followFilters(document);
}

/** Download links take the filters of the moment they are clicked (the URL the filter bar keeps). */
function followFilters(doc: Document): void {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-download]')) {
    link.addEventListener('click', () => {
      const base = link.pathname.replace(/\.[a-z]+$/, '');
      link.href = `${base}${link.dataset.download ?? ''}${window.location.search}`;
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
