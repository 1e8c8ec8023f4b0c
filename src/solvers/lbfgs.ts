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
 * The quasi-Newton model lives in equilibrated coordinates vⱼ = √Lⱼ·wⱼ (Lⱼ the datafit's
 * curvature along column j), so columns in very different units — 1e6 next to 1e-6 —
 * get steps of the right size from the first iteration (a diagonal preconditioner).
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
/** Relative change of f below which it is indistinguishable from round-off. */
const ROUND_OFF = 1e-14;

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

  // equilibration: θᵥ = D·θ with D = diag(√Lⱼ, √L_b); gradients scale by D⁻¹
  const D = new Float64Array(m);
  const curvatures = datafit.lipschitzConstants(design);
  for (let j = 0; j < p; j++) D[j] = curvatures[j] > 0 ? Math.sqrt(curvatures[j]) : 1;
  D[p] = fitIntercept ? Math.sqrt(datafit.smoothness * n) || 1 : 1;
  const gradV = new Float64Array(m);
  const grad = new Float64Array(m);
  const datafitGrad = new Float64Array(p);
  let datafitGradB = 0;
  const z = new Float64Array(n);
  const zDirection = new Float64Array(n);
  const zTrial = new Float64Array(n);
  /** Objective and gradient at θ, with state and z at θ. */
  const evaluate = (): number => {
    datafitGradB = datafit.gradient(state, design, datafitGrad);
    for (let j = 0; j < p; j++) grad[j] = datafitGrad[j] + penalty.gradientCoordinate!(w[j], j);
    grad[p] = fitIntercept ? datafitGradB : 0;
    return objectiveValue(problem, state, w);
  };

  matVec(design, w, theta[p], z);
  datafit.setLinearPredictor(state, z);
  let value = evaluate();

  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const alphas = new Float64Array(MEMORY);
  const direction = new Float64Array(m);
  const previousTheta = new Float64Array(m);
  const previousGrad = new Float64Array(m);
  const dw = direction.subarray(0, p);

  let optimality = measure();
  let converged = optimality <= rule.threshold;
  let iteration = 0;
  while (!converged && iteration < options.maxIter) {
    iteration++;
    // two-loop recursion in equilibrated coordinates: d_v = −H_v·∇_v, ∇_v = D⁻¹∇
    for (let i = 0; i < m; i++) gradV[i] = grad[i] / D[i];
    for (let i = 0; i < m; i++) direction[i] = -gradV[i];
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
    } else {
      // first step: a unit-length move along the steepest descent (unit in v: each
      // coordinate moves by about its own curvature scale)
      const norm = Math.sqrt(dotArrays(gradV, gradV));
      if (norm > 0) for (let i = 0; i < m; i++) direction[i] /= norm;
    }
    for (let h = 0; h < k; h++) {
      const beta = rhoHistory[h] * dotArrays(yHistory[h], direction);
      axpy(alphas[h] - beta, sHistory[h], direction);
    }
    // back to w-coordinates: d = D⁻¹·d_v
    for (let i = 0; i < m; i++) direction[i] /= D[i];
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
    for (let t = 0; t < MAX_BACKTRACKS; t++) {
      for (let i = 0; i < n; i++) zTrial[i] = z[i] + step * zDirection[i];
      for (let i = 0; i < m; i++) theta[i] = previousTheta[i] + step * direction[i];
      datafit.setLinearPredictor(state, zTrial);
      const trial = objectiveValue(problem, state, w);
      // Near the optimum f changes by less than its own round-off and Armijo cannot
      // tell; then the unit quasi-Newton step is taken and the gradient-based stopping
      // rule judges progress (Hager & Zhang's "approximate Wolfe" reasoning).
      const withinRoundOff = t === 0 && Math.abs(trial - value) <= ROUND_OFF * Math.abs(value);
      if (trial <= value + ARMIJO * step * slope || withinRoundOff) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      // no decrease is representable any more: we are at round-off level
      theta.set(previousTheta);
      datafit.setLinearPredictor(state, z);
      value = evaluate();
      break;
    }
    z.set(zTrial);
    value = evaluate();
    if (!Number.isFinite(value)) break; // diverged: the engine reports it

    const s = new Float64Array(m);
    const yy = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      s[i] = (theta[i] - previousTheta[i]) * D[i];
      yy[i] = (grad[i] - previousGrad[i]) / D[i];
    }
    const sy = dotArrays(s, yy);
    if (sy > 1e-300) {
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
    if (optimality <= rule.threshold) converged = true;
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
