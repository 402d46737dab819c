/**
 * @module Header cells as safe SQL identifiers (`Сумма, руб.` → `summa_rub`, `Order ID` →
 * `order_id`), so report definitions can name every column without quoting rules.
 */
import { transliterate } from '@vitrina/core';

/** One header cell as an identifier: lower case, `[a-z0-9_]`, never empty, never starting with a digit. */
export function safeIdentifier(raw: string, position: number): string {
  // NFKD first, so accents split off (é → e + ◌́) and are dropped below; й and ё lose theirs too (→ i, e).
  const latin = transliterate(raw.normalize('NFKD'));
  const id = latin
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: é → e
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (id === '') return `column_${position + 1}`;
  return /^[0-9]/.test(id) ? `c_${id}` : id;
}

/** A column as read: its identifier in the extract and the header text it came from. */
export interface ColumnName {
  name: string;
  header: string;
}

/**
 * Identifiers for a whole header row. Repeated names (two `Amount` columns, or `Сумма` and
 * `сумма`) get `_2`, `_3`… in order, skipping suffixes a later header already uses.
 */
export function columnNames(headers: readonly string[]): ColumnName[] {
  const ids = headers.map((h, i) => safeIdentifier(h, i));
  const all = new Set(ids);
  const taken = new Set<string>();
  return ids.map((id, i) => {
    let name = id;
    let n = 1;
    while (taken.has(name) || (name !== id && all.has(name))) name = `${id}_${++n}`;
    taken.add(name);
    return { name, header: headers[i] ?? '' };
  });
}
