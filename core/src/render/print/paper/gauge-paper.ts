/** @module gauge charts on paper: not drawn here yet, so ECharts draws them. */
import type { PaperRenderer } from './paper-box.js';

export const gaugePaper: PaperRenderer = () => undefined;
