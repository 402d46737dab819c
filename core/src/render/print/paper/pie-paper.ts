/** @module pie charts on paper: not drawn here yet, so ECharts draws them. */
import type { PaperRenderer } from './paper-box.js';

export const piePaper: PaperRenderer = () => undefined;
