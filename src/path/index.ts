/**
 * Regularization paths: the Lasso or elastic-net solution at every alpha of a grid,
 * computed in one sweep from the largest alpha (all coefficients zero) down.
 *
 * **Why a path costs a few single fits, not a hundred.** Each alpha is solved by the
 * engine's working-set coordinate descent, started from the previous alpha's solution
 * (warm start). The working set does the job of the sequential strong rules of
 * Tibshirani et al. (2012) and the screening of glmnet: at the start of each solve one
 * pass over X computes the full gradient, hence every feature's KKT violation
 * dist(−∇ⱼF, ∂gⱼ(wⱼ)) at the warm start; the epochs then run only over the previous
 * support plus the features that violate their KKT condition the most (at least 10,
 * at most twice the support) — where the strong rule would keep the features with
 * |∇ⱼF| ≥ 2·alpha_k − alpha_{k−1}, the working set keeps the ones nearest to entering
 * by the same measure, without needing the next alpha to be close to the previous
 * one. Like the strong rules with their KKT check, nothing is lost: the solve stops
 * only when the duality gap over *all* p features is below the tolerance (another
 * full pass), and a feature missed by the working set is picked up at that check and
 * the set is enlarged. So each alpha costs at most a few passes over X, and mostly less:
 * an outer pass skips the features whose KKT condition is certified still to hold (see
 * `coordinateDescent.ts`), and each solve hands the next one its gradient with those
 * entries still uncomputed. On the issue's 500 × 10000 problem the 100 alphas take 60
 * full passes plus ~117,000 single columns (~12 passes' worth), and epochs over a few
 * dozen to a few hundred columns, where scikit-learn runs full epochs over all p
 * columns (569 of them on the same problem).
 *
 * On tall data with fewer than ~500 features the Gram matrix costs less than those
 * passes, and the path is solved in covariance form instead (`covariance.ts`: the Gram
 * matrix formed once, then O(p) per coordinate move), as scikit-learn's `precompute`.
 *
 * @module
 */
import { releaseDesign, toDesign, toTargets } from '../data/design.js';
import { ParameterError } from '../errors.js';
import { param } from '../estimators/params.js';
import { warn } from '../warnings.js';
import { covarianceFormPays, gramOfPathData, solveGramPath } from './covariance.js';
import { type PathData, type RegularizationPath, defaultAlphas, gridFrom, solvePath } from './solvePath.js';
import { readNumberList, splitOptions } from './validate.js';

export type { RegularizationPath } from './solvePath.js';

const lassoTable = {
  /** See {@link LassoPathOptions.nAlphas}. */
  nAlphas: param.iterations(100),
  /** See {@link LassoPathOptions.eps}. */
  eps: param.positive(1e-3),
  /** See {@link LassoPathOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link LassoPathOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link LassoPathOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link LassoPathOptions.positive}. */
  positive: param.flag(false),
};

const enetTable = {
  ...lassoTable,
  /** See {@link EnetPathOptions.l1Ratio}. */
  l1Ratio: param.unit(0.5),
};

/** Options of {@link lassoPath}; every one is optional. */
export interface LassoPathOptions {
  /**
   * The alphas to solve at (any order, each ≥ 0; solved and returned in decreasing
   * order). Default: scikit-learn's grid, `nAlphas` values from alphaMax down to alphaMax·eps.
   */
  alphas?: ArrayLike<number>;
  /** Length of the default grid (default 100). Ignored when `alphas` is given. */
  nAlphas?: number;
  /** Ratio alpha_min / alphaMax of the default grid (default 1e-3). Ignored when `alphas` is given. */
  eps?: number;
  /** Fit an unpenalized intercept at every alpha (default true). */
  fitIntercept?: boolean;
  /**
   * Tolerance of each solve (default 1e-4): stop when the duality gap is at most
   * `tol · Σswᵢ(yᵢ − ȳ)² / Σswᵢ` (`tol · ‖y − ȳ‖²/n` without weights), scikit-learn's rule.
   */
  tol?: number;
  /** Epoch cap of each solve (default 1000). */
  maxIter?: number;
  /** Constrain every coefficient to be ≥ 0 (default false), scikit-learn's `positive`. */
  positive?: boolean;
  /**
   * Per-sample weights swᵢ ≥ 0 (scikit-learn's `sample_weight`): the squared loss
   * becomes 1/(2·Σsw)·Σᵢ swᵢ(yᵢ − xᵢw − b)²; integer weights equal repeated rows.
   */
  sampleWeight?: ArrayLike<number>;
}

/** Options of {@link enetPath}: those of {@link lassoPath} plus `l1Ratio`. */
export interface EnetPathOptions extends LassoPathOptions {
  /**
   * Share of L1 in the penalty, in [0, 1] (default 0.5). scikit-learn `l1_ratio`, glmnet
   * `alpha`. 0 (pure ridge) needs explicit `alphas`, as in scikit-learn.
   */
  l1Ratio?: number;
}

/**
 * The Lasso path: for each alpha of a grid, the minimizer over w and b of
 *
 *     1/(2n) · ‖y − Xw − b‖²  +  alpha · ‖w‖₁
 *
 * (with sample weights: 1/(2·Σsw) · Σᵢ swᵢ(yᵢ − xᵢw − b)² + alpha·‖w‖₁), i.e.
 * `new Lasso({ alpha })` at every alpha. scikit-learn: `lasso_path(X, y)` (which does
 * not fit an intercept: center X and y first to compare, see the tests) ; glmnet:
 * `glmnet(x, y, alpha = 1, lambda = alphas, standardize = FALSE)`.
 *
 * X is validated and converted once; each alpha starts from the previous solution
 * (see the module comment for the screening this gives). Warns once (a
 * `PenalizedWarning`) if any alpha stops at `maxIter`.
 *
 * @example
 * ```ts
 * import { lassoPath } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const path = lassoPath(X, y, { nAlphas: 50 });
 * path.alphas[0];   // 2.148: alphaMax, where every coefficient is zero
 * path.coefs[49];   // at alphaMax·1e-3 all 10 features are in
 * ```
 */
export function lassoPath(X: unknown, y: unknown, options: LassoPathOptions = {}): RegularizationPath {
  const { params, lists } = splitOptions('lassoPath', lassoTable, ['alphas', 'sampleWeight'], options);
  return runPath('lassoPath', X, y, { ...params, l1Ratio: 1 }, lists);
}

/**
 * The elastic-net path: for each alpha of a grid, the minimizer over w and b of
 *
 *     1/(2n) · ‖y − Xw − b‖²  +  alpha · l1Ratio · ‖w‖₁  +  ½ · alpha · (1 − l1Ratio) · ‖w‖²
 *
 * (with sample weights the loss is 1/(2·Σsw) · Σᵢ swᵢ(yᵢ − xᵢw − b)²), i.e.
 * `new ElasticNet({ alpha, l1Ratio })` at every alpha. scikit-learn:
 * `enet_path(X, y, l1_ratio=l1Ratio)` (no intercept: center X and y first to compare);
 * glmnet: `glmnet(x, y, alpha = l1Ratio, lambda = alphas, standardize = FALSE)`.
 * The default grid starts at alphaMax = ‖X̃ᵀ(y − ȳ)‖∞ / (n·l1Ratio).
 *
 * @example
 * ```ts
 * import { enetPath } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const { alphas, coefs } = enetPath(X, y, { l1Ratio: 0.7, eps: 1e-2 });
 * alphas[0];   // 3.069 = 2.148 / 0.7: alphaMax grows as the L1 share shrinks
 * ```
 */
export function enetPath(X: unknown, y: unknown, options: EnetPathOptions = {}): RegularizationPath {
  const { params, lists } = splitOptions('enetPath', enetTable, ['alphas', 'sampleWeight'], options);
  return runPath('enetPath', X, y, params, lists);
}

interface PathParams {
  nAlphas: number;
  eps: number;
  fitIntercept: boolean;
  tol: number;
  maxIter: number;
  positive: boolean;
  l1Ratio: number;
}

function runPath(where: string, X: unknown, y: unknown, params: PathParams, lists: Record<string, unknown>): RegularizationPath {
  const given = lists.alphas === undefined ? undefined : readNumberList(where, 'alphas', lists.alphas, { min: 0 });
  if (!given && params.l1Ratio === 0) {
    throw new ParameterError(
      'INVALID_PARAMETER',
      `${where}: with l1Ratio 0 (a pure ridge penalty) there is no alphaMax to start the default grid from; pass the grid as the option 'alphas', or use l1Ratio > 0.`,
    );
  }
  // toDesign validates the weights (one finite number ≥ 0 per row, not all zero) and
  // centers the columns on their weighted means
  const design = toDesign(X, { center: params.fitIntercept, weights: lists.sampleWeight });
  const targets = toTargets(y, design.nSamples);
  const data: PathData = { design, y: targets, sampleWeight: design.sampleWeights, fitIntercept: params.fitIntercept };
  // tall data: the covariance form, where it costs fewer multiply-adds (see covariance.ts)
  const { nSamples: n, nFeatures: p } = design;
  const alphaCount = given ? given.length : params.nAlphas;
  let path: RegularizationPath;
  if ((!given || given.every((alpha) => alpha > 0)) && covarianceFormPays(p, [n], alphaCount, 0.5 * n * p * p)) {
    const gram = gramOfPathData(data);
    // the default grid from the same c = −∇F(0) the solver reads, so that at alphaMax every
    // coefficient is exactly 0 (a c computed another way may differ in its last bit)
    const alphas = given ? given.sort().reverse() : gridFrom(gram.datafit.linear.map((v) => -v), params.l1Ratio, params.nAlphas, params.eps);
    path = solveGramPath(gram, params, alphas, params);
  } else {
    const alphas = given ? given.sort().reverse() : defaultAlphas(data, params.l1Ratio, params.nAlphas, params.eps);
    path = solvePath(data, params, alphas, params);
  }
  // the path holds its own arrays, none of them the copy of X
  releaseDesign(design);
  warnUnconverged(where, path);
  return path;
}

/** One warning for the whole path, naming how many alphas stopped at maxIter. */
export function warnUnconverged(where: string, path: RegularizationPath): void {
  const failed = path.converged.reduce((count, ok) => count + (ok ? 0 : 1), 0);
  if (failed === 0) return;
  const first = path.converged.indexOf(false);
  warn({
    code: 'CONVERGENCE',
    message:
      `${where}: ${failed} of ${path.alphas.length} alphas did not converge within maxIter ` +
      `(the first at alpha ${path.alphas[first].toExponential(3)}, duality gap ${path.dualGaps[first].toExponential(2)}). ` +
      `Those solutions are usable but less accurate than asked: increase maxIter, loosen tol, or scale the features.`,
  });
}
