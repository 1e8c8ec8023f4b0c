/**
 * Proximal coordinate descent, the default for L1 and elastic-net models.
 *
 * Each epoch visits coordinates in order and takes the proximal step
 *
 *     wⱼ ← prox_{gⱼ/Lⱼ}(wⱼ − ∂F/∂wⱼ / Lⱼ),   Lⱼ = smoothness·‖xⱼ‖²,
 *
 * which for the squared loss is exact minimization along xⱼ (scikit-learn's and
 * glmnet's update). The intercept takes the datafit's own step after each epoch. A
 * coordinate's move reaches the datafit's state in the same pass over the samples as the
 * next coordinate's gradient, where the datafit offers that (`moveThenPartialGradient`:
 * the squared loss, with the same bits as two passes).
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
 * **Certified gradients**: an outer pass need not recompute every ∂F/∂wⱼ. With
 * θ = −∇_z F the dual point, ∂F/∂wⱼ = −xⱼᵀθ, so between two passes it moves by at most
 * ‖xⱼ‖·‖θ − θ_prev‖ (Cauchy–Schwarz). A zero feature whose bound on |∂F/∂wⱼ| (its last
 * computed value plus its rounding bound, plus those moves) stays inside the penalty's
 * subdifferential at 0 provably satisfies its KKT condition: it is not a violator, and
 * in the duality gap its uⱼ = xⱼᵀθ neither limits the dual scaling nor adds to the
 * conjugate. Such features are entered as ∂F/∂wⱼ = 0, which changes neither the working
 * set nor the gap, and their columns are not read. Near the solution θ barely moves: the
 * wide benchmark Lasso skips 69%, 99% and 99% of its columns in its last three passes.
 * The returned `gradient` is completed exactly when it is read. A path passes the
 * `certificate` instead (the gradient with its certified entries still uncomputed, and
 * their bounds): the next alpha's first outer pass reads only the columns whose bounds no
 * longer certify them under its penalty (on the wide 100-alpha path, completing every
 * gradient had cost ~20% of the time). A wrong bound there could only misplace that first
 * working set, never the solution: the first pass cannot stop the solve (its steps are not
 * yet small), and every later pass certifies afresh.
 *
 * **Anderson extrapolation** (skglm's, after Bertrand & Massias 2021): on ill-conditioned
 * working sets the inner epochs converge slowly but steadily, so every
 * {@link ANDERSON_DEPTH} + 1 epochs the last iterates are combined, w_acc = Σᵢ cᵢ·wᵢ
 * with Σᵢ cᵢ = 1 and c minimizing ‖Σᵢ cᵢ·(wᵢ − wᵢ₋₁)‖, which extrapolates that steady
 * convergence. The point, projected onto the penalty's domain (under `positive` it can
 * leave it), is kept only when its objective is lower than the current one's, so every
 * step still decreases the objective and the stopping rule is untouched;
 * `extrapolation: false` turns it off.
 *
 * @module
 */
import { ANDERSON_DEPTH, andersonSchedule } from './anderson.js';
import { norm, roundingBound, StoppingRule, objectiveValue } from './stopping.js';
import type { GradientCertificate, Problem, SolveOptions, SolveResult } from './types.js';

/** Smallest working set (skglm's p0). */
const WORKING_SET_MIN = 10;
/**
 * Growth of a working set whose every feature entered the support while violators
 * remained outside it. Counted in full passes over X on 30 benchmark-like fits (tall,
 * wide, square; Lasso and ElasticNet at alphaMax/5, /20, /100): 4 saves 7.5% of the
 * ElasticNet passes (18% on the wide one, whose support outgrows n) and 2% of the
 * Lasso's; 8 did worse than 4 on half of them.
 */
const SATURATED_GROWTH = 4;
/** Inner epochs stop once the working set's KKT violation is this fraction of the outer one. */
const INNER_FRACTION = 0.3;
/**
 * An outer pass reads only the columns it needs (neither certified nor carried in exact),
 * one dot product each, when they are at most this fraction of the features; otherwise it
 * computes the whole gradient in one `matTVec`, which per column is up to 2× faster than
 * separate dot products.
 */
const READ_FRACTION = 0.5;

export function coordinateDescent(problem: Problem, options: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  const p = design.nFeatures;
  const w = options.initial ? Float64Array.from(options.initial.w) : new Float64Array(p);
  let b = options.initial ? options.initial.b : 0;
  let state = datafit.createState(design, y);
  datafit.setIterate(state, design, w, b);
  const rule = new StoppingRule(problem, options.tol);

  const lipschitz = datafit.lipschitzConstants(design);
  const units = lipschitz.map((L) => (L > 0 ? 1 / Math.sqrt(L) : 1));
  const interceptUnit = 1 / Math.sqrt(datafit.smoothness * design.nSamples || 1);

  // a warm start that carries ∇_w F at (w, b) is the previous solve's final state (path
  // solvers pass it on): b is already optimal for w and the first full pass is not needed
  let carried = options.initial?.certificate;
  const stepIntercept = () => {
    const delta = datafit.interceptStep(state);
    if (delta !== 0) {
      b += delta;
      datafit.moveIntercept(state, delta);
    }
  };
  if (fitIntercept && !carried) stepIntercept();

  const all = new Int32Array(p);
  for (let j = 0; j < p; j++) all[j] = j;

  let optimality: number;
  let converged = false;
  let iteration = 0;
  let stopped = false;

  const grad = new Float64Array(p);

  // certified gradients (see the module comment): an upper bound on |∂F/∂wⱼ| at the last
  // outer pass, the dual point there, and which features that pass left out
  const n = design.nSamples;
  const columnNorms = design.columnSquaredNorms.map(Math.sqrt);
  const gradientBound = new Float64Array(p);
  const theta = new Float64Array(n);
  const previousTheta = new Float64Array(n);
  const certified = new Uint8Array(p);
  const certificate = { gradient: grad, skipped: certified, bound: gradientBound, theta: previousTheta };
  let boundsKnown = false;
  /** `grad` with the certified entries computed: the exact ∇_w F at the final iterate. */
  const exactGradient = () => {
    for (let j = 0; j < p; j++) {
      if (certified[j]) {
        grad[j] = datafit.partialGradient(state, design, j);
        certified[j] = 0;
      }
    }
    return grad;
  };

  /**
   * Anderson extrapolation over a working set (see the module comment): returns the step to
   * call after each inner epoch. It records the set's coordinates and b, and every
   * ANDERSON_DEPTH + 1 epochs tries the extrapolated point in a second datafit state,
   * swapping it in when its objective is lower.
   */
  let trial: typeof state | undefined;
  const candidate = new Float64Array(p);
  const startExtrapolation = (features: Int32Array, count: number) => {
    const schedule = andersonSchedule(count + 1); // the set's coordinates, then b
    return () => {
      const point = schedule.record((history, offset) => {
        for (let k = 0; k < count; k++) history[offset + k] = w[features[k]];
        history[offset + count] = b;
      });
      if (!point) return;
      // the combination can leave the penalty's domain (a negative coefficient under
      // `positive`: objective +∞, so the point would be rejected, as most were on
      // near-interpolating positive fits); a proximal step of size 0 projects it back, and
      // is the identity inside the domain
      for (let k = 0; k < count; k++) point[k] = penalty.proxCoordinate(point[k], 0, features[k]);
      // features outside the set are 0 in w, and stay 0 in `candidate`
      for (let k = 0; k < count; k++) candidate[features[k]] = point[k];
      trial ??= datafit.createState(design, y);
      datafit.setIterate(trial, design, candidate, point[count]);
      const accepted = objectiveValue(problem, trial, candidate) < objectiveValue(problem, state, w);
      if (accepted) {
        [state, trial] = [trial, state];
        b = point[count];
      }
      schedule.result(accepted);
      for (let k = 0; k < count; k++) {
        if (accepted) w[features[k]] = point[k];
        candidate[features[k]] = 0;
      }
    };
  };

  const scores = new Float64Array(p);
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
    // the first pass of a warm start with a carried certificate checks its certified entries
    // against this solve's penalty (those no longer certified are computed) and does not
    // recompute the exact ones
    let skipped: Uint8Array | undefined;
    if (carried) {
      grad.set(carried.gradient);
      previousTheta.set(carried.theta);
      gradientBound.set(carried.bound);
      boundsKnown = true;
      skipped = carried.skipped;
      carried = undefined;
    }
    const gb = outerGradient(problem, state, w, certificate, columnNorms, theta, boundsKnown && options.certifiedGradients !== false, skipped);
    boundsKnown = true;
    optimality = rule.measureFromGradient(state, w, grad, gb);
    // the certificate of an L2 penalty on a non-quadratic loss holds for the current b, which
    // each epoch's intercept step has minimized (see Datafit.interceptStep)
    const measureMet = rule.met(optimality, state, w, exactGradient);
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
    }
    if (useWorkingSet) {
      // capacity: the support twice over (skglm's rule), doubled when the last set could not
      // hold every violator (celer's growth), and quadrupled when, besides, every feature of
      // the last set entered the support: the set was clearly too small. The set: the support
      // and the worst violators only, since a feature with no KKT violation would not move
      const saturated = iteration > 0 && support >= size;
      const grown = support + violators > capacity ? (saturated ? SATURATED_GROWTH : 2) * capacity : 0;
      capacity = Math.min(p, Math.max(WORKING_SET_MIN, 2 * support, grown));
      size = Math.min(capacity, support + violators);
    }
    const features = size === p ? all : topScores(scores, size);
    const innerTolerance = INNER_FRACTION * worst;
    // the set holds the support and every feature that violates its KKT condition: its
    // solution is likely the global one, so solve it to small steps before the next pass
    const complete = support + violators <= size && optimality <= 10 * rule.threshold;
    const extrapolate = options.extrapolation === false ? undefined : startExtrapolation(features, size);
    while (iteration < options.maxIter) {
      iteration++;
      const { violation, changeMax, wMax } = epoch(problem, state, w, lipschitz, units, features, size);
      if (Number.isNaN(wMax)) {
        stopped = true;
        break;
      }
      if (fitIntercept) stepIntercept();
      smallSteps = wMax === 0 || changeMax / wMax < options.tol;
      if (options.onIteration && options.onIteration({ iteration, w, b }) === false) {
        stopped = true;
        break;
      }
      // Back to an outer pass once the set is solved to the inner tolerance, with small steps
      // unless the set is incomplete and the measure unmet. An epoch that changed nothing
      // counts as solved: it is a fixed point (without this, a rounding-level violation at
      // alphaMax spins to maxIter). And once the outer pass met the measure, only the step
      // condition is missing: small steps alone suffice, since the inner tolerance can then
      // sit below rounding, where w and b can alternate between neighbouring doubles forever
      // (a positive Lasso warm-started along a path spun to maxIter that way).
      const solved = violation <= innerTolerance || changeMax === 0;
      if (smallSteps ? measureMet || solved : solved && !measureMet && !complete) break;
      extrapolate?.();
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
    // completed when read: a single fit does not need the certified entries
    get gradient() {
      return exactGradient();
    },
    certificate,
  };
}

/**
 * One epoch over `features[0..count)` (the intercept step is the caller's); returns the
 * largest change, the largest |wⱼ| and the largest KKT violation seen (wMax NaN when a step
 * overflowed: the epoch stops there). This and {@link outerGradient} are module functions, not closures of a
 * solve: V8 keeps a closure's optimized code only while one of its closures lives, so after
 * each full GC every fit ran them unoptimized until recompiled (5000×200 Lasso with a GC
 * before each fit, as `npm run bench` does: ~19 ms against ~15 without the GC).
 */
function epoch(problem: Problem, state: unknown, w: Float64Array, lipschitz: Float64Array, units: Float64Array, features: Int32Array, count: number) {
  const { design, datafit, penalty } = problem;
  const fuse = datafit.moveThenPartialGradient !== undefined;
  let wMax = 0;
  let changeMax = 0;
  let violation = 0;
  // a move not yet applied to the state: where the datafit can, it is applied in the same
  // pass as the next coordinate's gradient (one pass over the samples instead of two)
  let pending = -1;
  let pendingDelta = 0;
  for (let k = 0; k < count; k++) {
    const j = features[k];
    const Lj = lipschitz[j];
    if (Lj === 0) continue; // a constant column: the datafit does not depend on wⱼ
    const old = w[j];
    const grad = pending < 0 ? datafit.partialGradient(state, design, j) : datafit.moveThenPartialGradient!(state, design, pending, pendingDelta, j);
    pending = -1;
    // the KKT violation before the step, free here: the inner loop's stopping measure
    const d = penalty.subdifferentialDistance(old, grad, j) * units[j];
    if (d > violation) violation = d;
    const next = penalty.proxCoordinate(old - grad / Lj, 1 / Lj, j);
    if (!(Math.abs(next) < Infinity)) {
      // NaN or ±∞ (overflow): stop here, the engine reports it
      w[j] = next;
      wMax = NaN;
      break;
    }
    if (next !== old) {
      if (fuse) {
        pending = j;
        pendingDelta = next - old;
      } else {
        datafit.moveCoordinate(state, design, j, next - old);
      }
      w[j] = next;
      const change = Math.abs(next - old);
      if (change > changeMax) changeMax = change;
    }
    const a = Math.abs(next);
    if (a > wMax) wMax = a;
  }
  if (pending >= 0) datafit.moveCoordinate(state, design, pending, pendingDelta);
  return { wMax, changeMax, violation };
}

/**
 * An outer pass: ∇_w F at the current iterate into `certificate.gradient` (0 for the
 * features it certifies, see the module comment; with `certify` false, none) and returns
 * ∂F/∂b. With `skipped` (a carried certificate's), the entries it marks 0 are already
 * exact. Leaves in `certificate` the bounds and dual point the next pass starts from.
 */
function outerGradient(problem: Problem, state: unknown, w: Float64Array, certificate: GradientCertificate, columnNorms: Float64Array, theta: Float64Array, certify: boolean, skipped?: Uint8Array): number {
  const { design, datafit, penalty } = problem;
  const { gradient: grad, skipped: certified, bound: gradientBound, theta: previousTheta } = certificate;
  const p = design.nFeatures;
  const n = design.nSamples;
  datafit.dualPoint(state, theta);
  let drift = 0;
  if (certify) {
    for (let i = 0; i < n; i++) previousTheta[i] = theta[i] - previousTheta[i];
    drift = norm(previousTheta);
  }
  // the columns to read: neither certified nor already exact (`skipped` 0)
  let unread = 0;
  for (let j = 0; j < p; j++) {
    if (certify) {
      const bound = gradientBound[j] + columnNorms[j] * drift;
      // the whole interval [−bound, bound] lies in −∂gⱼ(0) (convexity: its two ends do)
      certified[j] = w[j] === 0 && penalty.subdifferentialDistance(0, bound, j) === 0 && penalty.subdifferentialDistance(0, -bound, j) === 0 ? 1 : 0;
      if (certified[j]) gradientBound[j] = bound;
    }
    if (!certified[j] && (!skipped || skipped[j])) unread++;
  }
  let gb: number;
  if (unread <= READ_FRACTION * p) {
    for (let j = 0; j < p; j++) if (certified[j]) grad[j] = 0;
    else if (!skipped || skipped[j]) grad[j] = datafit.partialGradient(state, design, j);
    gb = datafit.interceptGradient(state);
  } else {
    certified.fill(0);
    gb = datafit.gradient(state, design, grad);
  }
  // the bounds: exact entries get |∂F/∂wⱼ| plus their rounding bound
  const perUnitNorm = roundingBound(n, norm(theta));
  for (let j = 0; j < p; j++) if (!certified[j]) gradientBound[j] = Math.abs(grad[j]) + perUnitNorm * columnNorms[j];
  previousTheta.set(theta);
  return gb;
}

/**
 * The `size` indices with the largest scores, in increasing index order (cache friendly).
 * Only positive scores compete (the support at +∞, then the KKT violators): when they all
 * fit, as when the set holds the support and every violator, they are the set with no
 * sort; otherwise a native sort of the violators' scores finds the threshold, and ties at
 * it go to the smallest indices.
 */
function topScores(scores: Float64Array, size: number): Int32Array {
  const chosen = new Int32Array(size);
  if (size === 0) return chosen;
  let positive = 0;
  for (let j = 0; j < scores.length; j++) if (scores[j] > 0) positive++;
  let threshold = 0;
  if (positive > size) {
    const competing = new Float64Array(positive);
    let k = 0;
    for (let j = 0; j < scores.length; j++) if (scores[j] > 0) competing[k++] = scores[j];
    threshold = competing.sort()[positive - size];
  }
  let count = 0;
  for (let j = 0; j < scores.length && count < size; j++) if (scores[j] > threshold) chosen[count++] = j;
  if (count === size) return chosen;
  for (let j = 0; j < scores.length && count < size; j++) if (scores[j] === threshold) chosen[count++] = j;
  return chosen.sort();
}
