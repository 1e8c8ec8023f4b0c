/**
 * Warnings (non-convergence) go through one replaceable handler, so that callers can
 * silence or collect them, and so the library imports nothing from Node: the default
 * handler uses `process.emitWarning` when it exists (Node) and `console.warn` otherwise.
 *
 * @module
 */

/** A warning raised by a fit: the model is usable but the caller should know. */
export interface PenalizedWarning {
  /** Stable code: `'CONVERGENCE'` when the solver stopped at `maxIter` before reaching `tol`. */
  code: 'CONVERGENCE';
  /** Human-readable explanation with what to do about it. */
  message: string;
}

/** Receives every warning; `null` silences them. */
export type WarningHandler = ((warning: PenalizedWarning) => void) | null;

function defaultHandler(warning: PenalizedWarning): void {
  const proc = (globalThis as { process?: { emitWarning?: (msg: string, opts: object) => void } }).process;
  if (proc && typeof proc.emitWarning === 'function') {
    proc.emitWarning(warning.message, { type: 'PenalizedWarning', code: warning.code });
  } else {
    const con = (globalThis as { console?: { warn?: (msg: string) => void } }).console;
    if (con && typeof con.warn === 'function') con.warn(`PenalizedWarning [${warning.code}]: ${warning.message}`);
  }
}

let handler: WarningHandler = defaultHandler;

/**
 * Replaces the warning handler and returns the previous one.
 *
 * @example
 * ```ts
 * import { Lasso, setWarningHandler, type PenalizedWarning } from 'penalized';
 *
 * const X = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 7]];
 * const y = [1, 2, 3, 4, 6];
 *
 * const previous = setWarningHandler(null);                     // silence
 * const model = new Lasso({ alpha: 1e-6, maxIter: 2 }).fit(X, y);
 * model.converged;                                              // false: the model still tells
 *
 * const seen: PenalizedWarning[] = [];
 * setWarningHandler((warning) => void seen.push(warning));     // or collect
 * new Lasso({ alpha: 1e-6, maxIter: 2 }).fit(X, y);
 * seen[0].code;                                                 // 'CONVERGENCE'
 *
 * setWarningHandler(previous);                                  // restore the default
 * ```
 */
export function setWarningHandler(next: WarningHandler): WarningHandler {
  const previous = handler;
  handler = next;
  return previous;
}

/** @internal */
export function warn(warning: PenalizedWarning): void {
  if (handler) handler(warning);
}
