/**
 * @module Auto-refresh every `refreshSeconds`, paused while the tab is hidden (a wall screen in a
 * background tab should not load the database) and caught up as soon as it is visible again.
 */

/** Below this an interval would mostly measure the network; the definition may say less, we do not. */
const MIN_SECONDS = 5;

export function startAutoRefresh(doc: Document, seconds: number, refresh: () => Promise<void>): () => void {
  const interval = Math.max(MIN_SECONDS, seconds) * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;
  let stopped = false;
  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, interval);
  };
  const run = () =>
    refresh()
      .catch((error) => console.warn('vitrina: refresh failed', error))
      .finally(schedule);
  const tick = () => {
    if (doc.hidden) due = true;
    else void run();
  };
  const onVisible = () => {
    if (!doc.hidden && due) {
      due = false;
      clearTimeout(timer);
      void run();
    }
  };
  doc.addEventListener('visibilitychange', onVisible);
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
