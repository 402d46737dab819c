/**
 * @module `ExtractTarget.querySource`: one read-only SELECT with `:name` parameters on another
 * source of the project (e.g. the CRM's managers while loading call logs), through its guard.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { VitrinaError } from '../errors/index.js';
import { checkDatasetSql } from '../query/sql-guard.js';
import type { RuntimeSource } from '../source/runtime-source.js';

export async function queryOtherSource(
  sources: ReadonlyMap<string, RuntimeSource>,
  from: string,
  name: string,
  text: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const other = sources.get(name);
  if (!other || name === from)
    throw new VitrinaError(
      'SOURCE_NOT_FOUND',
      `source '${from}' asked to query source '${name}', which ${other ? 'is itself' : 'does not exist'}`,
    );
  const check = checkDatasetSql(text);
  if (!check.ok)
    throw new VitrinaError('SQL_NOT_READ_ONLY', `source '${from}': its query of source '${name}' is refused: ${check.problem}`);
  const parts: RawBuilder<unknown>[] = check.segments.map((s) => {
    if ('text' in s) return sql.raw(s.text);
    if (!(s.param in params))
      throw new VitrinaError('PARAMETER_INVALID', `source '${from}': no value for :${s.param} in its query of source '${name}'`);
    return sql`${params[s.param]}`;
  });
  const db = (await other.db()) as Kysely<unknown>;
  return other.query(sql.join(parts, sql``).compile(db));
}
