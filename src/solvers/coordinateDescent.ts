/**
 * Proximal coordinate descent, the default for L1 and elastic-net models.
 *
 * Each epoch visits coordinates in order and takes the proximal step
 *
 *     wⱼ ← prox_{gⱼ/Lⱼ}(wⱼ − ∂F/∂wⱼ / Lⱼ),   Lⱼ = smoothness·‖xⱼ‖²,
 *
 * which for the squared loss is exact minimization along xⱼ (scikit-learn's and
 * glmnet's update). The intercept takes the datafit's own step after each epoch.
 *
 * **Working sets** (as in celer and skglm; on by default): an outer pass computes the
 * full gradient once, which gives both the stopping measure (see `stopping.ts`) and
 * every feature's KKT violation; the epochs then run only over the current support
 * plus the worst violators, until those are solved to a fraction of the outer
 * violation. Features outside the working set are zero and untouched, so an epoch
 * costs |working set|·n instead of p·n. The stopping rule is still the global one,
 * with scikit-learn's two parts: the last epoch's largest change is below
 * `tol · max|w|`, and then the measure (the duality gap for the Lasso) is below its
 * threshold. With `workingSet: false` the set is all p features from the start.
 *
 * @module
 */
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** Smallest working set (skglm's p0). */
const WORKING_SET_MIN = 10;
/** Inner epochs stop once the working set's KKT violation is this fraction of the outer one. */
const INNER_FRACTION = 0.3;

export function coordinateDescent(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  const p = design.nFeatures;
  const w = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  let b = options.initial ? options.initial.b : 0;
  const state = datafit.createState(design, y);
  datafit.setIterate(state, design, w, b);
  const rule = new StoppingRule(problem, options.tol);

  const lipschitz = datafit.lipschitzConstants(design);
  const units = lipschitz.map((L) => (L > 0 ? 1 / Math.sqrt(L) : 1));
  const interceptUnit = 1 / Math.sqrt(datafit.smoothness * design.nSamples || 1);

  // a warm start that carries ∇_w F at (w, b) is the previous solve's final state (path
  // solvers pass it on): b is already optimal for w and the first full pass is not needed
  let carried = options.initial?.gradient;
  const stepIntercept = () => {
    const delta = datafit.interceptStep(state);
    if (delta !== 0) {
      b += delta;
      datafit.moveIntercept(state, delta);
    }
  };
  if (fitIntercept && !carried) stepIntercept();

  /** One epoch over `features[0..count)`; returns the largest change, |w| and KKT violation seen. */
  const epoch = (features: Int32Array, count: number) => {
    let wMax = 0;
    let changeMax = 0;
    let violation = 0;
    for (let k = 0; k < count; k++) {
      const j = features[k];
      const Lj = lipschitz[j];
      if (Lj === 0) continue; // a constant column: the datafit does not depend on wⱼ
      const old = w[j];
      const grad = datafit.partialGradient(state, design, j);
      // the KKT violation before the step, free here: the inner loop's stopping measure
      const d = penalty.subdifferentialDistance(old, grad, j) * units[j];
      if (d > violation) violation = d;
      const next = penalty.proxCoordinate(old - grad / Lj, 1 / Lj, j);
      if (!(Math.abs(next) < Infinity)) {
        // NaN or ±∞ (overflow): stop here, the engine reports it
        w[j] = next;
        return { wMax: NaN, changeMax: NaN, violation: NaN };
      }
      if (next !== old) {
        datafit.moveCoordinate(state, design, j, next - old);
        w[j] = next;
        const change = Math.abs(next - old);
        if (change > changeMax) changeMax = change;
      }
      const a = Math.abs(next);
      if (a > wMax) wMax = a;
    }
    if (fitIntercept) stepIntercept();
    return { wMax, changeMax, violation };
  };

  const all = new Int32Array(p);
  for (let j = 0; j < p; j++) all[j] = j;

  let optimality: number;
  let converged = false;
  let iteration = 0;
  let stopped = false;

  const grad = new Float64Array(p);
  const scores = new Float64Array(p);
  const order = new Int32Array(p);
  // without working sets every epoch visits all p features: the same loop, a fixed set
  const useWorkingSet = options.workingSet !== false;
  // the set's capacity; the set itself holds only features that can move
  let capacity = useWorkingSet ? WORKING_SET_MIN : p;
  let size = capacity;
  // scikit-learn's rule has two parts: the last epoch's largest change is below
  // tol·max|w|, and the duality gap is below its threshold
  let smallSteps = false;
  for (;;) {
    // outer pass: the full gradient gives the global measure and every violation
    let gb: number;
    if (carried) {
      grad.set(carried);
      gb = datafit.interceptGradient(state);
      carried = undefined;
    } else {
      gb = datafit.gradient(state, design, grad);
    }
    optimality = rule.measureFromGradient(state, w, grad, gb);
    const measureMet = optimality <= rule.threshold;
    // at the last iteration the measure alone decides, as in scikit-learn
    if (measureMet && (smallSteps || iteration >= options.maxIter)) {
      converged = true;
      break;
    }
    if (iteration >= options.maxIter || stopped) break;
    let support = 0;
    let violators = 0;
    let worst = fitIntercept ? Math.abs(gb) * interceptUnit : 0;
    for (let j = 0; j < p; j++) {
      const d = penalty.subdifferentialDistance(w[j], grad[j], j) * units[j];
      if (d > worst) worst = d;
      // the support always stays in; then the largest violations
      scores[j] = w[j] !== 0 ? Infinity : d;
      if (w[j] !== 0) support++;
      else if (d > 0) violators++;
      order[j] = j;
    }
    if (useWorkingSet) {
      // capacity: the support twice over (skglm's rule), doubled when the last set could not
      // hold every violator (celer's growth). The set: the support and the worst violators
      // only, since a feature with no KKT violation would not move in an epoch
      capacity = Math.min(p, Math.max(WORKING_SET_MIN, 2 * support, support + violators > capacity ? 2 * capacity : 0));
      size = Math.min(capacity, support + violators);
    }
    const features = size === p ? all : topScores(order, scores, size);
    const innerTolerance = INNER_FRACTION * worst;
    // the set holds the support and every feature that violates its KKT condition: its
    // solution is likely the global one, so solve it to small steps before the next pass
    const complete = support + violators <= size && optimality <= 10 * rule.threshold;
    while (iteration < options.maxIter) {
      iteration++;
      const { violation, changeMax, wMax } = epoch(features, size);
      if (Number.isNaN(wMax)) {
        stopped = true;
        break;
      }
      smallSteps = wMax === 0 || changeMax / wMax < options.tol;
      if (options.onIteration && options.onIteration({ iteration, w, b }) === false) {
        stopped = true;
        break;
      }
      // once the measure is met, only the step condition is missing: keep going until it holds
      // an epoch that changed nothing is a fixed point: more epochs would change nothing
      // either (without this, a rounding-level violation at alphaMax spins to maxIter)
      if ((violation <= innerTolerance || changeMax === 0) && (smallSteps || (!measureMet && !complete))) break;
    }
  }
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
    gradient: grad,
  };
}

/**
 * The `size` indices with the largest scores, in increasing index order (cache friendly).
 * A native typed-array sort finds the threshold; ties at it go to the smallest indices.
 */
function topScores(_order: Int32Array, scores: Float64Array, size: number): Int32Array {
  if (size === 0) return new Int32Array(0);
  const threshold = Float64Array.from(scores).sort()[scores.length - size];
  const chosen = new Int32Array(size);
  let count = 0;
  for (let j = 0; j < scores.length && count < size; j++) if (scores[j] > threshold) chosen[count++] = j;
  for (let j = 0; j < scores.length && count < size; j++) if (scores[j] === threshold) chosen[count++] = j;
  return chosen.sort();
}
