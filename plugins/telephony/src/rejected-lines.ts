/**
 * @module Lines DuckDB's CSV reader rejected (wrong field count, a date or number it could not
 * parse, bytes that are not UTF-8), read back from its rejects table with file, line and column.
 */
import type { ExtractTarget } from '@vitrina/core/connector';

export interface RejectedLine {
  /** The path DuckDB read (a temp copy for tails and repaired files). */
  path: string;
  /** 1-based line within that path. */
  line: number;
  column?: string;
  errorType: string;
  reason: string;
}

const REASONS: Record<string, string> = {
  CAST: 'value cannot be parsed',
  'MISSING COLUMNS': 'too few fields',
  'TOO MANY COLUMNS': 'too many fields',
  'UNQUOTED VALUE': 'stray quote',
  'LINE SIZE OVER MAXIMUM': 'line too long',
  'INVALID ENCODING': 'bytes that are not UTF-8',
};

/** One entry per rejected line (DuckDB may log several errors for one line), in file and line order. */
export async function rejectedLines(target: ExtractTarget, table: string, scan: string): Promise<RejectedLine[]> {
  const rows = await target.all(
    `SELECT s.file_path AS path, CAST(e.line AS BIGINT) AS line, e.column_name AS column_name, CAST(e.error_type AS VARCHAR) AS error_type, e.error_message AS message
     FROM ${table} e JOIN ${scan} s ON s.scan_id = e.scan_id AND s.file_id = e.file_id ORDER BY s.file_path, e.line, e.column_idx`,
  );
  const seen = new Set<string>();
  const out: RejectedLine[] = [];
  for (const row of rows) {
    const key = `${row.path}:${row.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const errorType = String(row.error_type);
    const message = String(row.message ?? '').split('\n')[0] ?? '';
    out.push({
      path: String(row.path),
      line: Number(row.line),
      column: row.column_name ? String(row.column_name) : undefined,
      errorType,
      reason: `${REASONS[errorType] ?? errorType.toLowerCase()}: ${message}`.slice(0, 300),
    });
  }
  return out;
}
