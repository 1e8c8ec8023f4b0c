/**
 * Optimality at returned solutions, checked by formulas written here (not the engine's),
 * and two independent strategies reaching the same solution.
 */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Logistic, Quadratic } from '../../src/datafits/index.js';
import { ElasticNet, Lasso, LogisticL2, Ridge, Linear } from '../../src/index.js';
import { L1, L1L2, L2, NoPenalty } from '../../src/penalties/index.js';
import { solve, type Problem } from '../../src/solvers/index.js';
import { conformanceCase, expectClose, regressionData } from '../helpers/fixtures.js';

/** Gradient of 1/(2n)‖y − Xw − b‖² with respect to w, plus the intercept's. */
function squaredLossGradient(X: number[][], y: number[], w: Float64Array, b: number) {
  const n = X.length;
  const g = new Float64Array(w.length);
  let gb = 0;
  X.forEach((row, i) => {
    const r = y[i] - row.reduce((s, v, j) => s + v * w[j], b);
    row.forEach((v, j) => (g[j] -= (v * r) / n));
    gb -= r / n;
  });
  return { g, gb };
}

describe('KKT conditions hold at Lasso / ElasticNet solutions', () => {
  const wide = regressionData(21, 40, 120, { k: 6 });
  const problems = [
    ['diabetes', conformanceCase('lasso-diabetes-alpha0.1').X, conformanceCase('lasso-diabetes-alpha0.1').y as number[]],
    ['wide 40×120', wide.X, wide.y],
  ] as const;
  const models = [
    ['Lasso 0.05', 0.05, 1],
    ['ElasticNet 0.05, l1Ratio 0.4', 0.05, 0.4],
  ] as const;
  for (const [dataName, X, y] of problems) {
    for (const [modelName, alpha, l1Ratio] of models) {
      for (const tol of [1e-4, 1e-10]) {
        it(`${modelName} on ${dataName}, tol ${tol}`, () => {
          const model = l1Ratio === 1 ? new Lasso({ alpha, tol, maxIter: 100_000 }) : new ElasticNet({ alpha, l1Ratio, tol, maxIter: 100_000 });
          model.fit(X, y);
          expect(model.converged).toBe(true);
          const w = model.coef;
          const { g, gb } = squaredLossGradient(X as number[][], y as number[], w, model.intercept);
          // The gap bounds the suboptimality; for a solution with gap ε the KKT residual
          // is O(√(ε·L)). With gap ≤ tol·‖y−ȳ‖²/n this gives the per-tol budget below.
          const ycVar = (y as number[]).reduce((s, v, _i, a) => s + (v - a.reduce((p, q) => p + q, 0) / a.length) ** 2, 0) / y.length;
          const budget = 5 * Math.sqrt(tol * ycVar * Math.max(...Array.from({ length: w.length }, (_, j) => (X as number[][]).reduce((s, r) => s + r[j] * r[j], 0) / X.length)));
          const l1 = alpha * l1Ratio;
          const l2 = alpha * (1 - l1Ratio);
          let worst = Math.abs(gb);
          for (let j = 0; j < w.length; j++) {
            const residual = w[j] === 0 ? Math.max(0, Math.abs(g[j]) - l1) : Math.abs(g[j] + l1 * Math.sign(w[j]) + l2 * w[j]);
            worst = Math.max(worst, residual);
          }
          expect(worst).toBeLessThanOrEqual(budget);
          // a duality gap is never negative, up to the round-off of P − D (~1e-15·‖y − ȳ‖²/n)
          expect(model.dualGap).toBeGreaterThanOrEqual(-1e-13 * ycVar);
          expect(model.dualGap).toBeLessThanOrEqual(tol * ycVar);
          expect(Array.from(w).some((v) => v !== 0)).toBe(true); // not the trivial solution
        });
      }
    }
  }
});

describe('LogisticL2: the gradient vanishes at the solution', () => {
  const c = conformanceCase('logistic-breast-cancer');
  it('C·Σ −ỹσ(−ỹz)x + w = 0 and C·Σ −ỹσ(−ỹz) = 0, to tol times the gradient at 0', () => {
    const model = new LogisticL2({ C: 1, tol: 1e-10, maxIter: 100_000 }).fit(c.X, c.y);
    const w = model.coef;
    const g = Float64Array.from(w);
    let gb = 0;
    let g0 = 0;
    const grad0 = new Float64Array(w.length);
    c.X.forEach((row, i) => {
      const s = c.y[i] === 1 ? 1 : -1;
      const z = row.reduce((acc, v, j) => acc + v * w[j], model.intercept);
      const sig = 1 / (1 + Math.exp(s * z));
      row.forEach((v, j) => {
        g[j] -= s * sig * v;
        grad0[j] -= s * 0.5 * v;
      });
      gb -= s * sig;
    });
    g0 = Math.max(...Array.from(grad0, Math.abs));
    const worst = Math.max(Math.abs(gb), ...Array.from(g, Math.abs));
    // the stopping rule is relative to the gradient at w = 0, b = 0; allow 10× for the
    // difference between the engine's and this independent floating-point evaluation
    expect(worst).toBeLessThanOrEqual(10 * 1e-10 * g0);
  });
});

describe('two strategies reach the same solution', () => {
  const { X, y } = regressionData(8, 80, 25, { k: 6 });
  const n = X.length;
  const signs = Float64Array.from(y, (v) => (v > 1.5 ? 1 : -1));
  const cases: [string, Problem][] = [];
  for (const fitIntercept of [true, false]) {
    const design = toDesign(X, { center: fitIntercept });
    const targets = Float64Array.from(y);
    cases.push(
      [`Lasso, intercept ${fitIntercept}`, { design, y: targets, datafit: new Quadratic(1 / n), penalty: new L1(0.05), fitIntercept }],
      [`ElasticNet, intercept ${fitIntercept}`, { design, y: targets, datafit: new Quadratic(1 / n), penalty: new L1L2(0.05, 0.5), fitIntercept }],
      [`Ridge, intercept ${fitIntercept}`, { design, y: targets, datafit: new Quadratic(2), penalty: new L2(2 * 3), fitIntercept }],
      [`Logistic L2, intercept ${fitIntercept}`, { design, y: signs, datafit: new Logistic(0.5), penalty: new L2(1), fitIntercept }],
      [`Logistic L1, intercept ${fitIntercept}`, { design, y: signs, datafit: new Logistic(1), penalty: new L1(2), fitIntercept }],
    );
  }
  it.each(cases)('%s: cd and fista agree', (_name, problem) => {
    const cd = solve(problem, { strategy: 'cd', tol: 1e-12, maxIter: 200_000 });
    const fista = solve(problem, { strategy: 'fista', tol: 1e-12, maxIter: 200_000 });
    expect(cd.converged && fista.converged).toBe(true);
    const scale = Math.max(...Array.from(cd.w, Math.abs));
    expect(scale).toBeGreaterThan(0);
    // both are within ~1e-9 of the optimum at tol 1e-12; 1e-6 of the largest coefficient
    // catches any real disagreement (a wrong step or prox is off by >1e-3)
    expectClose(fista.w, cd.w, { rtol: 1e-6, atol: 1e-6 * scale }, 'fista vs cd');
    expect(Math.abs(fista.b - cd.b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(cd.b)));
    expect(Math.abs(fista.objective - cd.objective)).toBeLessThanOrEqual(1e-9 * Math.abs(cd.objective));
    if (problem.penalty.smooth) {
      // a third, quasi-Newton strategy on the smooth pairs; same tolerance and reasoning
      const lbfgs = solve(problem, { strategy: 'lbfgs', tol: 1e-12, maxIter: 10_000 });
      expect(lbfgs.converged).toBe(true);
      expectClose(lbfgs.w, cd.w, { rtol: 1e-6, atol: 1e-6 * scale }, 'lbfgs vs cd');
    }
  });

  it('Ridge: cd and fista are within the strong-convexity bound of the exact solve', () => {
    const alpha = 3;
    const direct = new Ridge({ alpha }).fit(X, y);
    const problem: Problem = {
      design: toDesign(X, { center: true }),
      y: Float64Array.from(y),
      datafit: new Quadratic(2),
      penalty: new L2(2 * alpha),
      fitIntercept: true,
    };
    for (const strategy of ['cd', 'fista', 'lbfgs'] as const) {
      const iterative = solve(problem, { strategy, tol: 1e-13, maxIter: 500_000 });
      expect(iterative.criterion).toBe('duality-gap');
      // P is μ-strongly convex with μ ≥ 2·alpha, so ‖w − w*‖ ≤ √(2·gap/μ): a proof, not a guess
      // (the gap itself carries round-off ~1e-15·P, which enters the bound as well)
      const gap = Math.max(0, iterative.optimality) + 1e-15 * Math.abs(iterative.objective);
      const bound = Math.sqrt((2 * gap) / (2 * alpha));
      const distance = Math.sqrt(iterative.w.reduce((s, v, j) => s + (v - direct.coef[j]) ** 2, 0));
      expect(distance).toBeLessThanOrEqual(bound + 1e-12);
    }
  });

  it('Linear: cd and fista agree with the exact least-squares solve', () => {
    const direct = new Linear().fit(X, y);
    const problem: Problem = {
      design: toDesign(X, { center: true }),
      y: Float64Array.from(y),
      datafit: new Quadratic(1 / n),
      penalty: new NoPenalty(),
      fitIntercept: true,
    };
    for (const strategy of ['cd', 'fista'] as const) {
      const iterative = solve(problem, { strategy, tol: 1e-13, maxIter: 500_000 });
      // KKT residual ≤ 1e-13 relative, and XᵀX/n is well conditioned here (AR(1), n = 80 > p = 25):
      // the error is ~1e-12 relative, so 1e-7 only fails on a real disagreement
      expectClose(iterative.w, direct.coef, { rtol: 1e-7, atol: 1e-9 }, `${strategy} vs direct`);
    }
  });
});
