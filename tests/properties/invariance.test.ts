/**
 * Properties that relate two fits:
 *
 * - permuting the features permutes coef;
 * - permuting the samples changes nothing beyond round-off;
 * - for Linear and Ridge, scaling y by c scales coef and intercept by c — bit for bit
 *   when c is a power of two (every operation of the solvers is then exact scaling), to
 *   round-off otherwise; the same holds for Lasso and ElasticNet when alpha scales too.
 *
 * "Agree" is made precise per solver, from quantities computed here:
 * - iterative squared-loss fits stop at a duality gap ε (recomputed here), and
 *   P(w, b) − P* ≥ (s/2)‖z − z*‖² + (l2/2)‖w − w*‖², so two fits' predictions z differ
 *   by at most √(2ε₁/s) + √(2ε₂/s) in ℓ2, their coefficients (when l2 > 0) by
 *   √(2ε₁/l2) + √(2ε₂/l2). Lasso coefficients need not be unique: predictions only.
 * - exact solves differ by round-off amplified by the condition number κ of the system
 *   they factor (equilibrated Gram or kernel): compared in equilibrated coordinates
 *   wⱼ‖xⱼ‖, with a budget of 1e3·(n + p)·EPS·κ.
 * - LogisticL2 (relative-KKT rule, tol 1e-10): decision functions within 1e-6 relative
 *   (an empirical budget: its rule bounds the gradient, not the distance to the optimum).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, LogisticL2, Ridge, setWarningHandler, type WarningHandler } from '../../src/index.js';
import {
  type AnyModel,
  type Config,
  EPS,
  type Problem,
  bitIdentical,
  diffNorm,
  dualityGap,
  formOf,
  lassoAlphaMax,
  linearPredictor,
  make,
  makeProblem,
  norm2,
  permutation,
  recipes,
  ridgeScale,
  systemCondition,
  targetOf,
} from './support.js';

let previous: WarningHandler;
beforeAll(() => {
  previous = setWarningHandler(null);
});
afterAll(() => {
  setWarningHandler(previous);
});

const SEED = 42;
const TOL = 1e-10;
const MAX_ITER = 20_000;

const solvers = (choices: readonly string[]) => choices.filter((c) => c !== 'auto');
const choose = <T,>(items: readonly T[], pick: number): T => items[pick % items.length];

/** A config for each estimator, with every solver it offers (read from its parameter table). */
function configFor(estimator: Config['estimator'], problem: Problem, pick: number, fitIntercept: boolean): Config {
  const { X, y } = problem;
  switch (estimator) {
    case 'Linear':
      return { estimator, options: { fitIntercept } };
    case 'Ridge':
      return {
        estimator,
        options: { alpha: choose([1e-2, 1, 100], pick) * ridgeScale(X), solver: choose(solvers(Ridge.parameters.solver.choices), pick >> 2), tol: TOL, maxIter: MAX_ITER, fitIntercept },
      };
    case 'Lasso': {
      const amax = lassoAlphaMax(X, y, fitIntercept);
      return {
        estimator,
        options: { alpha: amax > 0 ? choose([0.05, 0.3, 0.8], pick) * amax : 1, solver: choose(solvers(Lasso.parameters.solver.choices), pick >> 2), tol: TOL, maxIter: MAX_ITER, fitIntercept },
      };
    }
    case 'ElasticNet': {
      const amax = lassoAlphaMax(X, y, fitIntercept) / 0.5;
      return {
        estimator,
        options: { alpha: amax > 0 ? choose([0.05, 0.3, 0.8], pick) * amax : 1, l1Ratio: 0.5, solver: choose(solvers(ElasticNet.parameters.solver.choices), pick >> 2), tol: TOL, maxIter: MAX_ITER, fitIntercept },
      };
    }
    case 'LogisticL2':
      return { estimator, options: { C: choose([0.1, 1, 10], pick), solver: choose(solvers(LogisticL2.parameters.solver.choices), pick >> 2), tol: TOL, maxIter: MAX_ITER, fitIntercept } };
  }
}

function isExact(config: Config): boolean {
  return config.estimator === 'Linear' || (config.estimator === 'Ridge' && (config.options.solver === 'direct' || config.options.solver === 'auto'));
}

interface Fitted {
  model: AnyModel;
  w: Float64Array;
  b: number;
  /** Suboptimality bound (duality gap + round-off) for iterative squared-loss fits. */
  epsilon: number;
}

function fit(config: Config, X: number[][], t: number[]): Fitted {
  const model = make(config).fit(X, t);
  const w = model.coef;
  const b = model.intercept;
  let epsilon = 0;
  const form = formOf(config, X.length);
  if (form.kind === 'quadratic' && !isExact(config)) {
    const { gap, slack } = dualityGap(form, X, t, w, b);
    epsilon = Math.max(gap, 0) + slack;
  }
  return { model, w, b, epsilon };
}

/**
 * Whether fits A (on X, t) and B agree, B's coefficients already mapped back to A's
 * feature order; `X` and `t` are A's data. Returns a reason when they do not.
 */
function disagreement(config: Config, X: number[][], t: number[], A: Fitted, wB: Float64Array, bB: number, B: Fitted): string | undefined {
  const n = X.length;
  const p = X[0].length;
  const form = formOf(config, n);
  const zA = linearPredictor(X, A.w, A.b);
  const zB = linearPredictor(X, wB, bB);
  const scaleZ = norm2(zA) + norm2(t);
  if (form.kind === 'logistic') {
    const d = diffNorm(zA, zB);
    return d <= 1e-6 * (norm2(zA) + Math.sqrt(n)) ? undefined : `decision functions differ by ${d.toExponential(3)} (‖z‖ ${norm2(zA).toExponential(3)})`;
  }
  if (isExact(config)) {
    const kappa = systemCondition(form, X);
    // numerically singular (collinear columns, solved by an SVD of X): compared through
    // the predictions, the projection of y on the column space, which an SVD solve gets to
    // ~EPS × the condition of the directions it keeps; 1e-8 leaves room for 1e7 of it
    if (!Number.isFinite(kappa) || kappa > 1e12) {
      const dz = diffNorm(zA, zB);
      return dz <= 1e-8 * scaleZ ? undefined : `predictions differ by ${dz.toExponential(3)} (collinear design)`;
    }
    const budget = 1e3 * (n + p) * EPS * kappa;
    const columnNorm = Array.from({ length: p }, (_, j) => Math.sqrt(X.reduce((a, r) => a + r[j] * r[j], 0)) || 1);
    const wA = Array.from(A.w, (v, j) => v * columnNorm[j]);
    const wBe = Array.from(wB, (v, j) => v * columnNorm[j]);
    const dw = diffNorm(wA, wBe);
    if (!(dw <= budget * (norm2(wA) + norm2(t)))) return `equilibrated coef differ by ${dw.toExponential(3)} > ${(budget * (norm2(wA) + norm2(t))).toExponential(3)} (κ ${kappa.toExponential(2)})`;
    const dz = diffNorm(zA, zB);
    if (!(dz <= budget * scaleZ)) return `predictions differ by ${dz.toExponential(3)} > ${(budget * scaleZ).toExponential(3)}`;
    return undefined;
  }
  const roundoff = 1e3 * (n + p) * EPS * scaleZ;
  const dz = diffNorm(zA, zB);
  const zBudget = Math.sqrt((2 * A.epsilon) / form.weight) + Math.sqrt((2 * B.epsilon) / form.weight) + roundoff;
  if (!(dz <= zBudget)) return `predictions differ by ${dz.toExponential(3)} > ${zBudget.toExponential(3)} (ε ${A.epsilon.toExponential(2)}, ${B.epsilon.toExponential(2)})`;
  if (form.l2 > 0) {
    const dw = diffNorm(A.w, wB);
    const wBudget = Math.sqrt((2 * A.epsilon) / form.l2) + Math.sqrt((2 * B.epsilon) / form.l2) + 1e3 * (n + p) * EPS * norm2(A.w);
    if (!(dw <= wBudget)) return `coef differ by ${dw.toExponential(3)} > ${wBudget.toExponential(3)}`;
  }
  return undefined;
}

const ESTIMATORS: Config['estimator'][] = ['Linear', 'Ridge', 'Lasso', 'ElasticNet', 'LogisticL2'];

function pairProperty(
  name: string,
  transform: (problem: Problem, seed: number) => { X: number[][]; t: (t: number[]) => number[]; back: (w: Float64Array) => Float64Array },
  numRuns: number,
) {
  describe(name, () => {
    it.each(ESTIMATORS)('%s', (estimator) => {
      let compared = 0;
      let runs = 0;
      fc.assert(
        fc.property(recipes({ maxSpread: 1, minSamples: estimator === 'LogisticL2' ? 2 : 1 }), fc.nat(1000), fc.boolean(), fc.nat(), (recipe, pick, fitIntercept, seed) => {
          const problem = makeProblem(recipe);
          const config = configFor(estimator, problem, pick, fitIntercept);
          const t = targetOf(estimator, problem);
          const A = fit(config, problem.X, t);
          const moved = transform(problem, seed);
          const B = fit(config, moved.X, moved.t(t));
          runs++;
          if (!A.model.converged || !B.model.converged) return; // counted below
          compared++;
          const reason = disagreement(config, problem.X, t, A, moved.back(B.w), B.b, B);
          if (reason) throw new Error(`${estimator} ${JSON.stringify(config.options)}: ${reason}`);
        }),
        { seed: SEED, numRuns },
      );
      expect(compared / runs).toBeGreaterThanOrEqual(0.7);
    });
  });
}

pairProperty(
  'permuting the features permutes coef',
  (problem, seed) => {
    const p = problem.recipe.p;
    const perm = permutation(p, seed); // new column k is old column perm[k]
    return {
      X: problem.X.map((row) => perm.map((j) => row[j])),
      t: (t) => t,
      back: (w) => {
        const out = new Float64Array(p);
        perm.forEach((j, k) => (out[j] = w[k]));
        return out;
      },
    };
  },
  60,
);

pairProperty(
  'permuting the samples changes nothing beyond round-off',
  (problem, seed) => {
    const perm = permutation(problem.recipe.n, seed);
    return { X: perm.map((i) => problem.X[i]), t: (t) => perm.map((i) => t[i]), back: (w) => w };
  },
  60,
);

describe('scaling y scales coef and intercept', () => {
  const POWERS_OF_TWO = [2 ** -30, 0.5, 8, 2 ** 40];
  // L-BFGS's first step has unit length whatever the scale of the gradient, so its
  // iterates are not scale-equivariant: it is checked to its tolerance below, not bit for bit
  const ridgeBitwise = solvers(Ridge.parameters.solver.choices).filter((s) => s !== 'lbfgs');

  // Linear and Ridge: y → c·y gives (w, b) → (c·w, c·b) with the same alpha.
  it.each([
    ['Linear', () => ({})],
    ...ridgeBitwise.concat('auto').map((solver) => [`Ridge (${solver})`, (problem: Problem) => ({ alpha: ridgeScale(problem.X), solver, tol: 1e-8, maxIter: MAX_ITER })] as const),
  ] as const)('%s: by a power of two, bit for bit', (label, optionsOf) => {
    const estimator = label.startsWith('Ridge') ? 'Ridge' : 'Linear';
    fc.assert(
      fc.property(recipes({ maxSpread: 1 }), fc.constantFrom(...POWERS_OF_TWO), fc.boolean(), (recipe, c, fitIntercept) => {
        const problem = makeProblem(recipe);
        const config: Config = { estimator, options: { ...optionsOf(problem), fitIntercept } };
        const base = make(config).fit(problem.X, problem.y);
        const scaled = make(config).fit(problem.X, problem.y.map((v) => v * c));
        const expected = Array.from(base.coef, (v) => v * c);
        if (!bitIdentical(scaled.coef, expected) || !Object.is(scaled.intercept, base.intercept * c)) {
          throw new Error(`${label} c = ${c}: coef ${Array.from(scaled.coef)} vs ${expected}, intercept ${scaled.intercept} vs ${base.intercept * c}`);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it.each([['Linear', 'auto'] as const, ...solvers(Ridge.parameters.solver.choices).concat('auto').map((solver) => ['Ridge', solver] as const)])(
    '%s (%s): by any factor, to round-off or to its tolerance',
    (estimator, solver) => {
      fc.assert(
        fc.property(recipes({ maxSpread: 1 }), fc.constantFrom(3, 1e-7, 1.7e9, -0.3, 2 ** 20), fc.boolean(), (recipe, c, fitIntercept) => {
          const problem = makeProblem(recipe);
          const config: Config =
            estimator === 'Ridge' ? { estimator, options: { alpha: ridgeScale(problem.X), solver, tol: TOL, maxIter: MAX_ITER, fitIntercept } } : { estimator, options: { fitIntercept } };
          const A = fit(config, problem.X, problem.y);
          const B = fit(config, problem.X, problem.y.map((v) => v * c));
          fc.pre(A.model.converged && B.model.converged);
          // B's suboptimality in A's units is ε_B/c² (the objective scales by c²)
          const reason = disagreement(config, problem.X, problem.y, A, B.w.map((v) => v / c), B.b / c, { ...B, epsilon: B.epsilon / (c * c) });
          if (reason) throw new Error(`${estimator} (${solver}) c = ${c}: ${reason}`);
        }),
        { seed: SEED, numRuns: 40 },
      );
    },
  );

  // Lasso: y → c·y with alpha → c·alpha gives (c·w, c·b) (c > 0); every operation of
  // coordinate descent (soft-thresholding included) commutes with a power-of-two scaling.
  it.each(solvers(Lasso.parameters.solver.choices))('Lasso (%s) with alpha scaled too: by a power of two, bit for bit', (solver) => {
    fc.assert(
      fc.property(recipes({ maxSpread: 1 }), fc.constantFrom(...POWERS_OF_TWO), fc.boolean(), (recipe, c, fitIntercept) => {
        const problem = makeProblem(recipe);
        const amax = lassoAlphaMax(problem.X, problem.y, fitIntercept);
        const alpha = amax > 0 ? 0.2 * amax : 1;
        const options = { solver, fitIntercept, tol: 1e-8, maxIter: MAX_ITER };
        const base = make({ estimator: 'Lasso', options: { ...options, alpha } }).fit(problem.X, problem.y);
        const scaled = make({ estimator: 'Lasso', options: { ...options, alpha: alpha * c } }).fit(problem.X, problem.y.map((v) => v * c));
        const expected = Array.from(base.coef, (v) => v * c);
        if (!bitIdentical(scaled.coef, expected) || !Object.is(scaled.intercept, base.intercept * c)) {
          throw new Error(`Lasso c = ${c}: coef ${Array.from(scaled.coef)} vs ${expected}, intercept ${scaled.intercept} vs ${base.intercept * c}`);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  // ElasticNet: its L2 part ½·alpha·(1 − l1Ratio)·‖w‖² is quadratic in w, so y → c·y needs
  // the L1 strength scaled by c and the L2 strength kept: alpha' = c·alpha·r + alpha·(1 − r),
  // l1Ratio' = c·alpha·r / alpha'. (alpha' · l1Ratio' is not exactly c·alpha·r in floating
  // point, so this is checked to the tolerance, not bit for bit.)
  it.each(solvers(ElasticNet.parameters.solver.choices))('ElasticNet (%s) with the L1 strength scaled: to its tolerance', (solver) => {
    fc.assert(
      // (c ≤ 8: for huge c, l1Ratio' → 1 and 1 − l1Ratio' loses the L2 strength to cancellation)
      fc.property(recipes({ maxSpread: 1 }), fc.constantFrom(2 ** -30, 0.5, 8, 3, 1e-5), fc.boolean(), (recipe, c, fitIntercept) => {
        const problem = makeProblem(recipe);
        const r = 0.5;
        const amax = lassoAlphaMax(problem.X, problem.y, fitIntercept) / r;
        const alpha = amax > 0 ? 0.2 * amax : 1;
        const scaledAlpha = c * alpha * r + alpha * (1 - r);
        const configA: Config = { estimator: 'ElasticNet', options: { alpha, l1Ratio: r, solver, fitIntercept, tol: TOL, maxIter: MAX_ITER } };
        const configB: Config = { estimator: 'ElasticNet', options: { alpha: scaledAlpha, l1Ratio: (c * alpha * r) / scaledAlpha, solver, fitIntercept, tol: TOL, maxIter: MAX_ITER } };
        const A = fit(configA, problem.X, problem.y);
        const B = fit(configB, problem.X, problem.y.map((v) => v * c));
        fc.pre(A.model.converged && B.model.converged);
        const reason = disagreement(configA, problem.X, problem.y, A, B.w.map((v) => v / c), B.b / c, { ...B, epsilon: B.epsilon / (c * c) });
        if (reason) throw new Error(`ElasticNet c = ${c}: ${reason}`);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
