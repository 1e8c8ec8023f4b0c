/**
 * The engine: one entry point, {@link solve}, that minimizes F(Xw + b) + g(w) for any
 * datafit/penalty pair with the chosen strategy.
 *
 * How `'auto'` chooses (the only place that does):
 * - a squared loss with a purely quadratic penalty (Linear, Ridge) → `'direct'`,
 *   the exact normal-equations solve;
 * - another smooth pair (a differentiable penalty: LogisticL2) → `'lbfgs'`;
 * - anything else (L1, elastic net) → `'cd'`, proximal coordinate descent.
 *
 * `'fista'` (accelerated proximal gradient) solves every pair too; the tests use it
 * to check that two independent strategies reach the same solution.
 *
 * @module
 */
import { PenalizedError } from '../errors.js';
import { coordinateDescent } from './coordinateDescent.js';
import { directApplies, directSolve } from './direct.js';
import { fista } from './fista.js';
import { lbfgs } from './lbfgs.js';
import type { Problem, SolveOptions, SolveResult, Strategy } from './types.js';

export type { Problem, SolveOptions, SolveResult, Strategy, IterationInfo } from './types.js';
export { StoppingRule } from './stopping.js';

/** The strategy `'auto'` resolves to for this problem. */
export function chooseStrategy(problem: Problem): Exclude<Strategy, 'auto'> {
  if (directApplies(problem)) return 'direct';
  if (problem.penalty.smooth) return 'lbfgs';
  return 'cd';
}

/**
 * Minimizes `datafit(Xw + b) + penalty(w)` over w (and b when `fitIntercept`).
 * The intercept returned is for the stored design (centered when `fitIntercept`).
 */
export function solve(problem: Problem, options: SolveOptions): SolveResult {
  const strategy = !options.strategy || options.strategy === 'auto' ? chooseStrategy(problem) : options.strategy;
  switch (strategy) {
    case 'direct':
      return directSolve(problem);
    case 'cd':
      return coordinateDescent(problem, options);
    case 'fista':
      return fista(problem, options);
    case 'lbfgs':
      return lbfgs(problem, options);
    default:
      throw new PenalizedError('SOLVER_UNSUPPORTED', `unknown strategy '${String(strategy)}'; use 'auto', 'cd', 'fista', 'lbfgs' or 'direct'.`);
  }
}
