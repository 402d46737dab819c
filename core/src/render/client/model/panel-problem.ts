/**
 * @module What keeps a panel outcome from being drawn: its error value, or a shape the page cannot
 * read. Pure, so the on-screen dashboard and the server-side print page judge an outcome alike.
 */
import type { PanelResult } from '../../../result/result-set.js';

export interface PanelProblem {
  code: string;
  message: string;
  hint?: string;
}

/** The problem with a panel outcome, or null when it is a result with columns and rows. */
export function problemOf(outcome: unknown): PanelProblem | null {
  if (!outcome || typeof outcome !== 'object') return { code: 'INTERNAL', message: 'The server sent no result for this panel.' };
  const error = (outcome as { error?: Partial<PanelProblem> | string }).error;
  if (typeof error === 'string') return { code: 'INTERNAL', message: error };
  if (error) return { code: error.code ?? 'INTERNAL', message: error.message ?? '', ...(error.hint ? { hint: error.hint } : {}) };
  const { columns, rows } = outcome as Partial<PanelResult>;
  if (!Array.isArray(columns) || !Array.isArray(rows))
    return { code: 'INTERNAL', message: 'The server sent a result this page cannot read.' };
  return null;
}
