/**
 * Proximal coordinate descent on the covariance form of the squared loss
 * ({@link QuadraticGram}): the strategy of regularization paths and cross-validation
 * on tall data, where the Gram matrix is formed once and shared by every alpha.
 *
 * Each epoch visits every coordinate in order and takes the same exact step as
 * `coordinateDescent.ts`,
 *
 *     wⱼ ← prox_{gⱼ/Hⱼⱼ}(wⱼ − (qⱼ − cⱼ)/Hⱼⱼ),   q = Hw,
 *
 * and a move updates q with row j of H. A coordinate that stays at 0 costs O(1) and a
 * move O(p), so an epoch costs p plus p per moving coordinate, whatever n is: no
 * working set is needed. The stopping rule is scikit-learn's, as in
 * `coordinateDescent.ts`: the epoch's largest change is below `tol · max|w|`, then the
 * duality gap ({@link gramDualityGap}) is below `tol · a`; at `maxIter` the gap alone
 * decides. Anderson extrapolation works as in `coordinateDescent.ts`, over all p
 * coordinates: every {@link ANDERSON_DEPTH} + 1 epochs the extrapolated point, projected
 * onto the penalty's domain, replaces w when it lowers the objective (on the diabetes
 * data at tol 1e-10, paths that reached the 1000-epoch cap without it take ~100–300).
 *
 * @module
 */
import type { QuadraticGram } from '../datafits/quadraticGram.js';
import type { Penalty } from '../penalties/types.js';
import { ANDERSON_DEPTH, andersonSchedule } from './anderson.js';
import { requireFinite } from './engine.js';
import { gramDualityGap } from './stopping.js';

/** A squared-loss problem in covariance form: minimize F(w) + g(w). */
export interface GramProblem {
  datafit: QuadraticGram;
  penalty: Penalty;
}

/** Options of {@link gramCoordinateDescent}. */
export interface GramSolveOptions {
  /** Epoch cap. */
  maxIter: number;
  /** Tolerance: the duality gap is compared with `tol · a`. */
  tol: number;
  /** Warm start (q = Hw is recomputed from it, so rounding does not drift along a path). */
  initial?: { w: Float64Array };
  /** Anderson extrapolation (default true). */
  extrapolation?: boolean;
}

/** What {@link gramCoordinateDescent} returns. */
export interface GramSolveResult {
  w: Float64Array;
  nIter: number;
  converged: boolean;
  /** The duality gap at w (the last one computed). */
  optimality: number;
}

export function gramCoordinateDescent(problem: GramProblem, options: GramSolveOptions): GramSolveResult {
  const { datafit, penalty } = problem;
  const { gram: H, linear: c, nFeatures: p } = datafit;
  const w = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  const q = datafit.product(w);
  const threshold = options.tol * datafit.targetSquares;
  const scratch = new Float64Array(p);
  const extrapolate = options.extrapolation === false ? undefined : extrapolation(problem, w, q);
  let optimality = Infinity;
  let converged = false;
  let iteration = 0;
  epochs: while (iteration < options.maxIter) {
    iteration++;
    let wMax = 0;
    let changeMax = 0;
    for (let j = 0; j < p; j++) {
      const Hjj = H[j * p + j];
      if (!(Hjj > 0)) continue; // a constant column: F does not depend on wⱼ
      const old = w[j];
      const gradient = q[j] - c[j];
      // 0 is optimal along j: decided before dividing by Hⱼⱼ, so that |cⱼ| = alpha (the
      // path's first alpha) keeps wⱼ exactly 0 where the prox's rounding can move it by an ulp
      if (old === 0 && penalty.subdifferentialDistance(0, gradient, j) === 0) continue;
      const next = penalty.proxCoordinate(old - gradient / Hjj, 1 / Hjj, j);
      if (next !== old) {
        w[j] = next;
        if (!(Math.abs(next) < Infinity)) break epochs; // overflow: reported below
        datafit.moveCoordinate(q, j, next - old);
        const change = Math.abs(next - old);
        if (change > changeMax) changeMax = change;
      }
      const a = Math.abs(next);
      if (a > wMax) wMax = a;
    }
    const smallSteps = wMax === 0 || changeMax / wMax < options.tol;
    if (smallSteps || iteration === options.maxIter) {
      optimality = gramDualityGap(datafit, penalty, w, q, scratch);
      if (optimality <= threshold) {
        converged = true;
        break;
      }
    }
    extrapolate?.();
  }
  // a step that overflowed (columns far from unit scale) left a non-finite coefficient
  requireFinite('cd', w, 0, iteration);
  return { w, nIter: iteration, converged, optimality };
}

/**
 * The step to call after each epoch: every {@link ANDERSON_DEPTH} + 1 epochs it moves w
 * (and q = Hw) to the extrapolated point, projected onto the penalty's domain, when that
 * lowers the objective. The comparison uses the difference of the two objectives,
 * ½(vᵀHv − wᵀHw) − cᵀ(v − w) + g(v) − g(w), which the moments give without the rounding
 * of a (the objectives themselves are known only to about ε·a).
 */
function extrapolation(problem: GramProblem, w: Float64Array, q: Float64Array): () => void {
  const { datafit, penalty } = problem;
  const { linear: c, nFeatures: p } = datafit;
  const schedule = andersonSchedule(p);
  const product = new Float64Array(p);
  return () => {
    const point = schedule.record((history, offset) => history.set(w, offset));
    if (!point) return;
    for (let j = 0; j < p; j++) point[j] = penalty.proxCoordinate(point[j], 0, j);
    datafit.product(point, product);
    let change = penalty.value(point) - penalty.value(w);
    for (let j = 0; j < p; j++) change += 0.5 * (point[j] * product[j] - w[j] * q[j]) - c[j] * (point[j] - w[j]);
    const accepted = change < 0;
    if (accepted) {
      w.set(point);
      q.set(product);
    }
    schedule.result(accepted);
  };
}
