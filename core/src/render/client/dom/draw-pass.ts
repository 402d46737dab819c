/**
 * @module One drawing pass over every panel: take the embedded result or fetch it (all panels in
 * parallel, old content dimmed meanwhile), draw it, and report each panel and then the whole set
 * through the contract's events. A newer pass makes an older one stop reporting.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import { el, emit } from './dom-helpers.js';
import { fetchPanel } from './panel-fetch.js';
import type { PanelSlot } from './panel-slot.js';
import { type RenderEnv, renderOutcome } from './render-panel.js';

export interface DrawPass {
  doc: Document;
  state: DashboardState;
  slots: PanelSlot[];
  /** Null: the results embedded in the page (first paint). */
  query: URLSearchParams | null;
  /** Parameters to fetch a panel with (the current filters when `query` is null). */
  fetchQuery: URLSearchParams;
  revalidate: boolean;
  signal: AbortSignal;
  env: (slot: PanelSlot) => Promise<RenderEnv>;
  /** False once a newer pass started. */
  current: () => boolean;
  notInCopy: string;
  loading: string;
}

async function outcomeOf(pass: DrawPass, slot: PanelSlot): Promise<unknown> {
  // A tasks panel is state-store data the server embedded; report parameters do not change it.
  const keep = pass.query === null || slot.view.type === 'tasks';
  const embedded = keep ? pass.state.results[slot.view.id] : undefined;
  if (embedded !== undefined) return embedded;
  slot.section.classList.add('vt-loading');
  slot.section.setAttribute('aria-busy', 'true');
  // A panel with nothing drawn yet says it is loading; one with old content keeps it, dimmed.
  if (!slot.kind && !slot.body.firstChild) slot.body.append(el('p', 'vt-panel-loading', pass.loading));
  // The static copy has no API: a panel it lacks says so instead of waiting forever.
  if (pass.state.static) return { id: slot.view.id, error: { code: 'NOT_IN_COPY', message: pass.notInCopy } };
  return fetchPanel(pass.state, slot.view.id, pass.fetchQuery, pass.signal, pass.revalidate);
}

/** Resolves with how many panels drew without error, or null when a newer pass took over. */
export async function drawPass(pass: DrawPass): Promise<number | null> {
  let ok = 0;
  await Promise.all(
    pass.slots.map(async (slot) => {
      let outcome: unknown;
      try {
        outcome = await outcomeOf(pass, slot);
      } catch {
        return; // aborted by a newer pass
      }
      if (!pass.current()) return;
      const drawn = await renderOutcome(slot, outcome, await pass.env(slot));
      slot.section.classList.remove('vt-loading');
      slot.section.removeAttribute('aria-busy');
      if (!pass.current()) return;
      if (drawn) ok += 1;
      emit(pass.doc, 'vitrina:panel-rendered', { panel: slot.view.id, ok: drawn });
    }),
  );
  return pass.current() ? ok : null;
}
