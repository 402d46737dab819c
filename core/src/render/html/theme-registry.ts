/**
 * @module Compiled themes by name, loaded on first use and kept: a page render costs one template
 * call. An unknown or broken theme falls back to the default one (and says so once in the log),
 * so a typo in a definition's `theme` never takes a dashboard down.
 */
import { VitrinaError } from '../../errors/index.js';
import { type HtmlTheme, loadHtmlTheme, themeManifest } from './html-theme.js';
import { DEFAULT_THEME, findThemeDir, themeSearchPath } from './theme-files.js';

export interface ThemeRegistryOptions {
  /** The project folder: its `themes/` folder is searched before the shipped themes. */
  projectDir?: string;
  /** The config's theme. Default `default`. */
  defaultTheme?: string;
  log?: (message: string) => void;
}

export class ThemeRegistry {
  readonly #themes = new Map<string, HtmlTheme>();
  readonly #warned = new Set<string>();
  readonly searchPath: string[];
  readonly defaultTheme: string;

  constructor(private readonly options: ThemeRegistryOptions = {}) {
    this.searchPath = themeSearchPath(options.projectDir);
    this.defaultTheme = options.defaultTheme ?? DEFAULT_THEME;
  }

  #load(name: string, seen: string[] = []): HtmlTheme {
    const cached = this.#themes.get(name);
    if (cached) return cached;
    const dir = findThemeDir(name, this.searchPath);
    if (!dir)
      throw new VitrinaError('CONFIG_INVALID', `no theme '${name}'`, {
        hint: `themes are folders with a layout.hbs (or a theme.json that extends another theme) in ${this.searchPath.join(' or ')}`,
      });
    const parentName = themeManifest(dir).extends;
    if (parentName && seen.includes(parentName))
      throw new VitrinaError('CONFIG_INVALID', `theme '${name}' extends itself through '${parentName}'`);
    const parentTheme = parentName ? this.#load(parentName, [...seen, name]) : undefined;
    const theme = loadHtmlTheme(name, dir, parentTheme ? { dir: parentTheme.dir, theme: parentTheme } : undefined);
    this.#themes.set(name, theme);
    return theme;
  }

  /** The theme called `name` (a definition's), else the config's, else the shipped default. */
  get(name?: string): HtmlTheme {
    for (const candidate of [name, this.defaultTheme, DEFAULT_THEME]) {
      if (!candidate) continue;
      try {
        return this.#load(candidate);
      } catch (error) {
        if (!this.#warned.has(candidate)) {
          this.#warned.add(candidate);
          this.options.log?.(`theme '${candidate}' cannot be used: ${(error as Error).message}`);
        }
      }
    }
    throw new VitrinaError('INTERNAL', 'the default theme is missing', { hint: `reinstall Vitrina: ${this.searchPath.join(', ')}` });
  }

  /** Forget compiled themes (after a theme file changed). */
  clear(): void {
    this.#themes.clear();
    this.#warned.clear();
  }
}
