/**
 * The engine's core: run one strategy, chosen from those the caller makes available.
 *
 * How `'auto'` chooses (the only place that does), in order of preference:
 * 1. a squared loss with a purely quadratic penalty (Linear, Ridge): `'direct'`, the
 *    exact normal-equations solve, while it is cheap — its n·p·min(n, p) operations
 *    under {@link DIRECT_WORK_LIMIT}, about a tenth of a second — and `'cg'` (conjugate
 *    gradient, O(n·p) per iteration) beyond, where the caller offers it;
 * 2. `'lbfgs'` — any other smooth pair (LogisticL2), as scikit-learn's default;
 * 3. `'cd'` — proximal coordinate descent (L1, elastic net), as scikit-learn and glmnet.
 *
 * Callers pass only the strategies they can need, so a bundle that imports `Lasso`
 * does not carry the direct solver (or ml-matrix, which only it uses).
 *
 * @module
 */
import { PenalizedError } from '../errors.js';
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
 * of them. Measured: at 20000×500 the direct solve takes ~5 s, CG ~0.3 s.
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
  const result = strategy(problem, options);
  // a strategy stops as soon as its iterate stops being finite; say so instead of
  // handing back NaN coefficients
  let finite = Number.isFinite(result.b);
  for (let j = 0; j < result.w.length && finite; j++) finite = Number.isFinite(result.w[j]);
  if (!finite) {
    throw new PenalizedError(
      'NUMERICAL_FAILURE',
      `the '${name}' solver diverged: its coefficients stopped being finite numbers after ${result.nIter} iterations. ` +
        `The data may be too badly scaled for it: standardize the columns, or use the coordinate-descent solver ('cd').`,
    );
  }
  return result;
}
