/** @module Small shared types of the dashboard contract. */
import type { PanelType } from '../../definition/report-definition.js';

export type LocalizedPanelType = PanelType;

/** Clicking a row or a chart element: set `parameter` to the clicked value, or open `report` with it. */
export interface DrillDefinition {
  parameter?: string;
  report?: string;
}
