/** @module Who is looking: the attributes that row scopes bind to. */

export type AttributeValue = string | number | (string | number)[];

export interface Viewer {
  /** Values for `$user.<name>` in row scopes (manager_id, department_id, region…). */
  attributes: Readonly<Record<string, AttributeValue>>;
  /**
   * Unrestricted viewers (admins, the CLI without `--as`) skip row scopes. Everyone else gets
   * every scope rule whose attribute they carry, and no rows from a scoped dataset when they
   * carry none of its attributes.
   */
  unrestricted: boolean;
}

export const UNRESTRICTED_VIEWER: Viewer = Object.freeze({ attributes: Object.freeze({}), unrestricted: true });

export function scopedViewer(attributes: Record<string, AttributeValue>): Viewer {
  return { attributes: Object.freeze({ ...attributes }), unrestricted: false };
}
