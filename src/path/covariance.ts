/**
 * Regularization paths in covariance form ({@link QuadraticGram}), for tall data: the
 * Gram matrix of a fold is formed once and every alpha is solved on it, where the
 * sample-space path reads X a few times per alpha.
 *
 * Cross-validation needs one Gram matrix per fold, each over all rows but the fold's. They
 * come from moments: the Gram matrix of each fold's *held-out* rows is formed once (all
 * of them together cost one pass of n·p²/2 multiply-adds over the data), and a fold's
 * training moments are the total minus its own held-out ones. To keep that subtraction
 * and the centering accurate, the moments are taken about a fixed shift μ near the data's
 * means (the weighted means of all rows): a fold's centered Gram matrix is then
 * Σ swᵢ(zᵢ − d)(zᵢ − d)ᵀ = Σ swᵢzᵢzᵢᵀ − S·ddᵀ with d, the fold's mean minus μ, small — the
 * classic shifted two-pass formula — instead of a difference of two large numbers.
 *
 * @module
 */
import type { Design } from '../data/design.js';
import { QuadraticGram } from '../datafits/quadraticGram.js';
import { shiftedGramOfRows } from '../linalg/gram.js';
import { dot, sum } from '../linalg/kernels.js';
import { L1L2 } from '../penalties/l1l2.js';
import { gramCoordinateDescent } from '../solvers/gramCoordinateDescent.js';
import { type PathData, type PathPenalty, type PathSolveOptions, type RegularizationPath, sweep } from './solvePath.js';

/**
 * Passes over the rows that a sample-space path spends per alpha, measured: 1228 passes
 * for 100 alphas × 5 folds of a 5000×200 `LassoCV` (2.45), 254 for the 100 alphas of
 * the 500×10000 path.
 */
const PASSES_PER_ALPHA = 2.5;

/**
 * Whether `alphaCount` alphas (all positive: the stopping rule's gap needs a penalty, so
 * callers keep alpha = 0 in sample space) on row sets of `rowCounts` (a fold's training
 * rows each, or all of them) are cheaper in covariance form: every set has more rows than
 * the p features (scikit-learn's `precompute='auto'` rule), and `gramWork`, the
 * multiply-adds that form the Gram matrices, is below the sample-space paths'
 * {@link PASSES_PER_ALPHA} passes of rows·p per alpha. For one 100-alpha path that means
 * p < 500; cross-validation shares one Gram pass among its folds.
 */
export function covarianceFormPays(p: number, rowCounts: number[], alphaCount: number, gramWork: number): boolean {
  if (rowCounts.some((rows) => rows <= p)) return false;
  const rows = rowCounts.reduce((a, b) => a + b, 0);
  return gramWork < PASSES_PER_ALPHA * alphaCount * rows * p;
}

/**
 * The weighted moments of some rows about a shift μ, in one matrix: Σ swᵢ·zᵢzᵢᵀ for
 * zᵢ = [xᵢ − μ, yᵢ − μ_y, 1], row-major (p + 2)×(p + 2), whose last row holds the sums
 * Σ swᵢ·zᵢ and, last, Σ swᵢ. The moments of disjoint row sets add up.
 */
export function rowMoments(raw: Design, y: Float64Array, rows: Int32Array, shift: Float64Array, sampleWeight?: Float64Array): Float64Array {
  return shiftedGramOfRows(raw.values, raw.nSamples, raw.nFeatures, y, rows, shift, sampleWeight);
}

/** The moments of a union of disjoint row sets (`sign` −1: of `a`'s rows not in `b`, b ⊂ a). */
export function combineMoments(a: Float64Array, b: Float64Array, sign: 1 | -1): Float64Array {
  return a.map((v, j) => v + sign * b[j]);
}

/** A tall squared-loss problem in covariance form, with what a path needs to report intercepts. */
export interface GramPathData {
  datafit: QuadraticGram;
  /** The weighted means of the rows' [x, y] (p + 1 values; zeros without intercept). */
  means: Float64Array;
  fitIntercept: boolean;
}

/**
 * The covariance form of the rows summarized by `moments` (taken about `shift`) for the
 * path datafit 1/(2·Σsw)·Σᵢ swᵢ(yᵢ − xᵢw − b)²: H, c and a with s = 1/Σsw, centered on
 * the rows' weighted means when an intercept is fitted (a zero shift is expected otherwise).
 */
export function gramPathData(moments: Float64Array, shift: Float64Array, fitIntercept: boolean): GramPathData {
  const p = shift.length - 1;
  const m = p + 2;
  const last = (p + 1) * m;
  const s = 1 / moments[last + p + 1];
  // d, the rows' mean minus the shift (0 without intercept: nothing is centered)
  const offset = shift.map((_, j) => (fitIntercept ? moments[last + j] * s : 0));
  /** The centered moment Σ swᵢ(zᵢⱼ − dⱼ)(zᵢₖ − dₖ) = Σ swᵢzᵢⱼzᵢₖ − S·dⱼdₖ, times s. */
  const centered = (j: number, k: number) => s * moments[j * m + k] - offset[j] * offset[k];
  const gram = new Float64Array(p * p);
  const linear = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) gram[j * p + k] = gram[k * p + j] = centered(j, k);
    linear[j] = centered(j, p);
  }
  const means = fitIntercept ? shift.map((mu, j) => mu + offset[j]) : offset;
  return { datafit: new QuadraticGram(gram, linear, Math.max(0, centered(p, p))), means, fitIntercept };
}

/**
 * The covariance form of a sample-space path problem (its design centered when an
 * intercept is fitted): moments of all rows about [0, ȳ], means reported on the original
 * scale.
 */
export function gramOfPathData(data: PathData): GramPathData {
  const { design, y, sampleWeight, fitIntercept } = data;
  const p = design.nFeatures;
  const shift = new Float64Array(p + 1);
  if (fitIntercept) shift[p] = weightedMean(y, sampleWeight);
  const rows = Int32Array.from({ length: design.nSamples }, (_, i) => i);
  const gram = gramPathData(rowMoments(design, y, rows, shift, sampleWeight), shift, fitIntercept);
  if (fitIntercept) for (let j = 0; j < p; j++) gram.means[j] += design.columnMeans[j];
  return gram;
}

/** Σ swᵢyᵢ / Σ swᵢ, or the plain mean. */
export function weightedMean(y: Float64Array, sampleWeight?: Float64Array): number {
  return sampleWeight ? dot(sampleWeight, y) / sum(sampleWeight) : sum(y) / y.length;
}

/**
 * {@link solvePath} in covariance form: every alpha of `alphas` (decreasing, all > 0)
 * solved by {@link gramCoordinateDescent}, each from the previous solution.
 */
export function solveGramPath(data: GramPathData, penalty: PathPenalty, alphas: Float64Array, options: PathSolveOptions): RegularizationPath {
  const { datafit, means, fitIntercept } = data;
  const p = datafit.nFeatures;
  let w: Float64Array = new Float64Array(p);
  return sweep(alphas, (alpha) => {
    const result = gramCoordinateDescent(
      { datafit, penalty: new L1L2(alpha, penalty.l1Ratio, { positive: penalty.positive }) },
      { maxIter: options.maxIter, tol: options.tol, initial: { w } },
    );
    w = result.w;
    let intercept = fitIntercept ? means[p] : 0;
    if (fitIntercept) for (let j = 0; j < p; j++) if (w[j] !== 0) intercept -= means[j] * w[j];
    return { w, intercept, optimality: result.optimality, nIter: result.nIter, converged: result.converged };
  });
}
