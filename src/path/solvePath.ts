/**
 * The path engine shared by {@link lassoPath}, {@link enetPath} and the
 * cross-validation classes: the default alpha grid, and one warm-started sweep of the
 * coordinate-descent strategy down a grid. Works on a {@link Design} already converted,
 * so cross-validation converts each fold once and reuses it for every alpha.
 *
 * @module
 */
import { type Design } from '../data/design.js';
import { Quadratic } from '../datafits/quadratic.js';
import { L1L2 } from '../penalties/l1l2.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import { solveWith } from '../solvers/engine.js';
import type { SolveOptions, SolveResult } from '../solvers/types.js';
import { totalWeight } from './validate.js';

/** A squared-loss problem, converted once: the design (centered when an intercept is fitted), targets and weights. */
export interface PathData {
  design: Design;
  y: Float64Array;
  /** swᵢ ≥ 0 (scikit-learn's `sample_weight`); the design is then centered on weighted means. */
  sampleWeight?: Float64Array;
  fitIntercept: boolean;
}

/** The penalty of a path: alpha varies, the rest is fixed. */
export interface PathPenalty {
  l1Ratio: number;
  positive: boolean;
}

/** Options of one solve along the path. */
export interface PathSolveOptions {
  tol: number;
  maxIter: number;
}

/**
 * A regularization path: one solution per alpha, alphas in decreasing order.
 * Coefficients and intercepts are on the original feature scale.
 */
export interface RegularizationPath {
  /** The penalty strengths, decreasing. */
  alphas: Float64Array;
  /** `coefs[k]` is the coefficient vector (length p) at `alphas[k]`. */
  coefs: Float64Array[];
  /** `intercepts[k]` is the intercept at `alphas[k]` (0 when `fitIntercept` is false). */
  intercepts: Float64Array;
  /**
   * Duality gap at each solution, in the units of the objective as written in the
   * doc comment (scikit-learn's `dual_gaps` are n times these). For alpha = 0 it is the
   * KKT residual instead, since the gap is then not defined.
   */
  dualGaps: Float64Array;
  /** Coordinate-descent epochs spent at each alpha. */
  nIters: Int32Array;
  /** Whether each solve reached `tol` within `maxIter`. */
  converged: boolean[];
}

/** The datafit 1/(2·Σswᵢ) · Σᵢ swᵢ(yᵢ − xᵢw − b)² (1/(2n)·‖y − Xw − b‖² without weights). */
export function pathDatafit(data: PathData): Quadratic {
  return new Quadratic(1 / totalWeight(data.sampleWeight, data.design.nSamples), data.sampleWeight);
}

/**
 * ∇_w F at w = 0 with the best intercept (the weighted mean of y when fitted):
 * −(1/Σsw)·X̃ᵀW(y − ȳ), whose largest entry decides where the path starts.
 */
export function gradientAtZero(data: PathData): Float64Array {
  const datafit = pathDatafit(data);
  const state = datafit.createState(data.design, data.y);
  if (data.fitIntercept) datafit.moveIntercept(state, datafit.interceptStep(state));
  const g = new Float64Array(data.design.nFeatures);
  datafit.gradient(state, data.design, g);
  return g;
}

/** numpy's `finfo(float).resolution`: scikit-learn's grid when alphaMax is below it. */
const RESOLUTION = 1e-15;

/**
 * scikit-learn's default grid (`_alpha_grid`): `nAlphas` values geometrically spaced from
 * alphaMax down to alphaMax·eps, where alphaMax = ‖X̃ᵀW(y − ȳ)‖∞ / (Σsw · l1Ratio) is the
 * smallest alpha at which w = 0 is optimal (the penalty's `alphaMax` at the gradient
 * at w = 0). Computed as numpy's `logspace(log10(alphaMax·eps), log10(alphaMax), nAlphas)[::-1]`,
 * step for step, so that the grids agree to the last bit or two. As in scikit-learn, the
 * grid ignores `positive`, and when alphaMax ≤ 1e-15 (y constant, or X orthogonal to y)
 * every alpha is 1e-15. With sample weights alphaMax is the weighted one (scikit-learn
 * 1.2 ignores the weights here; later versions use them too), so that integer weights
 * give the grid of the repeated rows.
 */
export function defaultAlphas(data: PathData, l1Ratio: number, nAlphas: number, eps: number): Float64Array {
  return gridFrom(gradientAtZero(data), l1Ratio, nAlphas, eps);
}

/** {@link defaultAlphas} from ∇_w F at w = 0 (with the best intercept) computed by the caller. */
export function gridFrom(gradientAtZero: Float64Array, l1Ratio: number, nAlphas: number, eps: number): Float64Array {
  return geometricGrid(new L1L2(1, l1Ratio).alphaMax(gradientAtZero), nAlphas, eps);
}

/**
 * `logspace(log10(top·eps), log10(top), count)[::-1]`, or every value 1e-15 when top ≤ 1e-15.
 * With more than one value, the first is raised to `top` when 10^log10(top) rounds below
 * it: at alphaMax every coefficient is then exactly 0, where an alpha one ulp smaller can
 * leave a rounding-sized one (scikit-learn's grid has that ulp).
 */
export function geometricGrid(top: number, count: number, eps: number): Float64Array {
  if (!(top > RESOLUTION)) return new Float64Array(count).fill(RESOLUTION);
  const grid = logspace(Math.log10(top * eps), Math.log10(top), count).reverse();
  if (count > 1 && grid[0] < top) grid[0] = top;
  return grid;
}

/**
 * numpy's `logspace(start, stop, num)` (base 10), with `linspace`'s arithmetic step for
 * step: y = arange(num)·step + start, then y[−1] = stop (when num > 1), then 10^y. The
 * results agree with numpy's to an ulp or two (the platforms' pow functions differ).
 */
export function logspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) {
    const exponent = num > 1 && i === div ? stop : (div > 0 ? i * step : 0) + start;
    // 10^k for an integer k is exact in numpy (C's pow); V8's Math.pow(10, −4) is off by
    // an ulp, so integer exponents go through the correctly rounded decimal parser
    out[i] = Number.isInteger(exponent) && Math.abs(exponent) < 300 ? Number(`1e${exponent}`) : Math.pow(10, exponent);
  }
  return out;
}

/**
 * Solves the problem at every alpha of `alphas` (decreasing), each solve starting from
 * the previous solution (warm start). See the module comment of `path/index.ts` for
 * why this, with working sets, costs a few full-gradient passes per alpha.
 */
export function solvePath(data: PathData, penalty: PathPenalty, alphas: Float64Array, options: PathSolveOptions): RegularizationPath {
  const { design, y, fitIntercept } = data;
  const datafit = pathDatafit(data);
  // each solve starts from the previous solution; the gradient there (∇_w F, the same for
  // every alpha since only the penalty changes) is passed on as coordinate descent left it,
  // with its certified entries still uncomputed: most stay certified at the next alpha, so
  // completing them (a near-full pass per alpha) would be wasted
  let initial: SolveOptions['initial'];
  return sweep(alphas, (alpha) => {
    const result: SolveResult = solveWith(
      { design, y, datafit, penalty: new L1L2(alpha, penalty.l1Ratio, { positive: penalty.positive }), fitIntercept },
      { strategy: 'cd', maxIter: options.maxIter, tol: options.tol, initial },
      { cd: coordinateDescent },
    );
    initial = { w: result.w, b: result.b, certificate: result.certificate };
    const { w, b, optimality, nIter, converged } = result;
    return { w, intercept: originalIntercept(design, w, b, fitIntercept), optimality, nIter, converged };
  });
}

/** One solve along a path: the solution (w on the design's scale, the original intercept) and how it went. */
export interface PathPoint {
  w: Float64Array;
  intercept: number;
  /** The stopping measure at w. */
  optimality: number;
  nIter: number;
  converged: boolean;
}

/** Calls `solveAt` at every alpha, in order (it keeps its own warm start), and collects the path. */
export function sweep(alphas: Float64Array, solveAt: (alpha: number) => PathPoint): RegularizationPath {
  const count = alphas.length;
  const path: RegularizationPath = {
    alphas: alphas.slice(),
    coefs: [],
    intercepts: new Float64Array(count),
    dualGaps: new Float64Array(count),
    nIters: new Int32Array(count),
    converged: [],
  };
  for (let k = 0; k < count; k++) {
    const point = solveAt(alphas[k]);
    path.coefs.push(point.w.slice());
    path.intercepts[k] = point.intercept;
    path.dualGaps[k] = point.optimality;
    path.nIters[k] = point.nIter;
    path.converged.push(point.converged);
  }
  return path;
}

/** The intercept on the original scale: b − Σⱼ x̄ⱼwⱼ (x̄ the column means the design removed). */
export function originalIntercept(design: Design, w: Float64Array, b: number, fitIntercept: boolean): number {
  if (!fitIntercept) return 0;
  let intercept = b;
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) intercept -= design.columnMeans[j] * w[j];
  return intercept;
}
