/**
 * @module Hot reload for `serve`: watches the definitions folder and the config file (fs.watch,
 * debounced). A definition change reloads the definitions (a file that became invalid keeps its
 * last valid version serving); a config change opens a new project and swaps it in, or keeps the
 * old one when the new config is invalid. Problems go to the log and the index page.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { type OpenProjectOptions, openProject, type Project } from '../project/open-project.js';
import type { LiveProject } from './live-project.js';

export interface WatchOptions {
  /** How `serve` opened the project, reused to reopen it after a config change. */
  open: OpenProjectOptions;
  log: (message: string) => void;
  /** Quiet period before reloading, so an editor's burst of writes reloads once. Default 100 ms. */
  debounceMs?: number;
  /** Called after each reload (tests wait on it). */
  onReload?: (what: 'definitions' | 'config', ok: boolean) => void;
}

export interface ProjectWatcher {
  close(): void;
}

function describeProblems(project: Project): string {
  return project.definitions.problems.map((p) => `  ${p.format()}`).join('\n');
}

export function watchProject(live: LiveProject, options: WatchOptions): ProjectWatcher {
  const delay = options.debounceMs ?? 100;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let pending: 'definitions' | 'config' | undefined;
  let closed = false;
  let busy: Promise<void> = Promise.resolve();

  const reloadDefinitions = () => {
    const project = live.project;
    const set = project.reloadDefinitions();
    const stale = [...set.reports.values()].filter((r) => r.stale).map((r) => r.definition.id);
    if (set.problems.length) {
      options.log(
        `definitions reloaded with ${set.problems.length} problem(s)${stale.length ? `; still serving the last valid ${stale.join(', ')}` : ''}:\n${describeProblems(project)}`,
      );
    } else options.log(`definitions reloaded: ${set.reports.size} report(s)`);
    options.onReload?.('definitions', set.problems.length === 0);
  };

  const reloadConfig = async () => {
    let next: Project;
    try {
      next = await openProject(options.open);
    } catch (error) {
      options.log(
        `config change ignored, still serving the previous config: ${(error as Error & { format?: () => string }).format?.() ?? (error as Error).message}`,
      );
      options.onReload?.('config', false);
      return;
    }
    await live.swap(next);
    arm();
    options.log(`config reloaded: ${next.definitions.reports.size} report(s), ${next.sources.size} source(s)`);
    for (const p of [...next.problems, ...next.definitions.problems]) options.log(`  ${p.format()}`);
    options.onReload?.('config', true);
  };

  const schedule = (what: 'definitions' | 'config') => {
    if (closed) return;
    pending = pending === 'config' || what === 'config' ? 'config' : 'definitions';
    clearTimeout(timer);
    timer = setTimeout(() => {
      const job = pending;
      pending = undefined;
      busy = busy
        .then(() => (job === 'config' ? reloadConfig() : reloadDefinitions()))
        .catch((error: unknown) => options.log(`reload failed: ${(error as Error).message}`));
    }, delay);
  };

  // Watching folders, not files: editors save by writing a new file and renaming it over the old.
  function arm(): void {
    for (const w of watchers) w.close();
    watchers = [];
    if (closed) return;
    const project = live.project;
    const configName = basename(project.file);
    const add = (dir: string, onChange: (file: string | null) => void) => {
      try {
        const w = watch(dir, { persistent: false }, (_event, file) => onChange(file === null ? null : String(file)));
        w.on('error', (error) => options.log(`watching ${dir} stopped: ${error.message}`));
        watchers.push(w);
      } catch (error) {
        options.log(`cannot watch ${dir}: ${(error as Error).message}`);
      }
    };
    add(project.definitionsDir, (file) => {
      if (file === null || file.endsWith('.json')) schedule('definitions');
    });
    if (dirname(project.file) !== project.definitionsDir)
      add(dirname(project.file), (file) => {
        if (file === null || file === configName) schedule('config');
      });
  }

  arm();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      watchers = [];
    },
  };
}
