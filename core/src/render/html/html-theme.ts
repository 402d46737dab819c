/**
 * @module A theme loaded for rendering: its Handlebars templates compiled once in an isolated
 * Handlebars instance (so themes cannot see each other's partials or helpers), its stylesheets and
 * its ECharts theme. Templates only ever use `{{…}}`: data is always HTML-escaped; the few
 * pre-escaped pieces (the state JSON, inlined assets) are `SafeString`s built in code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { VitrinaError } from '../../errors/index.js';

/** A stylesheet of a theme, possibly inherited: served at `/assets/themes/<theme>/<file>`. */
export interface ThemeFile {
  theme: string;
  file: string;
  path: string;
}

export interface HtmlTheme {
  name: string;
  dir: string;
  /**
   * Stylesheets in the order the page links them: the parent theme's first (`extends` in
   * `theme.json`), then this theme's `theme.css` and `panels.css`, so a child only overrides.
   */
  stylesheets: ThemeFile[];
  /** The theme's `favicon.svg` (its own or inherited), if any. */
  icon?: ThemeFile;
  /** The ECharts theme object (registered by the client under the theme's name). */
  echartsTheme: Record<string, unknown>;
  /** Renders `layout.hbs` with `data.page` naming the partial for the body (`dashboard`, `index`, `error`). */
  render(data: Record<string, unknown>): string;
}

type Messages = Record<string, string>;

function registerHelpers(hbs: typeof Handlebars): void {
  // `{{t "page.dashboards"}}`: a UI string of the page's language; an unknown key shows itself, so a typo is visible.
  hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
    const messages = (options.data?.root?.messages ?? {}) as Messages;
    return messages[key] ?? key;
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Selected state of an option in a single or multiple select.
  hbs.registerHelper('selected', (value: unknown, current: unknown) =>
    Array.isArray(current) ? current.map(String).includes(String(value)) : String(value) === String(current),
  );
}

function readJson(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new VitrinaError('CONFIG_INVALID', `theme file ${path} is not valid JSON`, { cause: error });
  }
}

/** A theme's `theme.json`: `{ "extends": "default" }` makes it inherit templates, styles and the ECharts theme. */
export function themeManifest(dir: string): { extends?: string } {
  return readJson(join(dir, 'theme.json')) as { extends?: string };
}

/**
 * Compiles the theme in `dir` over its parent (`parent`, already loaded, when it `extends` one):
 * its own templates replace the parent's of the same name. Throws a VitrinaError naming the
 * template when one does not compile.
 */
export function loadHtmlTheme(name: string, dir: string, parent?: { dir: string; theme: HtmlTheme }): HtmlTheme {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const compile = (file: string) => {
    try {
      const text = readFileSync(file, 'utf8');
      // compile() is lazy; parsing now makes a broken theme fail when loaded, not on some later page.
      hbs.parse(text);
      return hbs.compile(text, { strict: false, noEscape: false });
    } catch (error) {
      throw new VitrinaError('CONFIG_INVALID', `theme '${name}': ${file} does not compile: ${(error as Error).message}`, { cause: error });
    }
  };
  const dirs = parent ? [parent.dir, dir] : [dir];
  for (const d of dirs) {
    const partialsDir = join(d, 'partials');
    if (!existsSync(partialsDir)) continue;
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(basename(file, '.hbs'), compile(join(partialsDir, file)));
    }
  }
  const layoutDir = existsSync(join(dir, 'layout.hbs')) || !parent ? dir : parent.dir;
  const layout = compile(join(layoutDir, 'layout.hbs'));
  const own = ['theme.css', 'panels.css']
    .filter((f) => existsSync(join(dir, f)))
    .map((file) => ({ theme: name, file, path: join(dir, file) }));
  const echartsFile = join(dir, 'echarts-theme.json');
  const icon = existsSync(join(dir, 'favicon.svg'))
    ? { theme: name, file: 'favicon.svg', path: join(dir, 'favicon.svg') }
    : parent?.theme.icon;
  return {
    name,
    dir,
    stylesheets: [...(parent?.theme.stylesheets ?? []), ...own],
    ...(icon ? { icon } : {}),
    echartsTheme: existsSync(echartsFile) || !parent ? readJson(echartsFile) : parent.theme.echartsTheme,
    render: (data) => layout(data, { allowProtoPropertiesByDefault: false }),
  };
}

/** A pre-escaped piece of HTML (never call this with viewer or definition data). */
export function trustedHtml(html: string): Handlebars.SafeString {
  return new Handlebars.SafeString(html);
}
