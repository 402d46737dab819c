/**
 * @module Checks that a dataset's SQL is one read-only SELECT and splits it at its `:name`
 * placeholders, so values are bound, never spliced. Sources also open read-only where they can;
 * this check gives the admin a clear error at validation time.
 */

// Words that write or change the session. A statement can only start with SELECT or WITH, so
// these matter inside data-modifying CTEs and SELECT INTO, and a few PostgreSQL functions change
// the session or the server from inside a SELECT; read-only connections are the backstop.
const FORBIDDEN = new Set([
  'insert',
  'update',
  'delete',
  'merge',
  'into',
  'drop',
  'alter',
  'create',
  'truncate',
  'attach',
  'detach',
  'pragma',
  'vacuum',
  'reindex',
  'grant',
  'revoke',
  'copy',
  'set_config',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'lo_import',
  'lo_export',
  'dblink_exec',
]);

export type SqlSegment = { text: string } | { param: string };

export interface SqlCheck {
  ok: boolean;
  problem?: string;
  segments: SqlSegment[];
  params: string[];
}

/**
 * Walks the text once, skipping string literals, quoted identifiers and comments, collecting
 * bare words (for the keyword checks) and placeholders.
 */
export function checkDatasetSql(text: string): SqlCheck {
  const segments: SqlSegment[] = [];
  const words: string[] = [];
  const params: string[] = [];
  let chunk = '';
  let semicolonAt = -1;
  let i = 0;
  const fail = (problem: string): SqlCheck => ({ ok: false, problem, segments: [], params: [] });
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (semicolonAt >= 0 && !/\s/.test(c)) return fail('only one statement is allowed (found text after a semicolon)');
    if (c === "'" || c === '"' || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return fail(`unterminated ${c === "'" ? 'string' : 'quoted identifier'}`);
      chunk += text.slice(i, close + 1);
      i = close + 1;
      // doubled quote inside a literal: keep scanning the same literal
      while (text[i] === c) {
        const again = text.indexOf(c, i + 1);
        if (again < 0) return fail('unterminated string');
        chunk += text.slice(i, again + 1);
        i = again + 1;
      }
      continue;
    }
    if (c === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      chunk += ' ';
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return fail('unterminated comment');
      i = end + 2;
      chunk += ' ';
      continue;
    }
    if (c === ';') {
      semicolonAt = i;
      i++;
      continue;
    }
    if (c === ':' && next === ':') {
      chunk += '::';
      i += 2;
      continue;
    }
    if (c === ':' && next !== undefined && /[A-Za-z_]/.test(next)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1)) as RegExpExecArray;
      segments.push({ text: chunk });
      segments.push({ param: m[0] });
      params.push(m[0]);
      chunk = '';
      i += 1 + m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i)) as RegExpExecArray;
      words.push(m[0].toLowerCase());
      chunk += m[0];
      i += m[0].length;
      continue;
    }
    chunk += c;
    i++;
  }
  segments.push({ text: chunk });
  const first = words[0];
  if (first !== 'select' && first !== 'with') return fail(`must start with SELECT or WITH, not ${first ? first.toUpperCase() : 'nothing'}`);
  const bad = words.find((w) => FORBIDDEN.has(w));
  if (bad) return fail(`must be read-only: ${bad.toUpperCase()} is not allowed`);
  return { ok: true, segments, params: [...new Set(params)] };
}
