/** @module Typed result sets: one shape for every renderer (JSON, HTML, CSV, XLSX, PDF). */
import type { ValueFormat } from '../definition/report-definition.js';
import type { VitrinaError } from '../errors/index.js';

/** `date` is 'YYYY-MM-DD'; `timestamp` is 'YYYY-MM-DD HH:MM:SS' on the reporting time zone's clock. */
export type ResultType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp';

export interface ResultColumn {
  name: string;
  type: ResultType;
  role?: 'dimension' | 'measure';
  format?: ValueFormat;
  /** Column heading in the viewer's language. */
  label?: string;
  /** Display text for stored values (dimension labels, funnel stages, "Other"). */
  labels?: Record<string, string>;
}

export interface ResultSet {
  columns: ResultColumn[];
  rows: unknown[][];
}

export interface PanelResult extends ResultSet {
  id: string;
  /** The panel type and title (in the viewer's language), for renderers. */
  type?: string;
  title?: string;
  /** KPI sparkline: the measure by time bucket over the period. */
  series?: ResultSet;
  /** True when the last row combines everything past the limit. */
  otherRow?: boolean;
}

/** A failed panel is a value: the other panels of the report still render. */
export interface PanelError {
  id: string;
  type?: string;
  title?: string;
  error: { code: string; message: string; hint?: string };
}

export type PanelOutcome = PanelResult | PanelError;

export function panelError(id: string, error: VitrinaError): PanelError {
  return { id, error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } };
}

export function isPanelError(outcome: PanelOutcome): outcome is PanelError {
  return 'error' in outcome;
}

export function columnIndex(set: ResultSet, name: string): number {
  return set.columns.findIndex((c) => c.name === name);
}
