import { Quadratic } from '../datafits/quadratic.js';
import { L1L2 } from '../penalties/l1l2.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import type { StrategyTable } from '../solvers/engine.js';
import type { ModelJSON, Objective } from './base.js';
import { param } from './params.js';
import { Regressor } from './regressor.js';

const parameters = {
  alpha: param.nonNegative(1),
  l1Ratio: param.unit(0.5),
  fitIntercept: param.flag(true),
  maxIter: param.iterations(1000),
  tol: param.nonNegative(1e-4),
  warmStart: param.flag(false),
  solver: param.choice('auto', ['auto', 'cd'] as const),
};

/** Options of {@link ElasticNet}; every one is optional. */
export interface ElasticNetOptions {
  /** Overall penalty strength, ≥ 0 (default 1). scikit-learn `alpha`, glmnet `lambda`. */
  alpha?: number;
  /** Share of L1 in the penalty, in [0, 1] (default 0.5). scikit-learn `l1_ratio`, glmnet `alpha`. */
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
}

/**
 * Linear regression with a mix of L1 and L2 penalties. Minimizes over w and b
 *
 *     1/(2n) · ‖y − Xw − b‖²  +  alpha · l1Ratio · ‖w‖₁  +  ½ · alpha · (1 − l1Ratio) · ‖w‖²
 *
 * the objective of scikit-learn's `ElasticNet(alpha, l1_ratio)` and of glmnet's
 * `glmnet(x, y, alpha = l1Ratio, lambda = alpha, standardize = FALSE)`. The intercept
 * is not penalized. Solved by proximal coordinate descent.
 *
 * @example
 * ```ts
 * import { ElasticNet } from 'penalized';
 * const model = new ElasticNet({ alpha: 0.1, l1Ratio: 0.7 }).fit(X, y);
 * model.coef;   // sparse, and shrunk less erratically than the Lasso on correlated features
 * ```
 */
export class ElasticNet extends Regressor<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;

  constructor(options: ElasticNetOptions = {}) {
    super('ElasticNet', parameters, options);
  }

  /** @internal */
  protected objective(nSamples: number): Objective {
    return { datafit: new Quadratic(1 / nSamples), penalty: new L1L2(this.params.alpha, this.params.l1Ratio) };
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
