/**
 * The engine's core: run one strategy, chosen from those the caller makes available.
 *
 * How `'auto'` chooses (the only place that does), in order of preference:
 * 1. `'direct'` — a squared loss with a purely quadratic penalty (Linear, Ridge):
 *    the exact normal-equations solve;
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

/** The strategy `'auto'` resolves to, among those available. */
export function chooseStrategy(problem: Problem, available: StrategyTable): Exclude<Strategy, 'auto'> {
  const quadratic = problem.datafit.quadraticWeight !== undefined && problem.penalty.quadraticStrength !== undefined;
  if (quadratic && available.direct) return 'direct';
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
  return strategy(problem, options);
}
