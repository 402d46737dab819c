/**
 * @module The stylesheets and scripts a page loads: links to `/assets/…` (hosted, hashed URLs) or
 * the files' text inlined (static export, offline from file://).
 */
import type Handlebars from 'handlebars';

export interface PageAsset {
  /** URL of the file (hosted pages). */
  href?: string;
  /** The file's text, already made safe for its element (static export). */
  inline?: Handlebars.SafeString;
  /**
   * A script the page's client bundle loads itself once the page has painted (ECharts: evaluating
   * it would otherwise hold back the first paint). The page only names it (`data-vitrina-lazy`).
   */
  lazy?: boolean;
}

export interface PageAssets {
  styles: PageAsset[];
  scripts: PageAsset[];
  /** The theme's favicon: a hashed URL (hosted) or a data: URL (static), so browsers never ask for /favicon.ico. */
  icon?: string;
  /** Set when the client bundle is not built: the page says so instead of failing silently. */
  missingClient?: boolean;
}
