/** @module The part of a panel's view the option builders read (a subset of PanelView). */
import type { PanelType } from '../../../definition/report-definition.js';

export interface ChartView {
  type: PanelType;
  horizontal?: boolean;
  donut?: boolean;
  title?: string;
  /** Width of the chart's box in px, when known (the browser): decides whether bar names must slant. */
  width?: number;
}
