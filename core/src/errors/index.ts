/** @module Error vocabulary re-exports. */
export { closest, didYouMean } from './did-you-mean.js';
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorLocation,
  isAbortError,
  toVitrinaError,
  VitrinaError,
  type VitrinaErrorOptions,
} from './vitrina-error.js';
