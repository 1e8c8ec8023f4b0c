/** Each speed-up leaves the solution unchanged: working sets vs plain cyclic epochs. */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Logistic, Quadratic } from '../../src/datafits/index.js';
import { L1, L1L2 } from '../../src/penalties/index.js';
import { solve, type Problem } from '../../src/solvers/index.js';
import { expectClose, regressionData } from '../helpers/fixtures.js';

describe('working sets leave the solution unchanged', () => {
  const cases: [string, number, number][] = [
    ['tall 300×40', 300, 40],
    ['wide 60×400', 60, 400],
  ];
  for (const [name, n, p] of cases) {
    const { X, y } = regressionData(13, n, p, { k: 6 });
    const design = toDesign(X, { center: true });
    const alphaMax = Math.max(...Array.from({ length: p }, (_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += design.values[j * n + i] * y[i];
      return Math.abs(s) / n;
    }));
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
