/**
 * The engine: {@link solve} minimizes F(Xw + b) + g(w) for any datafit/penalty pair
 * with the chosen strategy (see `engine.ts` for how `'auto'` chooses).
 *
 * - `'cd'`: proximal coordinate descent (default for L1 and elastic net);
 * - `'lbfgs'`: L-BFGS for smooth pairs (default for LogisticL2);
 * - `'direct'`: the exact normal-equations solve (default for Linear, and for Ridge
 *   while small);
 * - `'cg'`: conjugate gradient on the same system (default for large Ridge);
 * - `'fista'`: accelerated proximal gradient, which solves every pair; the tests use
 *   it to check that independent strategies reach the same solution.
 *
 * @module
 */
import { conjugateGradient } from './conjugateGradient.js';
import { coordinateDescent } from './coordinateDescent.js';
import { directSolve } from './direct.js';
import { chooseStrategy as choose, solveWith, type StrategyTable } from './engine.js';
import { fista } from './fista.js';
import { lbfgs } from './lbfgs.js';
import type { Problem, SolveOptions, SolveResult, Strategy } from './types.js';

export type { Problem, SolveOptions, SolveResult, Strategy, IterationInfo, GradientCertificate } from './types.js';
export { StoppingRule } from './stopping.js';

const ALL_STRATEGIES: StrategyTable = { direct: directSolve, cg: conjugateGradient, lbfgs, cd: coordinateDescent, fista };

/** The strategy `'auto'` resolves to for this problem. */
export function chooseStrategy(problem: Problem): Exclude<Strategy, 'auto'> {
  return choose(problem, ALL_STRATEGIES);
}

/**
 * Minimizes `datafit(Xw + b) + penalty(w)` over w (and b when `fitIntercept`) with
 * every strategy available. The intercept returned is for the stored design
 * (centered when `fitIntercept`: subtract `columnMeans · w` for the original scale).
 *
 * @example
 * ```ts
 * import { solve, toDesign, Quadratic, L1 } from 'penalized';
 * const X = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 7]];
 * const y = [1, 2, 3, 4, 6];
 * const design = toDesign(X, { center: true });
 * const result = solve(
 *   { design, y: Float64Array.from(y), datafit: new Quadratic(1 / X.length), penalty: new L1(0.1), fitIntercept: true },
 *   { strategy: 'fista', maxIter: 1000, tol: 1e-6 },
 * );
 * ```
 */
export function solve(problem: Problem, options: SolveOptions): SolveResult {
  return solveWith(problem, options, ALL_STRATEGIES);
}
