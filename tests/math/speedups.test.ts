/**
 * Each speed-up leaves the solution unchanged: working sets vs plain cyclic epochs,
 * certified gradients, Anderson extrapolation, the fused move-then-gradient pass.
 */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Logistic, Quadratic } from '../../src/datafits/index.js';
import { L1, L1L2 } from '../../src/penalties/index.js';
import { axpyColumn, axpyDotColumns, dotColumn } from '../../src/linalg/kernels.js';
import { solve, type GradientCertificate, type Problem, type SolveOptions } from '../../src/solvers/index.js';
import { expectClose, regressionData, rng } from '../helpers/fixtures.js';

/** max |xⱼᵀy|/n over the centered columns: the smallest alpha at which the Lasso is all zeros. */
function alphaMaxOf(design: { nSamples: number; nFeatures: number; values: Float64Array }, y: number[]): number {
  const n = design.nSamples;
  let largest = 0;
  for (let j = 0; j < design.nFeatures; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += design.values[j * n + i] * y[i];
    largest = Math.max(largest, Math.abs(s) / n);
  }
  return largest;
}

describe('working sets leave the solution unchanged', () => {
  const cases: [string, number, number, number][] = [
    ['tall 300×40', 300, 40, 6],
    ['wide 60×400', 60, 400, 6],
    // 40 true nonzeros: the working set fills up completely while violators remain, so it
    // grows 4-fold instead of 2-fold (SATURATED_GROWTH in coordinateDescent.ts)
    ['wide 100×1000, large support', 100, 1000, 40],
  ];
  for (const [name, n, p, k] of cases) {
    const { X, y } = regressionData(13, n, p, { k });
    const design = toDesign(X, { center: true });
    const alphaMax = alphaMaxOf(design, y);
    const problems: [string, Problem][] = [
      ['Lasso', { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1(alphaMax / 30), fitIntercept: true }],
      ['ElasticNet', { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1L2(alphaMax / 15, 0.5), fitIntercept: true }],
      ['sparse logistic', { design, y: Float64Array.from(y, (v) => (v > 1.5 ? 1 : -1)), datafit: new Logistic(1), penalty: new L1(0.3 * alphaMax), fitIntercept: true }],
    ];
    for (const [model, problem] of problems) {
      it(`${model}, ${name}`, () => {
        // logistic CD takes majorization (not exact) steps, linear but slow: 1e-8 keeps it fast
        const logistic = problem.datafit.name === 'Logistic';
        const tol = logistic ? 1e-8 : 1e-12;
        const withSets = solve(problem, { strategy: 'cd', tol, maxIter: 100_000 });
        const plain = solve(problem, { strategy: 'cd', tol, maxIter: 100_000, workingSet: false });
        expect(withSets.converged && plain.converged).toBe(true);
        const support = Array.from(plain.w).filter((v) => v !== 0).length;
        expect(support).toBeGreaterThan(0); // not the trivial all-zero solution
        expect(support).toBeLessThan(p); // and sparse, so working sets actually restrict
        // both stop only once epochs change w by < tol·max|w| and the measure is < tol·scale:
        // the solutions agree to ~1e-9 (1e-6 for logistic at tol 1e-8); the budget is 1000×
        // that and still catches a wrong working set (errors of 1e-2 or more)
        const scale = Math.max(...Array.from(plain.w, Math.abs));
        const budget = logistic ? 1e-4 : 1e-6;
        expectClose(withSets.w, plain.w, { rtol: budget, atol: budget * scale }, 'coef');
        expect(Array.from(withSets.w, (v) => v !== 0)).toEqual(Array.from(plain.w, (v) => v !== 0));
      });
    }
  }
});

describe('certified gradients leave the solution unchanged', () => {
  /** The datafit, counting its full-gradient passes, so a test can see the certification engage. */
  function counting<D extends Quadratic | Logistic>(datafit: D): D & { fullPasses: number } {
    const counted = Object.assign(datafit, { fullPasses: 0 });
    const full = datafit.gradient.bind(datafit) as (...args: unknown[]) => number;
    (counted as { gradient: unknown }).gradient = (...args: unknown[]) => {
      counted.fullPasses++;
      return full(...args);
    };
    return counted;
  }
  const n = 60;
  const p = 400;
  const { X, y } = regressionData(17, n, p, { k: 6 });
  const design = toDesign(X, { center: true });
  const weights = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
  const weighted = toDesign(X, { center: true, weights });
  const alphaMax = alphaMaxOf(design, y);
  const cases: [string, () => Problem & { datafit: { fullPasses: number } & (Quadratic | Logistic) }][] = [
    ['Lasso', () => ({ design, y: Float64Array.from(y), datafit: counting(new Quadratic(1 / n)), penalty: new L1(alphaMax / 10), fitIntercept: true })],
    ['ElasticNet', () => ({ design, y: Float64Array.from(y), datafit: counting(new Quadratic(1 / n)), penalty: new L1L2(alphaMax / 5, 0.5), fitIntercept: true })],
    ['positive Lasso', () => ({ design, y: Float64Array.from(y), datafit: counting(new Quadratic(1 / n)), penalty: new L1(alphaMax / 10, { positive: true }), fitIntercept: true })],
    ['weighted Lasso', () => ({ design: weighted, y: Float64Array.from(y), datafit: counting(new Quadratic(1 / n, weights)), penalty: new L1(alphaMax / 10), fitIntercept: true })],
    ['sparse logistic', () => ({ design, y: Float64Array.from(y, (v) => (v > 1.5 ? 1 : -1)), datafit: counting(new Logistic(1)), penalty: new L1(0.3 * alphaMax), fitIntercept: true })],
  ];
  for (const [model, make] of cases) {
    it(`${model}, wide ${n}×${p}: the same solution with fewer full passes, and the exact gradient returned`, () => {
      const logistic = model === 'sparse logistic';
      const tol = logistic ? 1e-8 : 1e-12;
      const certifiedProblem = make();
      const plainProblem = make();
      const certified = solve(certifiedProblem, { strategy: 'cd', tol, maxIter: 100_000 });
      const plain = solve(plainProblem, { strategy: 'cd', tol, maxIter: 100_000, certifiedGradients: false });
      expect(certified.converged && plain.converged).toBe(true);
      // the certification engaged: some outer pass read only part of X
      expect(certifiedProblem.datafit.fullPasses).toBeLessThan(plainProblem.datafit.fullPasses);
      // same tolerances as the working-set comparison above
      const scale = Math.max(...Array.from(plain.w, Math.abs));
      const budget = logistic ? 1e-4 : 1e-6;
      expectClose(certified.w, plain.w, { rtol: budget, atol: budget * scale }, 'coef');
      expect(Array.from(certified.w, (v) => v !== 0)).toEqual(Array.from(plain.w, (v) => v !== 0));
      // the returned gradient is ∇_w F at the returned iterate in every entry, certified
      // ones included (a regularization path starts the next alpha from it)
      const problem = certifiedProblem;
      const state = problem.datafit.createState(problem.design, problem.y);
      problem.datafit.setIterate(state, problem.design, certified.w, certified.b);
      const exact = new Float64Array(p);
      problem.datafit.gradient(state, problem.design, exact);
      const largest = Math.max(...Array.from(exact, Math.abs));
      // two summation orders of the same dot products: a few ulps of the largest entry
      expectClose(certified.gradient!, exact, { rtol: 1e-12, atol: 1e-13 * largest }, 'gradient');
      expect(Array.from(certified.gradient!).filter((v) => v === 0).length).toBeLessThan(p / 10);
    });
  }
});

describe('a carried certificate leaves a warm-started path unchanged', () => {
  // A path passes each solve's certificate (the gradient with its certified entries left
  // uncomputed, and their bounds) to the next alpha's solve, which checks those bounds
  // against its own penalty. A bound kept past the point where it certifies would drop a
  // feature that should enter: that alpha's solution would then be wrong, not slightly off.
  const n = 60;
  const p = 400;
  const { X, y } = regressionData(31, n, p, { k: 8 });
  const design = toDesign(X, { center: true });
  const alphaMax = alphaMaxOf(design, y);
  const grid = Array.from({ length: 15 }, (_, k) => alphaMax * 0.7 ** k);
  const cases: [string, (alpha: number) => L1 | L1L2][] = [
    ['Lasso', (alpha) => new L1(alpha)],
    ['ElasticNet', (alpha) => new L1L2(alpha, 0.5)],
    ['positive Lasso', (alpha) => new L1(alpha, { positive: true })],
  ];
  for (const [model, penaltyAt] of cases) {
    it(`${model}, wide ${n}×${p}, 15 alphas: the same path from fewer columns, every carried bound valid`, () => {
      /** The path warm-started from each solution, with or without its certificate; counts the full passes over X. */
      const sweep = (carry: boolean) => {
        const datafit = new Quadratic(1 / n);
        let fullPasses = 0;
        const full = datafit.gradient.bind(datafit);
        datafit.gradient = (...args) => (fullPasses++, full(...args));
        let initial: SolveOptions['initial'];
        const results = grid.map((alpha) => {
          const problem: Problem = { design, y: Float64Array.from(y), datafit, penalty: penaltyAt(alpha), fitIntercept: true };
          const result = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 100_000, initial });
          if (carry) checkCertificate(problem, result.certificate!, result.w, result.b);
          initial = { w: result.w, b: result.b, certificate: carry ? result.certificate : undefined };
          return result;
        });
        return { results, fullPasses };
      };
      const carried = sweep(true);
      const plain = sweep(false);
      // the certificate engaged: measured 13 full passes against 24 for the Lasso (a solve
      // whose first pass must read more than half the columns still makes a full one)
      expect(carried.fullPasses).toBeLessThan(plain.fullPasses);
      for (let k = 0; k < grid.length; k++) {
        const [a, b] = [carried.results[k], plain.results[k]];
        expect(a.converged && b.converged).toBe(true);
        // and before the cap, where the measure alone decides: a positive Lasso warm-started
        // at the third alpha used to alternate between neighbouring doubles until then
        expect(Math.max(a.nIter, b.nIter)).toBeLessThan(100_000);
        // the same rule at tol 1e-12 on both: as for the working sets above
        const scale = Math.max(1e-300, ...Array.from(b.w, Math.abs));
        expectClose(a.w, b.w, { rtol: 1e-6, atol: 1e-6 * scale }, `coef at alpha ${k}`);
        expect(Array.from(a.w, (v) => v !== 0)).toEqual(Array.from(b.w, (v) => v !== 0));
      }
      // the grid reaches supports of several features (not only trivial all-zero solutions)
      expect(Array.from(plain.results[grid.length - 1].w).filter((v) => v !== 0).length).toBeGreaterThan(4);
    });
  }

  /**
   * The certificate at the returned iterate is what it claims: exact entries match ∇_w F
   * there to rounding, skipped entries are 0 with |∂F/∂wⱼ| within their bound, and theta is
   * the dual point there.
   */
  function checkCertificate(problem: Problem, certificate: GradientCertificate, w: Float64Array, b: number): void {
    // a datafit of its own, so that the sweep's count of full passes is the solver's
    const datafit = new Quadratic(1 / n);
    const state = datafit.createState(problem.design, problem.y);
    datafit.setIterate(state, problem.design, w, b);
    const exact = new Float64Array(p);
    datafit.gradient(state, problem.design, exact);
    const theta = new Float64Array(n);
    datafit.dualPoint(state, theta);
    const largest = Math.max(1e-300, ...Array.from(exact, Math.abs));
    for (let j = 0; j < p; j++) {
      if (certificate.skipped[j]) {
        expect(certificate.gradient[j]).toBe(0);
        // a true bound, not a rounding-level claim: no tolerance
        expect(Math.abs(exact[j])).toBeLessThanOrEqual(certificate.bound[j]);
      } else {
        // two summation orders of the same dot product: a few ulps of the largest entry
        expect(Math.abs(certificate.gradient[j] - exact[j])).toBeLessThanOrEqual(1e-12 * largest);
      }
    }
    // the residual recomputed from scratch against the one updated move by move: rounding only
    const thetaScale = Math.max(...Array.from(theta, Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(certificate.theta[i] - theta[i])).toBeLessThanOrEqual(1e-10 * thetaScale);
  }
});

describe('Anderson extrapolation leaves the solution unchanged', () => {
  // 60 × 3000 at alphaMax/20: supports near n, ill-conditioned working sets, hundreds of
  // epochs; the regime where extrapolation fires (measured at tol 1e-12: Lasso 4490 → 491
  // epochs, ElasticNet 346 → 200, positive Lasso 694 → 172)
  const n = 60;
  const p = 3000;
  const { X, y } = regressionData(23, n, p, { k: 20 });
  const design = toDesign(X, { center: true });
  const weights = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
  const weighted = toDesign(X, { center: true, weights });
  const alphaMax = alphaMaxOf(design, y);
  const cases: [string, Problem][] = [
    ['Lasso', { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1(alphaMax / 20), fitIntercept: true }],
    ['ElasticNet', { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1L2(alphaMax / 10, 0.5), fitIntercept: true }],
    ['positive Lasso', { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1(alphaMax / 20, { positive: true }), fitIntercept: true }],
    ['weighted Lasso, no intercept', { design: weighted, y: Float64Array.from(y), datafit: new Quadratic(1 / n, weights), penalty: new L1(alphaMax / 20), fitIntercept: false }],
  ];
  for (const [model, problem] of cases) {
    it(`${model}: the same solution in fewer epochs`, () => {
      const accelerated = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 100_000 });
      const plain = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 100_000, extrapolation: false });
      expect(accelerated.converged && plain.converged).toBe(true);
      // it fired: fewer epochs (a point is kept only when it lowers the objective, so
      // with no kept point the epochs would be the same ones)
      expect(accelerated.nIter).toBeLessThan(plain.nIter);
      // both stop on the same rule at tol 1e-12: solutions agree to ~1e-9; 1e-6 still
      // catches a wrong extrapolated point (errors of 1e-2 or more)
      const scale = Math.max(...Array.from(plain.w, Math.abs));
      expectClose(accelerated.w, plain.w, { rtol: 1e-6, atol: 1e-6 * scale }, 'coef');
      expect(Math.abs(accelerated.objective - plain.objective)).toBeLessThan(1e-10 * Math.abs(plain.objective));
      if (model.startsWith('positive')) expect(Array.from(accelerated.w).every((v) => v >= 0)).toBe(true);
    });
  }
});

describe('Anderson extrapolation under a positivity constraint', () => {
  // Near interpolation, extrapolated points often step below 0 on some coordinates; their
  // objective is +∞, so before they were projected back (see coordinateDescent.ts) such a
  // point was always rejected. This fit (80 × 800, 40 true features, alphaMax/100) took
  // 1351 epochs that way and takes 721 projected; without extrapolation, 7061.
  it('points that leave w ≥ 0 are projected back and kept: the same solution in a tenth of the epochs', () => {
    const n = 80;
    const { X, y } = regressionData(7, n, 800, { k: 40, noise: 1 });
    const design = toDesign(X, { center: true });
    const alpha = alphaMaxOf(design, y) / 100;
    const problem: Problem = { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new L1(alpha, { positive: true }), fitIntercept: true };
    const accelerated = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 100_000 });
    const plain = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 100_000, extrapolation: false });
    expect(accelerated.converged && plain.converged).toBe(true);
    // 0.10 projected, 0.19 when infeasible points were discarded: 0.15 separates the two
    expect(accelerated.nIter).toBeLessThan(0.15 * plain.nIter);
    expect(Array.from(accelerated.w).every((v) => v >= 0)).toBe(true);
    // the same rule at tol 1e-12 on both: as in the cases above
    const scale = Math.max(...Array.from(plain.w, Math.abs));
    expectClose(accelerated.w, plain.w, { rtol: 1e-6, atol: 1e-6 * scale }, 'coef');
    expect(Math.abs(accelerated.objective - plain.objective)).toBeLessThan(1e-10 * Math.abs(plain.objective));
  });
});

describe('the fused move-then-gradient pass leaves every step unchanged', () => {
  it('axpyDotColumns is axpyColumn followed by dotColumn, bit for bit', () => {
    const r = rng(5);
    for (const n of [1, 3, 4, 37, 40]) {
      const values = Float64Array.from({ length: 3 * n }, () => r.normal());
      const start = Float64Array.from({ length: n }, () => r.normal());
      const fused = start.slice();
      const separate = start.slice();
      const got = axpyDotColumns(-0.37, values, n, 2 * n, fused, n);
      axpyColumn(-0.37, values, n, separate, n);
      // exact equality: the same operations in the same order, so no tolerance
      expect(got).toBe(dotColumn(values, 2 * n, separate, n));
      expect(Array.from(fused)).toEqual(Array.from(separate));
    }
  });

  it('coordinate descent takes the same epochs to the same bits without it', () => {
    const { X, y } = regressionData(29, 200, 300, { k: 15 });
    const design = toDesign(X, { center: true });
    const datafit = new Quadratic(1 / 200);
    // the same datafit with the optional method hidden: CD falls back to the two calls
    const unfused = Object.create(datafit, { moveThenPartialGradient: { value: undefined } }) as Quadratic;
    const alpha = alphaMaxOf(design, y) / 20;
    const problem = (d: Quadratic): Problem => ({ design, y: Float64Array.from(y), datafit: d, penalty: new L1L2(alpha, 0.7), fitIntercept: true });
    const fused = solve(problem(datafit), { strategy: 'cd', tol: 1e-10, maxIter: 10_000 });
    const plain = solve(problem(unfused), { strategy: 'cd', tol: 1e-10, maxIter: 10_000 });
    expect(fused.converged && plain.converged).toBe(true);
    expect(fused.nIter).toBe(plain.nIter);
    expect(Array.from(fused.w)).toEqual(Array.from(plain.w));
    expect(fused.b).toBe(plain.b);
  });
});
