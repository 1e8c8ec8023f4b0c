/**
 * Preconditioned conjugate gradient for a squared loss with a purely quadratic
 * penalty (Ridge): the same linear system as the direct solve,
 *
 *     (s·XᵀWX + λI)·w = s·XᵀW(y − b)                       (n ≥ p), or
 *     (s·W^½XXᵀW^½ + λI)·c = s·W^½(y − b), w = XᵀW^½c       (n < p, the kernel form),
 *
 * with W = diag(sample weights) (the identity without them),
 *
 * without ever forming the p×p (or n×n) matrix: each iteration costs O(n·p) where the
 * direct solve costs O(n·p·min(n, p)).
 * Jacobi (diagonal) preconditioning. Stops, as scikit-learn's `sparse_cg` Ridge
 * solver does, when the residual of the system is at most `tol` times its right-hand
 * side (the stopping rule of this strategy; the others share `stopping.ts`).
 *
 * **To round-off** ({@link conjugateGradientToRoundoff}, the direct solver's shortcut
 * for large tall problems and its first resort when Cholesky refuses a formed matrix):
 * the iteration on the normal equations, whatever the shape of X, run until the answer
 * is as exact as the factorization's. CG's recursively updated residual drifts from the
 * true one by rounding, so every time it has fallen by {@link REPLACE_FACTOR} it is replaced by the
 * true residual s·XᵀW(y − b − Xw) − λw, computed from the sample-space residual (the
 * form iterative refinement uses: Xᵀ(Xw) − rhs would lose the digits to cancellation).
 * It stops when that true residual, in equilibrated units (|rⱼ|/√Aⱼⱼ), is below
 * {@link ROUNDOFF_RELATIVE} times its value at w = 0, and gives up early when its rate
 * of progress says the iteration budget will not get there.
 *
 * @module
 */
import { PenalizedError } from '../errors.js';
import { kernelTimes, matTVec, matVec, maxAbs, weightedMean } from '../linalg/kernels.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** How far the recursive residual falls (in equilibrated units) before it is replaced by the true one. */
const REPLACE_FACTOR = 1e-4;
/**
 * The round-off target, relative to the residual at w = 0: the coefficients then agree
 * with the factorization's to 1.0–1.9e-15 relative on the well-conditioned designs
 * measured (4000×800 to 20000×500), and CG reaches it (the true residual can go to ~1e-16).
 */
const ROUNDOFF_RELATIVE = 1e-15;
/** Iterations before the rate of progress is trusted to predict the rest. */
const PREDICT_AFTER = 10;
/** Keep going only while the prediction leaves this much of the budget unused: failing at the budget wastes it all. */
const PREDICTION_MARGIN = 0.8;

export function conjugateGradient(problem: Problem, options: SolveOptions): SolveResult {
  return runConjugateGradient(problem, options, false);
}

/**
 * The solution of the normal equations (s·XᵀWX + λI)·w = s·XᵀW(y − b), of any shape, to
 * round-off, `converged` when certified within `maxIter` iterations; not converged when
 * the iteration will not get there in time (ill-conditioned data, whose factorization is
 * then the better deal), having stopped as soon as its rate of progress said so. See the
 * module comment.
 */
export function conjugateGradientToRoundoff(problem: Problem, maxIter: number): SolveResult {
  return runConjugateGradient(problem, { maxIter, tol: 0 }, true);
}

function runConjugateGradient(problem: Problem, options: SolveOptions, toRoundoff: boolean): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  if (datafit.quadraticWeight === undefined || penalty.quadraticStrength === undefined) {
    throw new PenalizedError(
      'SOLVER_UNSUPPORTED',
      `conjugate gradient needs a squared loss and a purely quadratic penalty; got ${datafit.name} + ${penalty.name}.`,
    );
  }
  const s = datafit.quadraticWeight;
  const lambda = penalty.quadraticStrength;
  const { nSamples: n, nFeatures: p, values: X } = design;
  const sw = datafit.sampleWeights;
  const root = sw ? sw.map(Math.sqrt) : undefined;
  const b = fitIntercept ? weightedMean(y, sw) : 0;
  // to round-off, always the p×p normal equations: from w = 0 without a preconditioner
  // they give the minimum-norm solution for wide X too, where the kernel form is singular
  // whenever X has fewer independent rows than rows (a duplicated row)
  const primal = toRoundoff || n >= p;
  const m = primal ? p : n;
  const scaled = new Float64Array(primal ? 0 : n);

  // the system A·x = rhs, as an operator (two streaming passes over X for tall X; a
  // row-blocked single pass measured slower: its short strided runs defeat prefetching)
  const predictor = new Float64Array(primal ? n : 0);
  const apply = (x: Float64Array, out: Float64Array) => {
    if (primal) {
      matVec(design, x, 0, predictor);
      if (sw) for (let i = 0; i < n; i++) predictor[i] *= sw[i];
      matTVec(design, predictor, out);
    } else if (root) {
      for (let i = 0; i < n; i++) scaled[i] = root[i] * x[i];
      kernelTimes(design, scaled, out);
      for (let i = 0; i < n; i++) out[i] *= root[i];
    } else {
      kernelTimes(design, x, out);
    }
    for (let i = 0; i < m; i++) out[i] = s * out[i] + lambda * x[i];
  };
  const rhs = new Float64Array(m);
  const centered = new Float64Array(n);
  // primal: XᵀW(y − b); kernel form: W^½(y − b)
  for (let i = 0; i < n; i++) centered[i] = (primal ? (sw ? sw[i] : 1) : root ? root[i] : 1) * (y[i] - b);
  if (primal) matTVec(design, centered, rhs);
  else rhs.set(centered);
  for (let i = 0; i < m; i++) rhs[i] *= s;

  // Jacobi preconditioner: the diagonal of A
  const diagonal = new Float64Array(m);
  if (primal) {
    // the squared loss's coordinate curvatures s·Σᵢ swᵢxᵢⱼ² are the diagonal of s·XᵀWX
    const curvature = datafit.lipschitzConstants(design);
    for (let j = 0; j < p; j++) diagonal[j] = curvature[j] + lambda;
  } else {
    for (let j = 0; j < p; j++) {
      const o = j * n;
      for (let i = 0; i < n; i++) diagonal[i] += X[o + i] * X[o + i];
    }
    for (let i = 0; i < n; i++) diagonal[i] = s * (sw ? sw[i] : 1) * diagonal[i] + lambda;
  }
  for (let i = 0; i < m; i++) if (!(diagonal[i] > 0)) diagonal[i] = 1;

  // Solve the equivalent system (A/τ)·x' = rhs/σ with x = x'·σ/τ: CG is invariant to
  // this, and it keeps every inner product O(1) — data scaled by 1e-150 would otherwise
  // square to 0 in the norms and overflow in the step sizes.
  const tau = Math.max(...diagonal);
  const sigma = maxAbs(rhs);
  if (sigma === 0) return finish(new Float64Array(p), 0, true, 0, 0);
  for (let i = 0; i < m; i++) {
    diagonal[i] /= tau;
    rhs[i] /= sigma;
  }
  // To round-off with λ = 0 (least squares), no preconditioner: CG's iterates then stay in
  // the row space of X, so on collinear columns it converges to the solution of minimum ‖w‖,
  // lstsq's (Jacobi's iterates stay in the row space of X·D and minimize ‖D⁻¹w‖ instead)
  const preconditioner = toRoundoff && lambda === 0 ? new Float64Array(m).fill(1) : diagonal;
  const unscaled = apply;
  const applyScaled = (x: Float64Array, out: Float64Array) => {
    unscaled(x, out);
    for (let i = 0; i < m; i++) out[i] /= tau;
  };

  const x = new Float64Array(m);
  if (options.initial && primal) for (let j = 0; j < p; j++) x[j] = (options.initial.w[j] * tau) / sigma;
  const residual = new Float64Array(m);
  const Ap = new Float64Array(m);
  // A·0 = 0: a cold start saves a pass over X
  if (x.some((v) => v !== 0)) applyScaled(x, Ap);
  for (let i = 0; i < m; i++) residual[i] = rhs[i] - Ap[i];
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) z[i] = residual[i] / preconditioner[i];
  const direction = Float64Array.from(z);
  let rz = dotArrays(residual, z);
  const target = options.tol * Math.sqrt(dotArrays(rhs, rhs));

  let residualNorm = Math.sqrt(dotArrays(residual, residual));
  let converged = residualNorm <= target;
  // the round-off mode's measure: max |rⱼ|/√Aⱼⱼ, invariant to the τ, σ scaling
  const equilibrated = (r: Float64Array) => {
    let worst = 0;
    for (let i = 0; i < m; i++) worst = Math.max(worst, Math.abs(r[i]) / Math.sqrt(diagonal[i]));
    return worst;
  };
  const atZero = equilibrated(residual);
  const roundoffTarget = ROUNDOFF_RELATIVE * atZero;
  let lastTrue = atZero;
  let best = atZero;
  const w = new Float64Array(p);
  /** residual ← the true one, (s·XᵀW(y − b − Xw) − λw)/σ with w = x·σ/τ. */
  const replaceResidual = () => {
    const unit = sigma / tau;
    for (let j = 0; j < p; j++) w[j] = x[j] * unit;
    matVec(design, w, 0, predictor);
    for (let i = 0; i < n; i++) predictor[i] = centered[i] - (sw ? sw[i] : 1) * predictor[i];
    matTVec(design, predictor, residual);
    for (let j = 0; j < p; j++) residual[j] = (s * residual[j] - lambda * w[j]) / sigma;
  };
  let iteration = 0;
  // The kernel form (n < p) with a small λ fits the data almost exactly, and the objective
  // is then tiny next to ‖y‖²: the residual rule (scikit-learn's sparse_cg) was met 26%
  // above the minimum objective (300×5000, λ = 1e-4 in scikit-learn's units), where
  // scikit-learn's default Ridge (Cholesky) is exact. So there the duality gap must also be
  // at most tol·P(w). Tall problems are not near interpolation, and each check costs two
  // passes over X: the benchmark's Ridge (20000×500) lands within 4.3e-6 of the minimum.
  let nextCheck = Infinity;
  let rule: StoppingRule | undefined;
  const gapWithinTol = () => {
    rule ??= new StoppingRule(problem, options.tol);
    if (rule.criterion !== 'duality-gap') return true;
    const coef = current();
    const state = datafit.createState(design, y);
    datafit.setIterate(state, design, coef, b);
    return rule.dualityGap(state, coef) <= options.tol * objectiveValue(problem, state, coef);
  };
  const current = () => {
    const unit = sigma / tau;
    if (primal) for (let j = 0; j < p; j++) w[j] = x[j] * unit;
    else {
      for (let i = 0; i < n; i++) scaled[i] = (root ? root[i] : 1) * x[i] * unit;
      matTVec(design, scaled, w);
    }
    return w;
  };
  while (!converged && iteration < options.maxIter) {
    iteration++;
    applyScaled(direction, Ap);
    const curvature = dotArrays(direction, Ap);
    if (!(curvature > 0)) break; // only when the system is singular along `direction`
    const step = rz / curvature;
    for (let i = 0; i < m; i++) {
      x[i] += step * direction[i];
      residual[i] -= step * Ap[i];
    }
    if (toRoundoff) {
      const recursive = equilibrated(residual);
      best = Math.min(best, recursive);
      if (recursive <= Math.max(roundoffTarget, REPLACE_FACTOR * lastTrue)) {
        replaceResidual();
        lastTrue = residualNorm = equilibrated(residual);
        best = Math.min(best, lastTrue);
        if (lastTrue <= roundoffTarget) {
          converged = true;
          break;
        }
      }
      // iterations needed at the rate so far: give up now rather than at the budget
      const predicted = (iteration * Math.log(ROUNDOFF_RELATIVE)) / Math.log(best / atZero);
      if (iteration >= PREDICT_AFTER && !(predicted <= PREDICTION_MARGIN * options.maxIter)) break;
    } else {
      residualNorm = Math.sqrt(dotArrays(residual, residual));
      if (options.onIteration && options.onIteration({ iteration, w: current(), b }) === false) break;
      if (residualNorm <= Math.min(target, nextCheck)) {
        if (primal || gapWithinTol()) {
          converged = true;
          break;
        }
        // two passes over X per check: check again once the residual has fallen 10-fold
        nextCheck = residualNorm / 10;
      }
    }
    for (let i = 0; i < m; i++) z[i] = residual[i] / preconditioner[i];
    const rzNext = dotArrays(residual, z);
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < m; i++) direction[i] = z[i] + beta * direction[i];
  }

  return finish(current(), iteration, converged, residualNorm, target);

  function finish(coef: Float64Array, nIter: number, done: boolean, optimality: number, threshold: number): SolveResult {
    const solution = Float64Array.from(coef);
    let objective: number | undefined;
    return {
      w: solution,
      b,
      nIter,
      converged: done,
      strategy: 'cg',
      criterion: 'residual',
      optimality,
      threshold,
      // computed when first read: it takes one more pass over X (one of ~32 in a tall
      // Ridge), and a fit does not read it
      get objective(): number {
        if (objective === undefined) {
          const state = datafit.createState(design, y);
          datafit.setIterate(state, design, solution, b);
          objective = objectiveValue(problem, state, solution);
        }
        return objective;
      },
    };
  }
}

function dotArrays(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
