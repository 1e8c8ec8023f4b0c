import { Quadratic } from '../datafits/quadratic.js';
import { L1 } from '../penalties/l1.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import type { StrategyTable } from '../solvers/engine.js';
import type { ModelJSON, Objective, ObjectiveContext } from './base.js';
import { param } from './params.js';
import { Regressor } from './regressor.js';

const parameters = {
  /** Penalty strength (≥ 0). scikit-learn `alpha`, glmnet `lambda`. */
  alpha: param.nonNegative(1),
  /** See {@link LassoOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link LassoOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link LassoOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link LassoOptions.warmStart}. */
  warmStart: param.flag(false),
  /** See {@link LassoOptions.solver}. */
  solver: param.choice('auto', ['auto', 'cd'] as const),
  /** See the options' `positive`. */
  positive: param.flag(false),
  /** See the options' `penaltyFactor`. */
  penaltyFactor: param.weights(),
  /** See the options' `standardize`. */
  standardize: param.flag(false),
};

/** Options of {@link Lasso}; every one is optional. */
export interface LassoOptions {
  /** Penalty strength, ≥ 0 (default 1). scikit-learn `alpha`, glmnet `lambda`. */
  alpha?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /** Maximum coordinate-descent epochs (default 1000). */
  maxIter?: number;
  /**
   * Stop when the duality gap ≤ `tol · ‖y − ȳ‖² / n` (default 1e-4): scikit-learn's
   * rule, so the same `tol` gives the same accuracy guarantee.
   */
  tol?: number;
  /** Start the next `fit` from the previous solution (default false). */
  warmStart?: boolean;
  /**
   * `'auto'` or `'cd'`: proximal coordinate descent with working sets (default
   * `'auto'`). The engine's FISTA strategy is available through `solve`.
   */
  solver?: 'auto' | 'cd';
  /** Constrain every coefficient to be ≥ 0 (default false). scikit-learn `positive`, glmnet `lower.limits = 0`. */
  positive?: boolean;
  /**
   * One multiplier ≥ 0 per feature on the penalty; 0 leaves a feature unpenalized
   * (default none). glmnet's `penalty.factor`, rescaled like glmnet's to sum to p.
   */
  penaltyFactor?: ArrayLike<number> | null;
  /**
   * Penalize on unit-variance columns and report coefficients on the original scale
   * (default false): glmnet's `standardize = TRUE` (its default).
   */
  standardize?: boolean;
}

/**
 * Linear regression with an L1 penalty. Minimizes over w and b
 *
 *     1/(2n) · ‖y − Xw − b‖²  +  alpha · ‖w‖₁
 *
 * the objective of scikit-learn's `Lasso(alpha)` and of glmnet's
 * `glmnet(x, y, alpha = 1, lambda = alpha, standardize = FALSE)`. The intercept is
 * not penalized. Solved by proximal coordinate descent (soft-thresholding), so
 * coefficients are exactly zero where the penalty wins.
 *
 * @example
 * ```ts
 * import { Lasso } from 'penalized';
 * const model = new Lasso({ alpha: 0.1 }).fit([[-1], [0], [1]], [-1, 0, 1]);
 * model.coef;            // Float64Array [0.85]
 * model.predict([[2]]);  // Float64Array [1.7]
 * ```
 */
export class Lasso extends Regressor<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;

  constructor(options: LassoOptions = {}) {
    super('Lasso', parameters, options);
  }

  /** @internal */
  protected objective({ totalWeight, sampleWeights, penalty }: ObjectiveContext): Objective {
    return { datafit: new Quadratic(1 / totalWeight, sampleWeights), penalty: new L1(this.params.alpha, penalty) };
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return { cd: coordinateDescent };
  }

  /** Duality gap at the solution, in the units of the objective above. */
  get dualGap(): number {
    return this.require('dualGap').optimality;
  }

  /** Rebuilds a model from {@link LinearModel.toJSON} output, validating every field. */
  static fromJSON(json: ModelJSON | unknown): Lasso {
    return Lasso.restore('Lasso', json, (params) => new Lasso(params));
  }
}
