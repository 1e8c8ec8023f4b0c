import { Quadratic } from '../datafits/quadratic.js';
import { L1L2 } from '../penalties/l1l2.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import type { StrategyTable } from '../solvers/engine.js';
import type { ModelJSON, Objective, ObjectiveContext } from './base.js';
import { param } from './params.js';
import { Regressor } from './regressor.js';

const parameters = {
  /** See {@link ElasticNetOptions.alpha}. */
  alpha: param.nonNegative(1),
  /** See {@link ElasticNetOptions.l1Ratio}. */
  l1Ratio: param.unit(0.5),
  /** See {@link ElasticNetOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link ElasticNetOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link ElasticNetOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link ElasticNetOptions.warmStart}. */
  warmStart: param.flag(false),
  /** See {@link ElasticNetOptions.solver}. */
  solver: param.choice('auto', ['auto', 'cd'] as const),
  /** See the options' `positive`. */
  positive: param.flag(false),
  /** See the options' `penaltyFactor`. */
  penaltyFactor: param.weights(),
  /** See the options' `standardize`. */
  standardize: param.flag(false),
};

/** Options of {@link ElasticNet}; every one is optional. */
export interface ElasticNetOptions {
  /** Overall penalty strength, ≥ 0 (default 1). scikit-learn `alpha`, glmnet `lambda`. */
  alpha?: number;
  /** Share of L1 in the penalty, in [0, 1] (default 0.5). scikit-learn `l1_ratio`, glmnet `alpha` (see the class for glmnet's scaling). */
  l1Ratio?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /** Maximum coordinate-descent epochs (default 1000). */
  maxIter?: number;
  /** Stop when the duality gap ≤ `tol · ‖y − ȳ‖² / n` (default 1e-4), as scikit-learn. */
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
 * Linear regression with a mix of L1 and L2 penalties. Minimizes over w and b
 *
 *     1/(2n) · ‖y − Xw − b‖²  +  alpha · l1Ratio · ‖w‖₁  +  ½ · alpha · (1 − l1Ratio) · ‖w‖²
 *
 * the objective of scikit-learn's `ElasticNet(alpha, l1_ratio)`, and the one glmnet
 * documents for `glmnet(x, y, alpha = l1Ratio, lambda = alpha, standardize = FALSE)`.
 * glmnet, however, divides y by its standard deviation sd(y) (1/n formula) before
 * fitting, which weakens its L2 part by that factor: it fits this model with
 * `lambda = alpha·(l1Ratio + sd(y)·(1 − l1Ratio))` and `alpha = alpha·l1Ratio / lambda`,
 * or with the plain mapping when y has unit standard deviation (verified in the guide
 * "Coming from glmnet"). The intercept is not penalized. Solved by proximal
 * coordinate descent.
 *
 * @example
 * ```ts
 * import { ElasticNet, Lasso } from 'penalized';
 *
 * // two nearly identical measurements of one quantity, and an unrelated feature
 * const X = [[1.0, 1.1, 0.5], [2.0, 1.9, -0.3], [3.0, 3.1, 0.8], [4.0, 3.9, -0.1], [5.0, 5.1, 0.2]];
 * const y = [1.1, 1.9, 3.2, 3.9, 5.1];
 * new ElasticNet({ alpha: 0.05, l1Ratio: 0.5 }).fit(X, y).coef;   // [0.38, 0.60, 0]: shared
 * new Lasso({ alpha: 0.05 }).fit(X, y).coef;                      // [0, 0.98, 0]: one picked
 * ```
 */
export class ElasticNet extends Regressor<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;

  constructor(options: ElasticNetOptions = {}) {
    super('ElasticNet', parameters, options);
  }

  /** @internal */
  protected objective({ totalWeight, sampleWeights, penalty }: ObjectiveContext): Objective {
    return {
      datafit: new Quadratic(1 / totalWeight, sampleWeights),
      penalty: new L1L2(this.params.alpha, this.params.l1Ratio, penalty),
    };
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
  static fromJSON(json: ModelJSON | unknown): ElasticNet {
    return ElasticNet.restore('ElasticNet', json, (params) => new ElasticNet(params));
  }
}
