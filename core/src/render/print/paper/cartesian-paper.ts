/** @module placeholder while written */
import type { PaperRenderer } from './paper-box.js';

export const cartesianPaper: PaperRenderer = () => undefined;
