/**
 * @module The dashboard's parameters in URLs: what the address bar, the language links and drill
 * links carry. Report parameters are replaced; everything else in the URL (`lang`) is kept.
 */

/** `href` with the report parameters `ids` replaced by `query`. */
export function withParameters(href: string, ids: Iterable<string>, query: URLSearchParams): string {
  const url = new URL(href, 'http://vitrina.invalid');
  for (const id of ids) url.searchParams.delete(id);
  for (const [key, value] of query) url.searchParams.append(key, value);
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;
}

/** Only the report parameters of a URL's query string. */
export function parametersOf(search: string, ids: Iterable<string>): URLSearchParams {
  const all = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const id of ids) for (const value of all.getAll(id)) if (value !== '') out.append(id, value);
  return out;
}

/**
 * Where a drill to another report goes: `<dashboard>?<parameter>=<value>`, keeping the period
 * parameters so the linked dashboard shows the same time span.
 */
export function drillHref(dashboard: string, parameter: string, value: string, query: URLSearchParams, keep: Iterable<string>): string {
  const out = new URLSearchParams();
  for (const id of keep) for (const v of query.getAll(id)) if (id !== parameter) out.append(id, v);
  out.set(parameter, value);
  return `${dashboard}?${out.toString()}`;
}
