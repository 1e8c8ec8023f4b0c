/**
 * Accelerated proximal gradient (FISTA, Beck & Teboulle 2009) with adaptive restart
 * (O'Donoghue & Candès 2015): momentum is reset whenever it points uphill, which
 * restores linear convergence on strongly convex problems.
 *
 *     x⁺ = prox_{g/L}(v − ∇F(v)/L),   t⁺ = (1 + √(1 + 4t²))/2,   v⁺ = x⁺ + (t − 1)/t⁺ · (x⁺ − x)
 *
 * L bounds the curvature of F in (w, b): smoothness · λmax([X 1]ᵀ[X 1]).
 * The stopping measure is evaluated every {@link CHECK_EVERY} iterations.
 *
 * @module
 */
import { spectralNormSquared } from '../linalg/kernels.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** The stopping measure costs about one iteration; checking every 10 keeps it under 10%. */
const CHECK_EVERY = 10;

export function fista(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  const { nSamples: n, nFeatures: p } = design;
  const x = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  let xb = options.initial ? options.initial.b : 0;
  const v = Float64Array.from(x);
  let vb = xb;
  const next = new Float64Array(p);
  const grad = new Float64Array(p);
  const state = datafit.createState(design, y);
  const rule = new StoppingRule(problem, options.tol);

  const columnsBound = spectralNormSquared(design);
  // with centered columns the intercept column is orthogonal to them: the bound is a max
  const withIntercept = fitIntercept ? (design.centered ? Math.max(columnsBound, n) : columnsBound + n) : columnsBound;
  const L = datafit.smoothness * withIntercept;
  if (L === 0) {
    // X is all zeros (after centering): w does not change F
    datafit.setIterate(state, design, x, xb);
    const optimality = rule.measure(state, x);
    return { w: x, b: xb, nIter: 0, converged: optimality <= rule.threshold, strategy: 'fista', criterion: rule.criterion, optimality, threshold: rule.threshold, objective: objectiveValue(problem, state, x) };
  }
  const step = 1 / L;

  let t = 1;
  let optimality = Infinity;
  let converged = false;
  let iteration = 0;
  while (iteration < options.maxIter) {
    iteration++;
    datafit.setIterate(state, design, v, vb);
    const gb = datafit.gradient(state, design, grad);
    for (let j = 0; j < p; j++) next[j] = v[j] - step * grad[j];
    penalty.prox(next, step, next);
    const nextB = fitIntercept ? vb - step * gb : 0;

    // restart when the momentum direction disagrees with the gradient step
    let uphill = fitIntercept ? (vb - nextB) * (nextB - xb) : 0;
    for (let j = 0; j < p; j++) uphill += (v[j] - next[j]) * (next[j] - x[j]);
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
      if (optimality <= rule.threshold) {
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
