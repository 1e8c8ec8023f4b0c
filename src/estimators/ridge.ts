import { Quadratic } from '../datafits/quadratic.js';
import { L2 } from '../penalties/l2.js';
import { conjugateGradient } from '../solvers/conjugateGradient.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import { directSolve } from '../solvers/direct.js';
import type { StrategyTable } from '../solvers/engine.js';
import { fista } from '../solvers/fista.js';
import { lbfgs } from '../solvers/lbfgs.js';
import type { ModelJSON, Objective, ObjectiveContext } from './base.js';
import { param } from './params.js';
import { Regressor } from './regressor.js';

const parameters = {
  /** See {@link RidgeOptions.alpha}. */
  alpha: param.nonNegative(1),
  /** See {@link RidgeOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link RidgeOptions.solver}. */
  solver: param.choice('auto', ['auto', 'direct', 'cg', 'lbfgs', 'cd', 'fista'] as const),
  /** See {@link RidgeOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link RidgeOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See the options' `penaltyFactor`. */
  penaltyFactor: param.weights(),
  /** See the options' `standardize`. */
  standardize: param.flag(false),
};

/** Options of {@link Ridge}; every one is optional. */
export interface RidgeOptions {
  /** Penalty strength, ≥ 0 (default 1). scikit-learn `alpha`. */
  alpha?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /**
   * `'direct'` solves the normal equations exactly (Cholesky, or the n×n kernel form
   * when p > n); `'cg'` solves the same system by conjugate gradient, one pass over X
   * per iteration; `'lbfgs'`, `'cd'` and `'fista'` are the engine's general strategies.
   * `'auto'` (default) uses `'direct'` while n·p·min(n, p) ≤ 1e8 and `'cg'` beyond.
   */
  solver?: 'auto' | 'direct' | 'cg' | 'lbfgs' | 'cd' | 'fista';
  /** Iteration cap for the iterative solvers (default 1000). */
  maxIter?: number;
  /**
   * Tolerance of the iterative solvers (default 1e-4): for `'cg'`, the residual of
   * the normal equations relative to their right-hand side (scikit-learn's
   * `sparse_cg`); for the others, the engine's stopping rule. For `'cd'` and `'fista'`
   * that is the duality gap ≤ tol·‖y − ȳ‖², an absolute accuracy as in scikit-learn's
   * Lasso: where the optimal objective is far below ‖y − ȳ‖² (p > n and a tiny alpha, y
   * nearly interpolated) they stop at a multiple of the minimum; use the default solver
   * there, or a smaller tol.
   */
  tol?: number;
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
 * Linear regression with a squared L2 penalty. Minimizes over w and b
 *
 *     ‖y − Xw − b‖²  +  alpha · ‖w‖²
 *
 * scikit-learn's `Ridge(alpha)` objective exactly (no 1/n, no ½). glmnet's
 * `alpha = 0` model is documented as `1/(2n)·‖·‖² + ½·lambda·‖w‖²` (the same solution
 * for `lambda = alpha/n`), but for `family = "gaussian"` glmnet first divides y by its
 * standard deviation sd(y) (1/n formula), which weakens the L2 term by that factor:
 * the same solution is `glmnet(x, y, alpha = 0, lambda = sd(y)·alpha/n,
 * standardize = FALSE)` (verified to 2e-15 in the guide "Coming from glmnet").
 * Engine pair: `Quadratic(2)` + `L2(2·alpha)`. Solved exactly by default (see `solver`).
 *
 * @example
 * ```ts
 * import { Ridge } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const model = new Ridge({ alpha: 0.1 }).fit(X.slice(0, 350), y.slice(0, 350));
 * model.coef;                                  // 10 coefficients, all shrunk, none exactly 0
 * model.score(X.slice(350), y.slice(350));     // R² on the 92 held-out patients: 0.545
 * ```
 */
export class Ridge extends Regressor<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;

  constructor(options: RidgeOptions = {}) {
    super('Ridge', parameters, options);
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return { direct: directSolve, cg: conjugateGradient, lbfgs, cd: coordinateDescent, fista };
  }

  /** @internal */
  protected objective({ sampleWeights, penalty }: ObjectiveContext): Objective {
    return { datafit: new Quadratic(2, sampleWeights), penalty: new L2(2 * this.params.alpha, penalty) };
  }

  /** Rebuilds a model from {@link LinearModel.toJSON} output, validating every field. */
  static fromJSON(json: ModelJSON | unknown): Ridge {
    return Ridge.restore('Ridge', json, (params) => new Ridge(params));
  }
}
