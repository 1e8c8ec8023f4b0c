/**
 * The engine's core: run one strategy, chosen from those the caller makes available.
 *
 * How `'auto'` chooses (the only place that does), in order of preference:
 * 1. a squared loss with a purely quadratic penalty (Linear, Ridge): `'direct'`, the
 *    exact normal-equations solve, while it is cheap — its n·p·min(n, p) operations
 *    under {@link DIRECT_WORK_LIMIT}, a few hundredths of a second — and `'cg'` (conjugate
 *    gradient, O(n·p) per iteration) beyond, where the caller offers it;
 * 2. `'lbfgs'` — any other smooth pair (LogisticL2), as scikit-learn's default;
 * 3. `'cd'` — proximal coordinate descent (L1, elastic net), as scikit-learn and glmnet.
 *
 * Callers pass only the strategies they can need, so a bundle that imports `Lasso`
 * does not carry the direct solver (or ml-matrix, which only it uses).
 *
 * A squared-loss problem whose targets exceed {@link HUGE_TARGET} is solved in units of
 * a power of two σ ≥ max|yᵢ| (see {@link targetScale}): ‖y − ȳ‖², the objective and the
 * duality gap would otherwise overflow and the stopping rule could never be met.
 *
 * @module
 */
import { PenalizedError } from '../errors.js';
import type { Penalty } from '../penalties/types.js';
import type { Problem, SolveOptions, SolveResult, Strategy } from './types.js';

/** A strategy: minimizes the problem, with an optional test of whether it applies. */
export interface StrategyImplementation {
  (problem: Problem, options: SolveOptions): SolveResult;
}

/** The strategies available to a caller, by name. */
export type StrategyTable = Partial<Record<Exclude<Strategy, 'auto'>, StrategyImplementation>>;

/**
 * Above this many multiply-adds (n·p·min(n, p), forming XᵀX or XXᵀ) `'auto'` prefers
 * conjugate gradient, whose iterations cost n·p each and which typically needs tens
 * of them. Measured: at 20000×500 the direct solve takes ~1.7 s, CG ~0.45 s; near the
 * limit (20000×70, 2000×500) CG is still 1.3–3.5× faster on well-conditioned data.
 */
export const DIRECT_WORK_LIMIT = 1e8;

/** The strategy `'auto'` resolves to, among those available. */
export function chooseStrategy(problem: Problem, available: StrategyTable): Exclude<Strategy, 'auto'> {
  const quadratic = problem.datafit.quadraticWeight !== undefined && problem.penalty.quadraticStrength !== undefined;
  if (quadratic) {
    const { nSamples: n, nFeatures: p } = problem.design;
    const directWork = n * p * Math.min(n, p);
    if (available.cg && (directWork > DIRECT_WORK_LIMIT || !available.direct)) return 'cg';
    if (available.direct) return 'direct';
  }
  if (problem.penalty.smooth && available.lbfgs) return 'lbfgs';
  if (available.cd) return 'cd';
  if (available.fista) return 'fista';
  throw new PenalizedError('SOLVER_UNSUPPORTED', `no strategy is available for ${problem.datafit.name} + ${problem.penalty.name}.`);
}

/** Minimizes the problem with `options.strategy` (or the `'auto'` choice) from `available`. */
export function solveWith(problem: Problem, options: SolveOptions, available: StrategyTable): SolveResult {
  const name = !options.strategy || options.strategy === 'auto' ? chooseStrategy(problem, available) : options.strategy;
  const strategy = available[name];
  if (!strategy) {
    throw new PenalizedError(
      'SOLVER_UNSUPPORTED',
      `strategy '${String(name)}' is not available here; use one of ${['auto', ...Object.keys(available)].map((s) => `'${s}'`).join(', ')}.`,
    );
  }
  const result = solveInTargetUnits(problem, options, strategy);
  // a strategy stops as soon as its iterate stops being finite; say so instead of
  // handing back NaN coefficients
  requireFinite(name, result.w, result.b, result.nIter);
  return result;
}

/** Throws NUMERICAL_FAILURE unless w and b are finite (strategy `name` stopped after `nIter` iterations). */
export function requireFinite(name: string, w: Float64Array, b: number, nIter: number): void {
  let finite = Number.isFinite(b);
  for (let j = 0; j < w.length && finite; j++) finite = Number.isFinite(w[j]);
  if (!finite) {
    throw new PenalizedError(
      'NUMERICAL_FAILURE',
      `the '${name}' solver diverged: its coefficients stopped being finite numbers after ${nIter} iterations. ` +
        `The data may be too badly scaled for it: standardize the columns, or use the coordinate-descent solver ('cd').`,
    );
  }
}

/**
 * Targets beyond 2^400 (≈ 2.6e120) are solved in units of a power of two: their squares
 * summed over up to 2^200 samples stay finite, so every ordinary problem is solved as
 * given, bit for bit.
 */
export const HUGE_TARGET = 2 ** 400;

/**
 * A penalty that can restate itself for the target divided by σ: g_σ(w) = g(σ·w)/σ², so
 * that w solves the problem with y/σ iff σ·w solves the one with y (for the elastic net:
 * the L1 strength divided by σ, the L2 strength unchanged). Penalties without the method
 * are solved as given.
 */
type TargetScalablePenalty = Penalty & { scaledForTarget?(sigma: number): Penalty };

/**
 * σ for a squared-loss problem whose targets exceed {@link HUGE_TARGET}: the power of two
 * at or above max|yᵢ| (at most 2^1023), so y/σ lies in [−2, 2] and dividing by σ is
 * exact (down to entries 2^1022 times smaller than the largest, which the fit cannot
 * resolve anyway). 1 otherwise, and for a datafit or penalty that cannot be restated.
 */
export function targetScale(problem: Problem): number {
  const penalty = problem.penalty as TargetScalablePenalty;
  // F(z) = (s/2)·Σ swᵢ(yᵢ − zᵢ)² is homogeneous: F at (y − z)/σ is F at y − z over σ²
  if (problem.datafit.quadraticWeight === undefined || penalty.scaledForTarget === undefined) return 1;
  let largest = 0;
  for (let i = 0; i < problem.y.length; i++) largest = Math.max(largest, Math.abs(problem.y[i]));
  if (!(largest > HUGE_TARGET) || largest === Infinity) return 1;
  // log2 may round down to the exponent below; 2^1023 is the largest power of two
  let exponent = Math.ceil(Math.log2(largest));
  if (2 ** exponent < largest) exponent++;
  return 2 ** Math.min(exponent, 1023);
}

/**
 * Runs the strategy on the problem in target units σ ({@link targetScale}): y/σ, the
 * restated penalty, a warm start divided by σ; the solution, gradient and iterates
 * reported back multiplied by σ, the objective and stopping measure by σ² (Infinity when
 * they exceed the largest double: the solution itself is still exact).
 */
function solveInTargetUnits(problem: Problem, options: SolveOptions, strategy: StrategyImplementation): SolveResult {
  const sigma = targetScale(problem);
  if (sigma === 1) return strategy(problem, options);
  const penalty = (problem.penalty as TargetScalablePenalty).scaledForTarget!(sigma);
  const divide = (v: Float64Array) => v.map((x) => x / sigma);
  const { initial, onIteration } = options;
  const result = strategy(
    { ...problem, y: divide(problem.y), penalty },
    {
      ...options,
      initial: initial && {
        w: divide(initial.w),
        b: initial.b / sigma,
      },
      onIteration:
        onIteration && ((info) => onIteration({ iteration: info.iteration, w: info.w.map((x) => x * sigma), b: info.b * sigma })),
    },
  );
  // read before w is rescaled in place (a strategy may compute it lazily from w)
  const objective = result.objective;
  for (let j = 0; j < result.w.length; j++) result.w[j] *= sigma;
  if (result.gradient) for (let j = 0; j < result.gradient.length; j++) result.gradient[j] *= sigma;
  return {
    ...result,
    // a certificate is not carried across target units (nor into them, above): the next
    // solve of a path then starts with a full pass
    certificate: undefined,
    b: result.b * sigma,
    // (x·σ)·σ, not x·σ²: σ² overflows for σ = 2^1023 and 0·∞ would be NaN
    objective: objective * sigma * sigma,
    optimality: result.optimality * sigma * sigma,
    threshold: result.threshold * sigma * sigma,
  };
}
