/** @module Exit codes scripts can trust: 0 ok, 1 the user's input or data is wrong, 2 a bug. */

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

/** Duck-typed on VitrinaError's `isUserError`, so this module loads without the engine. */
export function exitCodeOf(error: unknown): number {
  return (error as { isUserError?: unknown } | null)?.isUserError === true ? EXIT_USER_ERROR : EXIT_INTERNAL_ERROR;
}
