/**
 * Pieces shared by the cross-validation classes: the `fit` options, fold statistics
 * (mean, one-standard-error rule), gathering rows, and reading serialized results back.
 *
 * @module
 */
import { ModelJSONError, ParameterError, describe } from '../errors.js';

/** Options of the cross-validation classes' `fit`, beyond X and y. */
export interface CVFitOptions {
  /**
   * Per-sample weights swᵢ ≥ 0 (scikit-learn's `sample_weight`), used both in the fits
   * (the loss becomes a swᵢ-weighted sum, normalized by Σsw) and in the held-out error
   * (each fold's error is the sw-weighted mean over its test rows). Integer weights
   * equal repeated rows, provided the repeated rows stay in the same fold.
   */
  sampleWeight?: ArrayLike<number>;
}

/** Validates the third argument of `fit` and returns the raw sample weights (checked later against n). */
export function readCVFitOptions(where: string, options: unknown): unknown {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ParameterError('INVALID_PARAMETER', `${where}.fit: the third argument must be an options object such as { sampleWeight }; received ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'sampleWeight') {
      throw new ParameterError('UNKNOWN_OPTION', `${where}.fit: unknown option '${key}'; the fit options are sampleWeight.`);
    }
  }
  return (options as CVFitOptions).sampleWeight;
}

/** values[rows[i]] for each i. */
export function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/** The mean of `values`, summed in order (as numpy's mean over a short, strided axis). */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/**
 * The standard error of a mean over folds: the sample standard deviation of the
 * per-fold values (divisor k − 1) over √k — glmnet's `cvsd` with equal fold weights.
 */
export function standardError(values: ArrayLike<number>): number {
  const k = values.length;
  if (k < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < k; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (k - 1) / k);
}

/** Index of the first smallest value (numpy's argmin: ties go to the first). */
export function argmin(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/**
 * glmnet's `lambda.1se` rule on a grid sorted from the most to the least penalized:
 * the first (most penalized) index whose mean error is within one standard error of
 * the best one: meanErrors[i] ≤ meanErrors[best] + standardError(perFold[best]).
 */
export function oneStandardErrorIndex(meanErrors: Float64Array, perFold: Float64Array[], best: number): number {
  const threshold = meanErrors[best] + standardError(perFold[best]);
  for (let i = 0; i < meanErrors.length; i++) if (meanErrors[i] <= threshold) return i;
  return best;
}

/** Reads a JSON array of finite numbers back into a Float64Array. */
export function readJSONNumbers(name: string, value: unknown, what: string): Float64Array {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new ModelJSONError(name, `${what} must be a non-empty array of finite numbers`);
  }
  return Float64Array.from(value as number[]);
}

/** Reads a JSON array of arrays of finite numbers. */
export function readJSONRows(name: string, value: unknown, what: string): Float64Array[] {
  if (!Array.isArray(value) || value.length === 0) throw new ModelJSONError(name, `${what} must be a non-empty array of arrays of finite numbers`);
  return value.map((row, i) => readJSONNumbers(name, row, `${what}[${i}]`));
}

/** Reads a finite JSON number. */
export function readJSONNumber(name: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ModelJSONError(name, `${what} must be a finite number`);
  return value;
}

/** The `selection` field of a serialized cross-validated model, as a plain record (own keys only). */
export function readSelection(name: string, json: unknown): Record<string, unknown> {
  const selection = (json as { selection?: unknown }).selection;
  if (typeof selection !== 'object' || selection === null || Array.isArray(selection)) {
    throw new ModelJSONError(name, 'a fitted model needs its cross-validation results in "selection"');
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(selection)) out[key] = (selection as Record<string, unknown>)[key];
  return out;
}
