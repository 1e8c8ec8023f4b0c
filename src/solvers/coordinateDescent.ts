/**
 * Proximal coordinate descent (cyclic), the default for L1 and elastic-net models.
 *
 * Each epoch visits every coordinate once and takes the proximal step
 *
 *     wⱼ ← prox_{gⱼ/Lⱼ}(wⱼ − ∂F/∂wⱼ / Lⱼ),   Lⱼ = smoothness·‖xⱼ‖²,
 *
 * which for the squared loss is exact minimization along xⱼ (scikit-learn's and
 * glmnet's update). The intercept takes the datafit's own step after each epoch.
 * As in scikit-learn, the stopping measure is only computed once the largest
 * coefficient change of an epoch is below `tol · max|w|` (or at the last epoch).
 *
 * @module
 */
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

export function coordinateDescent(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  const p = design.nFeatures;
  const w = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  let b = options.initial ? options.initial.b : 0;
  const state = datafit.createState(design, y);
  datafit.setIterate(state, design, w, b);
  const rule = new StoppingRule(problem, options.tol);

  const lipschitz = new Float64Array(p);
  for (let j = 0; j < p; j++) lipschitz[j] = datafit.smoothness * design.columnSquaredNorms[j];

  const moveIntercept = () => {
    const delta = datafit.interceptStep(state);
    if (delta !== 0) {
      b += delta;
      datafit.moveIntercept(state, delta);
    }
  };
  if (fitIntercept) moveIntercept();

  let optimality = Infinity;
  let converged = false;
  let iteration = 0;
  while (iteration < options.maxIter) {
    iteration++;
    let wMax = 0;
    let changeMax = 0;
    for (let j = 0; j < p; j++) {
      const Lj = lipschitz[j];
      if (Lj === 0) continue; // a constant column: the datafit does not depend on wⱼ
      const old = w[j];
      const grad = datafit.partialGradient(state, design, j);
      const next = penalty.proxCoordinate(old - grad / Lj, 1 / Lj, j);
      if (next !== old) {
        datafit.moveCoordinate(state, design, j, next - old);
        w[j] = next;
        const change = Math.abs(next - old);
        if (change > changeMax) changeMax = change;
      }
      const a = Math.abs(next);
      if (a > wMax) wMax = a;
    }
    if (fitIntercept) moveIntercept();
    if (options.onIteration && options.onIteration({ iteration, w, b }) === false) break;

    if (wMax === 0 || changeMax / wMax < options.tol || iteration === options.maxIter) {
      optimality = rule.measure(state, w);
      if (optimality <= rule.threshold) {
        converged = true;
        break;
      }
    }
  }
  if (optimality === Infinity) optimality = rule.measure(state, w);
  return {
    w,
    b,
    nIter: iteration,
    converged,
    strategy: 'cd',
    criterion: rule.criterion,
    optimality,
    threshold: rule.threshold,
    objective: objectiveValue(problem, state, w),
  };
}
