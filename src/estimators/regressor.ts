import { toTargets } from '../data/design.js';
import { type FitOptions, LinearModel } from './base.js';
import type { ParamTable } from './params.js';

/** Base of the regressors: `fit(X, y)`, `predict`, and `score` (R²). */
export abstract class Regressor<T extends ParamTable> extends LinearModel<T> {
  /**
   * Fits the model to X (n rows × p features) and targets y (n numbers). Returns
   * `this`. Neither X nor y is modified. `options.onIteration` observes the solver.
   */
  fit(X: unknown, y: unknown, options?: FitOptions): this {
    this.fitWith(X, (n) => toTargets(y, n), options);
    return this;
  }

  /** Predictions X·coef + intercept, one per row of X. */
  predict(X: unknown): Float64Array {
    return this.linear(X);
  }

  /**
   * Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² on (X, y), as
   * scikit-learn's `score` (1 for a perfect fit; 0 when y is constant and not fitted exactly).
   */
  score(X: unknown, y: unknown): number {
    const predicted = this.predict(X);
    const target = toTargets(y, predicted.length);
    return rSquared(target, predicted);
  }
}

/** R², with scikit-learn's convention for a constant target. */
export function rSquared(y: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    residual += (y[i] - predicted[i]) ** 2;
    total += (y[i] - mean) ** 2;
  }
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
