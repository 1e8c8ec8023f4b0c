/** The CG strategy solves the same system as the direct solve: tall (primal) and wide (kernel form). */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Quadratic } from '../../src/datafits/index.js';
import { Ridge } from '../../src/index.js';
import { L2 } from '../../src/penalties/index.js';
import { chooseStrategy, DIRECT_WORK_LIMIT } from '../../src/solvers/engine.js';
import { solve } from '../../src/solvers/index.js';
import { expectClose, regressionData } from '../helpers/fixtures.js';

describe('conjugate gradient vs the direct solve', () => {
  for (const [shape, n, p] of [['tall', 120, 30], ['wide', 30, 120]] as const) {
    for (const fitIntercept of [true, false]) {
      it(`${shape} ${n}×${p}, intercept ${fitIntercept}`, () => {
        const { X, y } = regressionData(31, n, p, { k: 8 });
        const problem = {
          design: toDesign(X, { center: fitIntercept }),
          y: Float64Array.from(y),
          datafit: new Quadratic(2),
          penalty: new L2(2 * 0.7),
          fitIntercept,
        };
        const exact = solve(problem, { strategy: 'direct', maxIter: 1, tol: 0 });
        const cg = solve(problem, { strategy: 'cg', maxIter: 1000, tol: 1e-12 });
        expect(cg.converged).toBe(true);
        expect(cg.nIter).toBeGreaterThan(1); // it iterated: not a trivial pass
        // relative residual 1e-12 of a system with condition number < 1e3 (AR(1) design,
        // alpha 0.7): the solution error is below 1e-9 relative
        expectClose(cg.w, exact.w, { rtol: 1e-8, atol: 1e-10 }, `${shape} cg vs direct`);
        expect(cg.b).toBe(exact.b);
        expect(Math.abs(cg.objective - exact.objective)).toBeLessThanOrEqual(1e-10 * exact.objective);
      });
    }
  }

  it('the objective it reports (computed on first read) is that of its solution, in target units too', () => {
    // y ~ 1e130 (beyond 2^400) runs the strategy on y/σ (engine.ts, solveInTargetUnits), which rescales w
    // in place afterwards: the objective must still be the one at the returned (w, b)
    const { X, y } = regressionData(8, 60, 12);
    for (const scale of [1, 1e130]) {
      const target = Float64Array.from(y, (v) => v * scale);
      const problem = { design: toDesign(X, { center: true }), y: target, datafit: new Quadratic(2), penalty: new L2(2 * 0.7), fitIntercept: true };
      const cg = solve(problem, { strategy: 'cg', maxIter: 1000, tol: 1e-12 });
      const { w, b } = cg;
      let rss = 0;
      for (let i = 0; i < X.length; i++) {
        let r = target[i] - b;
        for (let j = 0; j < w.length; j++) r -= (X[i][j] - problem.design.columnMeans[j]) * w[j];
        rss += (r / scale) ** 2;
      }
      let ww = 0;
      for (let j = 0; j < w.length; j++) ww += (w[j] / scale) ** 2;
      const expected = rss + 0.7 * ww; // ‖y − Xw − b‖² + alpha‖w‖² with alpha 0.7, in units of scale²
      // the same sum in another order: agreement to a few ulps of the objective
      expect(Math.abs(cg.objective / scale / scale - expected)).toBeLessThanOrEqual(1e-12 * expected);
    }
  });

  it("Ridge's 'auto' uses the direct solve for small problems and CG for large ones", () => {
    const small = { nSamples: 400, nFeatures: 10 };
    const large = { nSamples: 20_000, nFeatures: 500 };
    const pair = { datafit: new Quadratic(2), penalty: new L2(1), y: new Float64Array(0), fitIntercept: true };
    const table = { direct: () => null as never, cg: () => null as never };
    expect(chooseStrategy({ ...pair, design: small as never }, table)).toBe('direct');
    expect(large.nSamples * large.nFeatures * large.nFeatures).toBeGreaterThan(DIRECT_WORK_LIMIT);
    expect(chooseStrategy({ ...pair, design: large as never }, table)).toBe('cg');
    // Linear offers only the direct solve: it stays exact at any size
    expect(chooseStrategy({ ...pair, design: large as never }, { direct: table.direct })).toBe('direct');
  });

  it("Ridge({ solver: 'cg' }) agrees with Ridge({ solver: 'direct' }) through the public API", () => {
    const { X, y } = regressionData(5, 200, 40);
    const direct = new Ridge({ alpha: 2, solver: 'direct' }).fit(X, y);
    const cg = new Ridge({ alpha: 2, solver: 'cg', tol: 1e-12 }).fit(X, y);
    expectClose(cg.coef, direct.coef, { rtol: 1e-8, atol: 1e-10 }, 'coef');
    expect(Math.abs(cg.intercept - direct.intercept)).toBeLessThan(1e-9);
  });

  it('wide with a small alpha (nearly interpolated): at the default tol, the objective within tol of the minimum', () => {
    // The residual rule alone stopped 26% above the minimum at 300×5000, alpha 1e-4, and
    // 9% here (alpha 1e-4): the objective is tiny next to ‖y‖². The kernel form then also asks the
    // duality gap to be ≤ tol·P. Measured: 1e-13–1e-8 of the minimum; tol 1e-4 is the budget.
    const { X, y } = regressionData(6, 40, 600, { rho: 0.5, k: 8 });
    const objective = (m: Ridge, alpha: number) =>
      X.reduce((acc, row, i) => acc + (y[i] - row.reduce((s, v, j) => s + v * m.coef[j], m.intercept)) ** 2, 0) +
      alpha * m.coef.reduce((s, v) => s + v * v, 0);
    for (const alpha of [1e-2, 1e-4]) {
      const cg = new Ridge({ alpha, solver: 'cg' }).fit(X, y);
      const direct = new Ridge({ alpha, solver: 'direct' }).fit(X, y);
      expect(cg.converged).toBe(true);
      const minimum = objective(direct, alpha);
      expect(objective(cg, alpha) - minimum).toBeLessThanOrEqual(1e-4 * minimum);
    }
  });
});
