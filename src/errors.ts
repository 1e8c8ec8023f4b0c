/**
 * Every error `penalized` throws is a {@link PenalizedError} with a stable `code`
 * that callers can branch on; the message says what was wrong and what to do.
 *
 * @module
 */

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export type ErrorCode =
  | 'INVALID_DATA' // X or y is malformed: not numeric, not finite, ragged, empty
  | 'SHAPE_MISMATCH' // X and y disagree on rows, or predict got the wrong feature count
  | 'INVALID_PARAMETER' // a hyperparameter has the wrong type or is out of range
  | 'UNKNOWN_OPTION' // an option name the estimator does not have (a typo)
  | 'NOT_FITTED' // predict / coef used before fit
  | 'INVALID_LABELS' // classification labels: wrong count of classes or wrong type
  | 'INVALID_MODEL_JSON' // fromJSON was given something that is not a model of that class
  | 'SOLVER_UNSUPPORTED' // a solver strategy cannot handle the datafit/penalty pair
  | 'NUMERICAL_FAILURE'; // a solver diverged (non-finite coefficients): the data is too badly scaled for it

/** Base class of every error thrown by `penalized`. */
export class PenalizedError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PenalizedError';
    this.code = code;
  }
}

/** X, y or labels are malformed, or their shapes disagree. */
export class DataError extends PenalizedError {
  constructor(code: 'INVALID_DATA' | 'SHAPE_MISMATCH' | 'INVALID_LABELS', message: string) {
    super(code, message);
    this.name = 'DataError';
  }
}

/** A constructor option is unknown, of the wrong type or out of range. */
export class ParameterError extends PenalizedError {
  constructor(code: 'INVALID_PARAMETER' | 'UNKNOWN_OPTION', message: string) {
    super(code, message);
    this.name = 'ParameterError';
  }
}

/** A fitted attribute or `predict` was used before `fit`. */
export class NotFittedError extends PenalizedError {
  constructor(estimator: string, what: string) {
    super(
      'NOT_FITTED',
      `${estimator}: cannot use ${what} before the model is fitted; call fit(X, y) first (or load one with ${estimator}.fromJSON).`,
    );
    this.name = 'NotFittedError';
  }
}

/** `fromJSON` received something that is not a serialized model of that class. */
export class ModelJSONError extends PenalizedError {
  constructor(estimator: string, problem: string) {
    super('INVALID_MODEL_JSON', `${estimator}.fromJSON: ${problem}; pass the object produced by ${estimator}#toJSON().`);
    this.name = 'ModelJSONError';
  }
}

/**
 * Short, safe description of a value for error messages. Never throws, whatever it is
 * given (a Proxy with throwing traps, an object with a hostile `constructor` getter).
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined (missing)';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value)}`;
  if (typeof value === 'bigint') return `the bigint ${value}n`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  try {
    if (Array.isArray(value)) return `an array of length ${value.length}`;
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (tag !== 'Object') return `a ${tag}`; // a Float64Array, a Map, a Date, …
    if (typeof (value as { length?: unknown }).length === 'number') return 'an object with a length (array-like: convert it with Array.from)';
  } catch {
    // a revoked Proxy or a throwing getter
  }
  return 'an object';
}
