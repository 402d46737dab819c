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
  followFilters(document);
  // Printing and static copies draw at once; on screen, drawing every chart would hold back the
  // first paint of what the server already sent (header, filters, panel frames): draw after it.
  const print = state.static === true || window.matchMedia?.('print').matches === true;
  const mount = () => {
    window.Vitrina = { mountDashboard, dashboard: mountDashboard(document, state) };
  };
  if (print) void loadLazyScripts(document).then(mount);
  else afterFirstPaint(() => void loadLazyScripts(document).then(mount));
}

/**
 * Loads the scripts the page names as `<link data-vitrina-lazy>` (ECharts on hosted pages), in
 * order; resolves when they ran or failed (a panel then says its chart cannot be drawn).
 */
async function loadLazyScripts(doc: Document): Promise<void> {
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[data-vitrina-lazy]')) {
    await new Promise<void>((resolve) => {
      const script = doc.createElement('script');
      script.src = link.href;
      script.onload = () => resolve();
      script.onerror = () => resolve();
      doc.body.appendChild(script);
    });
  }
}

/**
 * Runs `fn` once the browser has had the chance to paint (the frame callback, then a task after
 * it). A hidden tab runs no frame callbacks, hence the timer as well; whichever comes first wins.
 */
function afterFirstPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
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
