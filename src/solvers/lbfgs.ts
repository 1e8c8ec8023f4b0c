/**
 * Limited-memory BFGS (Nocedal 1980; Nocedal & Wright, Algorithm 7.4) for smooth
 * pairs — a smooth datafit with a differentiable penalty (LogisticL2, and Ridge when
 * asked) — over θ = (w, b). The same algorithm as scikit-learn's default `lbfgs`.
 *
 *     d = −H·∇P(θ)   (two-loop recursion over the last MEMORY pairs (s, y))
 *     θ ← θ + t·d    (backtracking until Armijo's sufficient decrease holds)
 *
 * The line search never passes over X more than once per iteration: the predictor
 * along the direction is z + t·(X·d_w + d_b), so each trial step costs O(n).
 *
 * The quasi-Newton model lives in equilibrated coordinates vⱼ = √(Lⱼ + λⱼ)·wⱼ (Lⱼ the
 * datafit's curvature bound along column j, λⱼ the penalty's), so columns in very
 * different units — 1e6 next to 1e-6 — get steps of the right size from the first
 * iteration (a diagonal preconditioner). There H₀ = I: the first step is −∇ᵥP, each
 * coordinate moving by −(∂P/∂wⱼ)/(Lⱼ + λⱼ) as in coordinate descent. Every step is then
 * invariant to rescaling the data, the coefficients or the objective (X·1e-150 with
 * C·1e300 takes the steps of X with C; a unit-length first step, scipy's, crawled there
 * at 1e-150 of the way per iteration). A power of two G, fixed from the first gradient,
 * also scales v so that the pairs' inner products sᵀy stay near 1 instead of under- or
 * overflowing (Ridge on X·1e-150 has sᵀy ~ 1e-300 in v).
 *
 * The line search accepts a step by Armijo's test on P when P can tell; when P changes
 * by less than its own round-off (near the optimum, or with P ~ 1e300 dominated by terms
 * the step barely moves) it tests the directional derivative instead — Hager & Zhang's
 * approximate Wolfe condition φ'(t) ≤ (2δ − 1)·φ'(0), which for a quadratic is Armijo's
 * test with constant δ. φ'(t) = ⟨∇_z F, X·d_w + d_b⟩ + ⟨∇g(w), d_w⟩ costs O(n + p).
 *
 * @module
 */
import { PenalizedError } from '../errors.js';
import { matVec } from '../linalg/kernels.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** Curvature pairs kept (scipy's and scikit-learn's default is 10). */
const MEMORY = 10;
/** Armijo's sufficient-decrease constant. */
const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
/** Relative change of P below which it is indistinguishable from round-off. */
const ROUND_OFF = 1e-14;
/** δ of the approximate Wolfe test φ'(t) ≤ (2δ − 1)·φ'(0) used when P cannot tell. */
const APPROXIMATE_WOLFE = 0.1;
/** A pair is kept when sᵀy > CURVATURE_FLOOR·yᵀy (scipy's L-BFGS-B test, scale-invariant). */
const CURVATURE_FLOOR = 2.220446049250313e-16;
/** G stays within 2^±MAX_EXPONENT, so G² is finite whatever the first gradient. */
const MAX_EXPONENT = 500;

export function lbfgs(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  if (!penalty.smooth || !penalty.gradientCoordinate) {
    throw new PenalizedError('SOLVER_UNSUPPORTED', `L-BFGS needs a differentiable penalty; ${penalty.name} is not. Use strategy 'cd' or 'fista'.`);
  }
  const { nSamples: n, nFeatures: p } = design;
  const m = p + 1; // θ = (w, b); the last entry stays 0 without an intercept
  const theta = new Float64Array(m);
  if (options.initial) {
    theta.set(options.initial.w);
    theta[p] = fitIntercept ? options.initial.b : 0;
  }
  const w = theta.subarray(0, p);
  const state = datafit.createState(design, y);
  const rule = new StoppingRule(problem, options.tol);

  // equilibration: v = D·θ with D = diag(√(Lⱼ + λⱼ), √L_b); gradients scale by D⁻¹.
  // λⱼ = gⱼ'(1) − gⱼ'(0) is the penalty's curvature (exact: the smooth penalties are
  // quadratic); without it a coordinate whose penalty dwarfs its datafit curvature (a
  // column in tiny units) makes the model ill-conditioned: 142 iterations instead of 13
  // on columns [1e6, 1, 1e-6, 1]
  const D = new Float64Array(m);
  const curvatures = datafit.lipschitzConstants(design);
  for (let j = 0; j < p; j++) {
    const penaltyCurvature = penalty.gradientCoordinate(1, j) - penalty.gradientCoordinate(0, j);
    const curvature = curvatures[j] + (penaltyCurvature > 0 && Number.isFinite(penaltyCurvature) ? penaltyCurvature : 0);
    D[j] = curvature > 0 ? Math.sqrt(curvature) : 1;
  }
  D[p] = fitIntercept ? Math.sqrt(datafit.smoothness * n) || 1 : 1;
  const grad = new Float64Array(m);
  const datafitGrad = new Float64Array(p);
  let datafitGradB = 0;
  const z = new Float64Array(n);
  const zDirection = new Float64Array(n);
  const zTrial = new Float64Array(n);
  const sampleGradient = new Float64Array(n);
  /** Objective and gradient at θ, with state and z at θ; `known` is P(θ) when the line search has it already. */
  const evaluate = (known?: number): number => {
    datafitGradB = datafit.gradient(state, design, datafitGrad);
    for (let j = 0; j < p; j++) grad[j] = datafitGrad[j] + penalty.gradientCoordinate!(w[j], j);
    grad[p] = fitIntercept ? datafitGradB : 0;
    return known ?? objectiveValue(problem, state, w);
  };
  /** φ'(t) = ∇P(θ)·d at the state's (trial) iterate θ, from the predictor's direction X·d_w + d_b. */
  const slopeAtState = (): number => {
    datafit.dualPoint(state, sampleGradient); // −∇_z F
    let slope = 0;
    for (let i = 0; i < n; i++) slope -= sampleGradient[i] * zDirection[i];
    for (let j = 0; j < p; j++) slope += penalty.gradientCoordinate!(w[j], j) * direction[j];
    return slope;
  };

  matVec(design, w, theta[p], z);
  datafit.setLinearPredictor(state, z);
  let value = evaluate();

  // The two-loop recursion runs in u = G·v for the objective G²·P: ∇ᵤ = G·D⁻¹·∇, s = G·D·Δθ,
  // y = G·D⁻¹·Δ∇. G, a power of two (exact), makes the first ∇ᵤ of size ~1, so the pairs'
  // inner products neither underflow nor overflow. The directions do not depend on G.
  let largestGradient = 0;
  for (let i = 0; i < m; i++) largestGradient = Math.max(largestGradient, Math.abs(grad[i] / D[i]));
  const exponent = largestGradient > 0 && Number.isFinite(largestGradient) ? -Math.round(Math.log2(largestGradient)) : 0;
  const G = 2 ** Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, exponent));
  const toU = new Float64Array(m); // coordinates: u = toU·θ
  const gradientToU = new Float64Array(m); // gradients: ∇ᵤ = gradientToU·∇
  for (let i = 0; i < m; i++) {
    toU[i] = G * D[i];
    gradientToU[i] = G / D[i];
  }

  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const alphas = new Float64Array(MEMORY);
  const direction = new Float64Array(m);
  const previousTheta = new Float64Array(m);
  const previousGrad = new Float64Array(m);
  const dw = direction.subarray(0, p);

  let optimality = measure();
  const met = () => rule.met(optimality, state, w, () => datafitGrad);
  let converged = met();
  let iteration = 0;
  while (!converged && iteration < options.maxIter) {
    iteration++;
    // two-loop recursion in u: d_u = −H_u·∇ᵤ, with H₀ = I on the first iteration
    for (let i = 0; i < m; i++) direction[i] = -grad[i] * gradientToU[i];
    const k = sHistory.length;
    for (let h = k - 1; h >= 0; h--) {
      const a = rhoHistory[h] * dotArrays(sHistory[h], direction);
      alphas[h] = a;
      axpy(-a, yHistory[h], direction);
    }
    if (k > 0) {
      const last = k - 1;
      const gamma = dotArrays(sHistory[last], yHistory[last]) / dotArrays(yHistory[last], yHistory[last]);
      for (let i = 0; i < m; i++) direction[i] *= gamma;
    }
    for (let h = 0; h < k; h++) {
      const beta = rhoHistory[h] * dotArrays(yHistory[h], direction);
      axpy(alphas[h] - beta, sHistory[h], direction);
    }
    // back to θ: d = d_u / (G·D)
    for (let i = 0; i < m; i++) direction[i] /= toU[i];
    if (!fitIntercept) direction[p] = 0;
    let slope = dotArrays(grad, direction);
    if (!(slope < 0)) {
      // lost descent (round-off): restart from (preconditioned) steepest descent
      sHistory.length = yHistory.length = rhoHistory.length = 0;
      for (let i = 0; i < m; i++) direction[i] = -grad[i] / (D[i] * D[i]);
      if (!fitIntercept) direction[p] = 0;
      slope = dotArrays(grad, direction);
      if (!(slope < 0)) break;
    }

    // the predictor moves along X·d_w + d_b: one pass over X
    matVec(design, dw, fitIntercept ? direction[p] : 0, zDirection);
    previousTheta.set(theta);
    previousGrad.set(grad);
    let step = 1;
    let accepted = false;
    let trial = NaN;
    for (let t = 0; t < MAX_BACKTRACKS; t++) {
      for (let i = 0; i < n; i++) zTrial[i] = z[i] + step * zDirection[i];
      for (let i = 0; i < m; i++) theta[i] = previousTheta[i] + step * direction[i];
      datafit.setLinearPredictor(state, zTrial);
      trial = objectiveValue(problem, state, w);
      // when P changes by less than its own round-off, comparing values is noise: the
      // directional derivative decides instead (approximate Wolfe)
      const sufficientDecrease =
        Math.abs(trial - value) <= ROUND_OFF * Math.abs(value)
          ? slopeAtState() <= (2 * APPROXIMATE_WOLFE - 1) * slope
          : trial <= value + ARMIJO * step * slope;
      if (sufficientDecrease) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      // no decrease is measurable any more, by value or by slope: we are at round-off level
      theta.set(previousTheta);
      datafit.setLinearPredictor(state, z);
      value = evaluate();
      break;
    }
    z.set(zTrial);
    // the state is already at the accepted θ, and P there is the trial value: only the gradient is new
    value = evaluate(trial);
    if (!Number.isFinite(value)) break; // diverged: the engine reports it

    const s = new Float64Array(m);
    const yy = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      s[i] = (theta[i] - previousTheta[i]) * toU[i];
      yy[i] = (grad[i] - previousGrad[i]) * gradientToU[i];
    }
    const sy = dotArrays(s, yy);
    if (sy > CURVATURE_FLOOR * dotArrays(yy, yy)) {
      // keep only pairs with positive curvature, so H stays positive definite
      if (sHistory.length === MEMORY) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(yy);
      rhoHistory.push(1 / sy);
    }

    if (options.onIteration && options.onIteration({ iteration, w, b: theta[p] }) === false) break;
    optimality = measure();
    if (met()) converged = true;
  }
  if (!converged) optimality = measure();
  return {
    w: Float64Array.from(w),
    b: theta[p],
    nIter: iteration,
    converged,
    strategy: 'lbfgs',
    criterion: rule.criterion,
    optimality,
    threshold: rule.threshold,
    objective: value,
  };

  function measure(): number {
    return rule.criterion === 'kkt' ? rule.kktFromGradient(w, datafitGrad, datafitGradB) : rule.measure(state, w);
  }
}

function dotArrays(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] += a * x[i];
}
