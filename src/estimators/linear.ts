import { Quadratic } from '../datafits/quadratic.js';
import { NoPenalty } from '../penalties/none.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import { directSolve } from '../solvers/direct.js';
import type { StrategyTable } from '../solvers/engine.js';
import type { ModelJSON, Objective, ObjectiveContext } from './base.js';
import { param } from './params.js';
import { Regressor } from './regressor.js';

const parameters = {
  /** See {@link LinearOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See the options' `positive`. */
  positive: param.flag(false),
};

/** Options of {@link Linear}; every one is optional. */
export interface LinearOptions {
  /** Fit an intercept (default true). */
  fitIntercept?: boolean;
  /**
   * Constrain every coefficient to be ≥ 0 (default false): non-negative least squares,
   * solved by coordinate descent to tol 1e-12. scikit-learn `positive`, glmnet
   * `lower.limits = 0`.
   */
  positive?: boolean;
}

/**
 * Ordinary least squares. Minimizes over w and b
 *
 *     1/(2n) · ‖y − Xw − b‖²
 *
 * (the scale does not change the solution) — scikit-learn's `LinearRegression`,
 * glmnet with `lambda = 0`. Solved exactly from the normal equations (from the n×n
 * kernel form when there are fewer samples than features). When many w fit equally well
 * (collinear columns, more features than samples), the one of minimum ‖w‖, as
 * scikit-learn's lstsq gives.
 * Large tall problems (n·p² > 1e8, p ≥ 400) first try conjugate gradient run to
 * round-off, which is much faster on well-conditioned data and gives the same
 * coefficients (to ~1e-15 relative); when it would not get there quickly, XᵀX is formed
 * and factored as for smaller problems.
 *
 * @example
 * ```ts
 * import { Linear } from 'penalized';
 * const model = new Linear().fit([[1], [2], [3]], [2, 4, 6]);
 * model.coef;   // Float64Array [2]
 * ```
 */
export class Linear extends Regressor<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;

  constructor(options: LinearOptions = {}) {
    super('Linear', parameters, options);
  }

  /** @internal */
  protected strategies(): StrategyTable {
    // the exact solve; coordinate descent for the positivity constraint (NNLS)
    return { direct: directSolve, cd: coordinateDescent };
  }

  /**
   * @internal With `positive`, coordinate descent solves the non-negative least squares;
   * Linear has no `tol`, and scikit-learn's nnls is exact, so it runs to 1e-12 (measured:
   * a few more epochs than at 1e-4, and a residual of 1e-25 instead of 1e-7 where the
   * constrained fit can interpolate).
   */
  protected override iterationDefaults(): { maxIter: number; tol: number } {
    return { maxIter: 100_000, tol: 1e-12 };
  }

  /** @internal */
  protected objective({ totalWeight, sampleWeights, penalty }: ObjectiveContext): Objective {
    return { datafit: new Quadratic(1 / totalWeight, sampleWeights), penalty: new NoPenalty(penalty) };
  }

  /** Rebuilds a model from {@link LinearModel.toJSON} output, validating every field. */
  static fromJSON(json: ModelJSON | unknown): Linear {
    return Linear.restore('Linear', json, (params) => new Linear(params));
  }
}
