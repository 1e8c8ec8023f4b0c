/**
 * Property: over random problems (1×1 to wide and tall, correlated, badly scaled,
 * duplicated and constant columns, with and without intercept), every estimator and
 * every solver strategy returns a solution that
 *
 * 1. satisfies its optimality conditions within the documented tolerance — gradients
 *    and subgradient conditions computed here from the README objectives;
 * 2. cannot be improved by a small perturbation beyond what that tolerance allows.
 *
 * What "the documented tolerance" means, per stopping rule:
 * - exact (Linear, Ridge 'direct'): round-off only (rank-deficient and wide designs
 *   included: two shrunk counterexamples from this suite were fixed in direct.ts and are
 *   regression tests in tests/extremes/degenerate.test.ts);
 * - duality gap (Lasso, ElasticNet, Ridge with an iterative solver and alpha > 0):
 *   gap ≤ tol·s·‖y − ȳ‖². The gap is recomputed here; it bounds the suboptimality ε, and
 *   ε bounds each coordinate's KKT residual (see kktBudget in support.ts);
 * - relative KKT (LogisticL2): max |∂P| ≤ tol · (the same at w = 0, b = 0), in the
 *   engine's (centered) parametrization, each coordinate in equilibrated units
 *   (divided by √ of its curvature), as src/solvers/stopping.ts documents.
 *
 * A fit may stop at maxIter (coordinate descent on nearly collinear columns needs ~1e5
 * epochs for tol 1e-8): then `converged` must be false *honestly* — the measure recomputed
 * here must indeed exceed the threshold — and each property requires that most runs
 * converge, so it cannot pass vacuously.
 *
 * The solvers tried are read from each estimator's `parameters.solver.choices`, so a
 * strategy added to (or removed from) an estimator is picked up here.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, LogisticL2, Ridge, setWarningHandler, type WarningHandler } from '../../src/index.js';
import {
  type Config,
  EPS,
  centeredGradient,
  type Form,
  type Problem,
  dualityGap,
  formOf,
  gapThreshold,
  gradient,
  kktBudget,
  kktCoordinate,
  lassoAlphaMax,
  make,
  makeProblem,
  objective,
  recipes,
  ridgeScale,
  targetOf,
} from './support.js';

let previous: WarningHandler;
beforeAll(() => {
  previous = setWarningHandler(null); // non-convergence is asserted through `converged`
});
afterAll(() => {
  setWarningHandler(previous);
});

const SEED = 42;

/** Iterative strategies an estimator offers (its `solver` choices, without 'auto'/'direct'). */
function iterativeSolvers(choices: readonly string[]): string[] {
  return choices.filter((c) => c !== 'auto' && c !== 'direct');
}
const solversOf = {
  Ridge: iterativeSolvers(Ridge.parameters.solver.choices),
  Lasso: iterativeSolvers(Lasso.parameters.solver.choices),
  ElasticNet: iterativeSolvers(ElasticNet.parameters.solver.choices),
  LogisticL2: iterativeSolvers(LogisticL2.parameters.solver.choices),
};

/** What a check found wrong (a message), or how the fit ended. */
type Outcome = { ok: true; converged: boolean } | { ok: false; message: string };

function isExact(config: Config): boolean {
  return config.estimator === 'Linear' || (config.estimator === 'Ridge' && ['auto', 'direct', undefined].includes(config.options.solver as string));
}

function checkOptimality(config: Config, problem: Problem): Outcome {
  const { X } = problem;
  const t = targetOf(config.estimator, problem);
  const model = make(config).fit(X, t);
  const form = formOf(config, X.length);
  const w = model.coef;
  const b = model.intercept;
  const n = X.length;
  const p = w.length;
  const tol = (config.options.tol as number | undefined) ?? 1e-4;
  const fail = (message: string): Outcome => ({ ok: false, message });
  if (!form.fitIntercept && b !== 0) return fail(`intercept ${b} with fitIntercept false`);
  if (!Array.from(w).every(Number.isFinite) || !Number.isFinite(b)) return fail(`non-finite solution ${Array.from(w)} ${b}`);
  const exact = isExact(config);
  if (exact && !model.converged) return fail('an exact solve reported converged = false');

  const { g, gb, magnitude, magnitudeB } = gradient(form, X, t, w, b);
  // round-off of a gradient evaluated at (w, b), by us or by the library
  const roundoff = (m: number) => 16 * (n + p) * EPS * m;

  // ε: how far from optimal the documented stopping rule allows (w, b) to be
  let epsilon = 0;
  if (form.kind === 'quadratic' && !exact) {
    const { gap, slack } = dualityGap(form, X, t, w, b);
    const threshold = gapThreshold(form, t, tol);
    if (!model.converged) {
      // honest: the gap really is above the threshold
      return gap > threshold - slack ? { ok: true, converged: false } : fail(`converged = false but the duality gap ${gap.toExponential(3)} ≤ threshold ${threshold.toExponential(3)}`);
    }
    if (!(gap <= threshold + slack)) {
      return fail(`converged, yet the duality gap ${gap.toExponential(3)} > tol·s·‖y − ȳ‖² = ${threshold.toExponential(3)} (+ round-off ${slack.toExponential(2)})`);
    }
    epsilon = Math.max(gap, 0) + slack;
  }

  if (form.kind === 'logistic') {
    // documented (src/solvers/stopping.ts): max(|∂P/∂b|/√L_b, maxⱼ |∂P/∂wⱼ|/√Lⱼ) ≤ tol × the
    // same at w = 0, b = 0, in the centered parametrization, each coordinate in equilibrated
    // units: Lⱼ = (C/4)·‖xⱼ − x̄ⱼ‖², L_b = (C/4)·n
    const means = Array.from({ length: p }, (_, j) => (form.fitIntercept ? X.reduce((a, r) => a + r[j], 0) / n : 0));
    const units = means.map((m, j) => {
      const L = 0.25 * form.weight * X.reduce((a, r) => a + (r[j] - m) ** 2, 0);
      return L > 0 ? 1 / Math.sqrt(L) : 1;
    });
    const interceptUnit = 1 / Math.sqrt(0.25 * form.weight * n);
    const kktOf = (gw: Float64Array, gbv: number) => {
      let worst = form.fitIntercept ? Math.abs(gbv) * interceptUnit : 0;
      gw.forEach((v, j) => (worst = Math.max(worst, Math.abs(v) * units[j])));
      return worst;
    };
    const atZero = gradient(form, X, t, new Float64Array(p), 0);
    const kkt0 = kktOf(centeredGradient(X, atZero.g, atZero.gb, form.fitIntercept), atZero.gb);
    const kkt = kktOf(centeredGradient(X, g, gb, form.fitIntercept), gb);
    let slack = roundoff(magnitudeB) * interceptUnit;
    magnitude.forEach((m, j) => (slack = Math.max(slack, roundoff(m + Math.abs(means[j]) * magnitudeB) * units[j])));
    if (!model.converged) {
      return kkt > tol * kkt0 - slack ? { ok: true, converged: false } : fail(`converged = false but the KKT residual ${kkt.toExponential(3)} ≤ tol·KKT(0) = ${(tol * kkt0).toExponential(3)}`);
    }
    if (!(kkt <= tol * kkt0 + slack)) return fail(`converged, yet the KKT residual ${kkt.toExponential(3)} > tol·KKT(0) = ${(tol * kkt0).toExponential(3)} (+ ${slack.toExponential(2)})`);
  } else {
    const budget = kktBudget(form, X, w, epsilon);
    // exact solves are backward stable (and refined, or an SVD of X for collinear
    // designs): the gradient is a round-off multiple of the magnitudes it is made of
    const slackOf = (m: number) => (exact ? 1e3 * (n + p) * EPS * m : roundoff(m));
    for (let j = 0; j < p; j++) {
      const residual = kktCoordinate(form, w[j], g[j]);
      const allowed = budget.coordinate[j] + slackOf(magnitude[j]);
      if (!(residual <= allowed)) return fail(`KKT residual of w[${j}] = ${w[j]} is ${residual.toExponential(3)} > ${allowed.toExponential(3)} (∂/∂w ${g[j]}, l1 ${form.l1}, ε ${epsilon.toExponential(2)})`);
    }
    const allowedB = budget.intercept + slackOf(magnitudeB);
    if (!(Math.abs(gb) <= allowedB)) return fail(`intercept derivative ${gb.toExponential(3)} > ${allowedB.toExponential(3)}`);
  }

  // no small perturbation lowers the objective by more than ε (+ round-off); under the
  // logistic rule, by more than the first-order change the allowed gradient permits
  const base = objective(form, X, t, w, b);
  const scale = Math.max(1e-12, ...Array.from(w, Math.abs));
  for (const h of [1e-2, 1e-5, 1e-8]) {
    const moves: { dw: Float64Array; db: number }[] = [];
    for (let j = 0; j < p; j++) {
      for (const sign of [1, -1]) {
        const dw = new Float64Array(p);
        dw[j] = sign * h * (Math.abs(w[j]) + scale);
        moves.push({ dw, db: 0 });
      }
    }
    if (form.fitIntercept) for (const sign of [1, -1]) moves.push({ dw: new Float64Array(p), db: sign * h * (Math.abs(b) + 1) });
    for (const { dw, db } of moves) {
      const moved = objective(form, X, t, Array.from(w, (v, j) => v + dw[j]), b + db);
      let allowance = epsilon;
      if (form.kind === 'logistic') {
        // no gap here: the allowance is the first-order change |∇P·δ| at a point whose
        // gradient the KKT check above has bounded
        allowance = Math.abs(gb * db);
        for (let j = 0; j < p; j++) allowance += Math.abs(g[j] * dw[j]);
      }
      const slack = base.error + moved.error;
      if (!(moved.value >= base.value - allowance - slack)) {
        return fail(`a perturbation (h ${h}) lowers the objective from ${base.value} to ${moved.value} (allowed ${allowance.toExponential(2)} + ${slack.toExponential(2)})`);
      }
    }
  }
  return { ok: true, converged: model.converged };
}

/**
 * Runs one property; the counterexample names the recipe and the options. Requires at
 * least `minConverged` of the runs to converge, so the checks cannot pass vacuously.
 */
function property(
  configOf: (problem: Problem, pick: number, fitIntercept: boolean) => Config,
  options: {
    numRuns: number;
    maxSpread?: number;
    minSamples?: number;
    minConverged?: number;
    /** Restricts the problems (a documented exclusion, with its pending test). */
    when?: (problem: Problem, fitIntercept: boolean, pick: number) => boolean;
  },
) {
  let runs = 0;
  let converged = 0;
  fc.assert(
    fc.property(recipes({ maxSpread: options.maxSpread, minSamples: options.minSamples }), fc.nat(1000), fc.boolean(), (recipe, pick, fitIntercept) => {
      const problem = makeProblem(recipe);
      fc.pre(!options.when || options.when(problem, fitIntercept, pick));
      const config = configOf(problem, pick, fitIntercept);
      config.options.fitIntercept = fitIntercept;
      const outcome = checkOptimality(config, problem);
      if (!outcome.ok) throw new Error(`${config.estimator} ${JSON.stringify(config.options)}: ${outcome.message}`);
      runs++;
      if (outcome.converged) converged++;
    }),
    { seed: SEED, numRuns: options.numRuns },
  );
  expect(converged / runs).toBeGreaterThanOrEqual(options.minConverged ?? 1);
}

const choose = <T,>(items: readonly T[], pick: number): T => items[pick % items.length];

describe('optimality at the returned solution (KKT and perturbations)', () => {
  it('Linear (collinear and wide designs included): the gradient is zero up to round-off; nothing lowers the objective', () => {
    property(() => ({ estimator: 'Linear', options: {} }), { numRuns: 150 });
  });

  it('Ridge, exact solve: gradient + alpha·w is zero up to round-off', () => {
    property(
      (problem, pick) => ({ estimator: 'Ridge', options: { alpha: choose([1e-4, 1e-2, 1, 100, 0], pick) * ridgeScale(problem.X) } }),
      { numRuns: 150 },
    );
  });

  it(`Ridge, iterative solvers (${solversOf.Ridge.join(', ')}): within the duality-gap tolerance`, () => {
    property(
      (problem, pick) => ({
        estimator: 'Ridge',
        options: { alpha: choose([1e-2, 1, 100], pick) * ridgeScale(problem.X), solver: choose(solversOf.Ridge, Math.floor(pick / 3)), tol: 1e-8, maxIter: 20_000 },
      }),
      // badly scaled columns included: FISTA and L-BFGS run on equilibrated coordinates
      { numRuns: 120, maxSpread: 2, minConverged: 0.6 },
    );
  });

  it(`Lasso (${solversOf.Lasso.join(', ')}): duality gap and subgradient conditions`, () => {
    property(
      (problem, pick, fitIntercept) => {
        const amax = lassoAlphaMax(problem.X, problem.y, fitIntercept);
        return {
          estimator: 'Lasso',
          options: { alpha: amax > 0 ? choose([0.02, 0.2, 0.7, 1.5], pick) * amax : 1, solver: choose(solversOf.Lasso, Math.floor(pick / 4)), tol: 1e-8, maxIter: 20_000 },
        };
      },
      { numRuns: 150, maxSpread: 2, minConverged: 0.75 },
    );
  });

  it(`ElasticNet (${solversOf.ElasticNet.join(', ')}): duality gap and subgradient conditions`, () => {
    property(
      (problem, pick, fitIntercept) => {
        const l1Ratio = choose([0.1, 0.5, 0.9], pick);
        const amax = lassoAlphaMax(problem.X, problem.y, fitIntercept) / l1Ratio;
        return {
          estimator: 'ElasticNet',
          options: {
            alpha: amax > 0 ? choose([0.02, 0.2, 0.7, 1.5], Math.floor(pick / 3)) * amax : 1,
            l1Ratio,
            solver: choose(solversOf.ElasticNet, Math.floor(pick / 12)),
            tol: 1e-8,
            maxIter: 20_000,
          },
        };
      },
      { numRuns: 150, maxSpread: 2, minConverged: 0.75 },
    );
  });

  it(`LogisticL2 (${solversOf.LogisticL2.join(', ')}): relative KKT rule`, () => {
    property(
      (_problem, pick) => ({
        estimator: 'LogisticL2',
        options: { C: choose([0.01, 1, 100], pick), solver: choose(solversOf.LogisticL2, Math.floor(pick / 3)), tol: 1e-6, maxIter: 20_000 },
      }),
      { numRuns: 150, maxSpread: 1, minSamples: 2, minConverged: 0.75 },
    );
  });
});

it('the checks are not vacuous: a deliberately wrong solution fails them', () => {
  const problem = makeProblem({ n: 30, p: 4, seed: 1, rho: 0.5, spread: 0, offset: 0, duplicate: false, constant: false, noise: 0.5 });
  const form = formOf({ estimator: 'Lasso', options: { alpha: 0.01 } }, 30);
  const w = new Float64Array([0.3, -0.2, 0, 0.1]);
  const { g } = gradient(form, problem.X, problem.y, w, 0.7);
  const { gap } = dualityGap(form, problem.X, problem.y, w, 0.7);
  expect(gap).toBeGreaterThan(gapThreshold(form, problem.y, 1e-4));
  expect(Math.max(...Array.from(w, (v, j) => kktCoordinate(form, v, g[j])))).toBeGreaterThan(0.01);
});
