/**
 * @module The project a server is serving, swappable: a config change opens a new project and
 * swaps it in atomically; the old one is closed once the requests that were using it finish.
 * Requests `acquire` the current project for their whole duration.
 */
import type { Project } from '../project/open-project.js';
import { ThemeRegistry } from '../render/html/theme-registry.js';

interface Slot {
  project: Project;
  themes: ThemeRegistry;
  users: number;
  retired: boolean;
  closed?: Promise<void>;
}

export class LiveProject {
  #slot: Slot;
  readonly #log: (message: string) => void;
  readonly #backgroundRefresh: boolean;

  /** `backgroundRefresh`: keep the project's DuckDB extracts fresh while it is served (`serve`). */
  constructor(project: Project, log: (message: string) => void = () => {}, options: { backgroundRefresh?: boolean } = {}) {
    this.#log = log;
    this.#backgroundRefresh = options.backgroundRefresh === true;
    this.#slot = this.#makeSlot(project);
  }

  #makeSlot(project: Project): Slot {
    if (this.#backgroundRefresh && project.extracts?.names.length) project.extracts.startBackgroundRefresh();
    const themes = new ThemeRegistry({ projectDir: project.dir, defaultTheme: project.config.theme, log: this.#log });
    return { project, themes, users: 0, retired: false };
  }

  get project(): Project {
    return this.#slot.project;
  }

  get themes(): ThemeRegistry {
    return this.#slot.themes;
  }

  /** The current project for one request; call `release` when the response is done. */
  acquire(): { project: Project; themes: ThemeRegistry; release: () => void } {
    const slot = this.#slot;
    slot.users++;
    let released = false;
    return {
      project: slot.project,
      themes: slot.themes,
      release: () => {
        if (released) return;
        released = true;
        slot.users--;
        if (slot.retired && slot.users === 0) void this.#close(slot);
      },
    };
  }

  /** Serve `next` from now on; the previous project closes when its last request ends. */
  swap(next: Project): Promise<void> {
    const old = this.#slot;
    this.#slot = this.#makeSlot(next);
    old.retired = true;
    return old.users === 0 ? this.#close(old) : Promise.resolve();
  }

  #close(slot: Slot): Promise<void> {
    slot.closed ??= (async () => {
      await slot.project.extracts?.stopBackgroundRefresh();
      await slot.project.close();
    })().catch((error: unknown) => this.#log(`closing the previous project failed: ${(error as Error).message}`));
    return slot.closed;
  }

  /** Closes the current project (server shutdown). */
  async close(): Promise<void> {
    this.#slot.retired = true;
    await this.#close(this.#slot);
  }
}
