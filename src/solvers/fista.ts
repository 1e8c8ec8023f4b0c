/**
 * Accelerated proximal gradient (FISTA, Beck & Teboulle 2009) with adaptive restart
 * (O'Donoghue & Candès 2015): momentum is reset whenever it points uphill, which
 * restores linear convergence on strongly convex problems.
 *
 *     x⁺ = prox_{τg}(v − τ∇F(v)),   t⁺ = (1 + √(1 + 4t²))/2,   v⁺ = x⁺ + (t − 1)/t⁺ · (x⁺ − x)
 *
 * The iteration runs in equilibrated coordinates uⱼ = dⱼ·wⱼ, dⱼ = √Lⱼ (Lⱼ the datafit's
 * curvature along column j): a diagonal preconditioner, so columns in very different
 * units — 1e6 next to 1e-6, or all scaled by 1e-150 — converge alike. In u the datafit
 * has curvature at most λ = λmax(κ·D⁻¹XᵀWXD⁻¹) ∈ [1, p] (W the sample weights, κ the
 * smoothness per unit weight), found by power iteration, so the step is τ = 1/λ; back
 * in w that is the per-coordinate step τⱼ = τ/dⱼ², and because g is separable its prox
 * in the metric D² is the coordinate-wise prox with step τⱼ.
 * The intercept is a coordinate of its own, with curvature at most κ·Σswᵢ (κ·n without
 * weights): when the columns are centered it is orthogonal to them and takes its own
 * step 1/(κ·n) (for the squared loss, the exact minimizer); otherwise it joins the
 * power iteration. A non-finite iterate stops the loop at once (the engine then throws
 * NUMERICAL_FAILURE). The stopping measure is evaluated every {@link CHECK_EVERY}
 * iterations.
 *
 * @module
 */
import type { Design } from '../data/design.js';
import { dot, matTVec, matVec, maxAbs, sum } from '../linalg/kernels.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** The stopping measure costs about one iteration; checking every 10 keeps it under 10%. */
const CHECK_EVERY = 10;

export function fista(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  const { nSamples: n, nFeatures: p } = design;
  const x = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  let xb = options.initial && fitIntercept ? options.initial.b : 0;
  const v = Float64Array.from(x);
  let vb = xb;
  const next = new Float64Array(p);
  const grad = new Float64Array(p);
  const state = datafit.createState(design, y);
  const rule = new StoppingRule(problem, options.tol);

  // Curvature bound: sample i's loss carries weight swᵢ and `smoothness` is that of the
  // heaviest sample (max swᵢ), so ∇²F(z) ≤ κ·diag(sw) with κ = smoothness / max swᵢ
  // (κ = smoothness and sw = 1 without weights), and over (w, b) the datafit's curvature
  // is at most κ·[X 1]ᵀdiag(sw)[X 1]: its diagonal is Lⱼ and, for the intercept, κ·Σswᵢ.
  const sampleWeights = datafit.sampleWeights;
  const heaviest = sampleWeights ? maxAbs(sampleWeights) : 1;
  const kappa = datafit.smoothness / heaviest;
  // equilibration D = diag(dⱼ), dⱼ² = Lⱼ. A column the datafit does not see (Lⱼ = 0:
  // all zeros, or zero weight wherever it is non-zero) has gradient 0 and only the prox
  // moves it; dⱼ = 1 then, as in L-BFGS.
  const curvatures = datafit.lipschitzConstants(design);
  const scale = curvatures.map((L) => (L > 0 ? Math.sqrt(L) : 1));
  const interceptScale = Math.sqrt(kappa * (sampleWeights ? sum(sampleWeights) : n));
  // centered columns are orthogonal to the intercept's column of ones: the bound is
  // block diagonal and each block takes its own step. With sample weights that needs
  // Σᵢ swᵢxᵢⱼ = 0, which `centered` does not promise: the intercept then joins the
  // power iteration.
  const separate = !fitIntercept || (design.centered && !sampleWeights);
  const lambda = equilibratedCurvature(design, kappa, sampleWeights, curvatures, scale, separate ? 0 : interceptScale);
  // λ = 0 only when the datafit sees no column: it does not depend on w at all
  const tau = lambda > 0 ? 1 / lambda : 1;
  const steps = new Float64Array(p);
  for (let j = 0; j < p; j++) steps[j] = tau / scale[j] / scale[j];
  const stepB = (separate ? 1 : tau) / interceptScale / interceptScale;

  let t = 1;
  let optimality = Infinity;
  let converged = false;
  let iteration = 0;
  while (iteration < options.maxIter) {
    iteration++;
    datafit.setIterate(state, design, v, vb);
    const gb = datafit.gradient(state, design, grad);
    for (let j = 0; j < p; j++) next[j] = penalty.proxCoordinate(v[j] - steps[j] * grad[j], steps[j], j);
    const nextB = fitIntercept ? vb - stepB * gb : 0;

    // restart when the momentum direction disagrees with the step: ⟨G(v), x⁺ − x⟩ > 0,
    // G(v) = (v − x⁺)/τⱼ the (generalized) gradient the step followed
    let uphill = fitIntercept ? ((vb - nextB) / stepB) * (nextB - xb) : 0;
    for (let j = 0; j < p; j++) uphill += ((v[j] - next[j]) / steps[j]) * (next[j] - x[j]);
    if (!Number.isFinite(uphill)) {
      // the iterate overflowed or became NaN: keep it so the engine reports the divergence
      x.set(next);
      xb = nextB;
      break;
    }
    let momentum = 0;
    if (uphill > 0) {
      t = 1;
    } else {
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      momentum = (t - 1) / tNext;
      t = tNext;
    }
    for (let j = 0; j < p; j++) {
      v[j] = next[j] + momentum * (next[j] - x[j]);
      x[j] = next[j];
    }
    vb = nextB + momentum * (nextB - xb);
    xb = nextB;

    if (options.onIteration && options.onIteration({ iteration, w: x, b: xb }) === false) break;
    if (iteration % CHECK_EVERY === 0 || iteration === options.maxIter) {
      datafit.setIterate(state, design, x, xb);
      optimality = rule.measure(state, x);
      if (rule.met(optimality, state, x, () => (datafit.gradient(state, design, grad), grad))) {
        converged = true;
        break;
      }
    }
  }
  datafit.setIterate(state, design, x, xb);
  if (!converged) optimality = rule.measure(state, x);
  return {
    w: x,
    b: xb,
    nIter: iteration,
    converged,
    strategy: 'fista',
    criterion: rule.criterion,
    optimality,
    threshold: rule.threshold,
    objective: objectiveValue(problem, state, x),
  };
}

/**
 * λmax(D⁻¹·κ[X 1]ᵀdiag(sw)[X 1]·D⁻¹) by power iteration, D = diag(scale, interceptScale)
 * (sw = 1 without sample weights); the intercept's column is left out when `interceptScale` is 0. With dⱼ² = Lⱼ (the operator's own diagonal) the
 * diagonal is 1, so λ ∈ [1, p + 1] and nothing overflows whatever the units of X. The
 * Rayleigh quotient approaches λmax from below: 1% is added, capped by the trace.
 */
function equilibratedCurvature(
  design: Design,
  kappa: number,
  sampleWeights: Float64Array | undefined,
  curvatures: Float64Array,
  scale: Float64Array,
  interceptScale: number,
  maxIter = 200,
  relTol = 1e-8,
): number {
  const { nSamples: n, nFeatures: p } = design;
  const root = Math.sqrt(kappa);
  // the operator is AᵀA with A = diag(√swᵢ)·[X 1]·diag(cⱼ, c_b), cⱼ = √κ/dⱼ; a column the
  // datafit does not see (Lⱼ = 0) is left out
  const factors = scale.map((d, j) => (curvatures[j] > 0 ? root / d : 0));
  const interceptFactor = interceptScale > 0 ? root / interceptScale : 0;
  // trace: Lⱼ/dⱼ² per seen column, and 1 for the intercept
  let trace = interceptFactor > 0 ? 1 : 0;
  for (let j = 0; j < p; j++) if (curvatures[j] > 0) trace += curvatures[j] / scale[j] / scale[j];

  // deterministic start that is not orthogonal to the top eigenvector in practice
  const vector = new Float64Array(p);
  for (let j = 0; j < p; j++) vector[j] = 1 + ((j * 7919) % 13) / 13;
  let vectorB = interceptFactor > 0 ? 1.5 : 0;
  const scaled = new Float64Array(p);
  const u = new Float64Array(n);
  const image = new Float64Array(p);
  let lambda = 0;
  for (let k = 0; k < maxIter; k++) {
    // normalize by the largest entry first, so the squared norm cannot overflow
    const largest = Math.max(maxAbs(vector), Math.abs(vectorB));
    if (!(largest > 0) || !Number.isFinite(largest)) break;
    let norm = 0;
    for (let j = 0; j < p; j++) norm += (vector[j] / largest) ** 2;
    norm = largest * Math.sqrt(norm + (vectorB / largest) ** 2);
    for (let j = 0; j < p; j++) {
      vector[j] /= norm;
      scaled[j] = factors[j] * vector[j];
    }
    vectorB /= norm;
    matVec(design, scaled, interceptFactor * vectorB, u);
    if (sampleWeights) for (let i = 0; i < n; i++) u[i] *= sampleWeights[i];
    matTVec(design, u, image);
    for (let j = 0; j < p; j++) image[j] *= factors[j];
    const imageB = interceptFactor * sum(u);
    const estimate = dot(vector, image) + vectorB * imageB;
    vector.set(image);
    vectorB = imageB;
    const settled = Math.abs(estimate - lambda) <= relTol * estimate;
    lambda = estimate;
    if (settled) break;
  }
  return Number.isFinite(lambda) ? Math.min(lambda * 1.01, trace) : trace;
}
