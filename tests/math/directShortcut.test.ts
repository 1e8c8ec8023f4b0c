/**
 * The direct solve's iterative shortcut (direct.ts, conjugateGradient.ts): on large tall
 * problems it runs conjugate gradient to round-off before forming XᵀX, and when Cholesky
 * refuses a formed matrix (XᵀX, or XXᵀ for wide X) it runs it before the SVD. Whatever
 * path it takes, the answer must be the factorization's (or the SVD's).
 */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Quadratic } from '../../src/datafits/index.js';
import { L2, NoPenalty } from '../../src/penalties/index.js';
import { conjugateGradientToRoundoff } from '../../src/solvers/conjugateGradient.js';
import { solve } from '../../src/solvers/index.js';
import { StoppingRule } from '../../src/solvers/stopping.js';
import type { Problem } from '../../src/solvers/types.js';
import { expectClose, regressionData, rng } from '../helpers/fixtures.js';

function leastSquares(X: number[][], y: number[], fitIntercept = true, weights?: Float64Array, lambda = 0): Problem {
  const n = X.length;
  return {
    design: toDesign(X, { center: fitIntercept, weights }),
    y: Float64Array.from(y),
    datafit: new Quadratic(1 / n, weights),
    penalty: lambda > 0 ? new L2(lambda) : new NoPenalty(),
    fitIntercept,
  };
}

const factored = (problem: Problem) => solve(problem, { strategy: 'direct', maxIter: 1, tol: 0, iterativeShortcut: false });
const direct = (problem: Problem) => solve(problem, { strategy: 'direct', maxIter: 1, tol: 0 });
/** The KKT residual (equilibrated units) at w = 0: what the round-off target is relative to. */
const residualAtZero = (problem: Problem) => new StoppingRule(problem, 1).threshold;

describe('the direct solve tries conjugate gradient to round-off on large tall problems', () => {
  // 3000×400: n·p² = 4.8e8 is above the shortcut's 1e8, and p reaches its 400
  const n = 3000;
  const p = 400;

  it('well-conditioned: CG certifies the answer, and it is the factorization’s', () => {
    const { X, y } = regressionData(5, n, p, { rho: 0.2, k: 20 });
    const problem = leastSquares(X, y);
    const cg = conjugateGradientToRoundoff(problem, Math.floor(p / 6));
    expect(cg.converged).toBe(true); // the shortcut is taken here, not silently skipped
    const viaShortcut = direct(problem);
    const viaFactor = factored(problem);
    expect(viaShortcut.w).toEqual(cg.w);
    // both are certified to round-off: CG's true residual ≤ 1e-15 of its value at 0, the
    // factorization refined to ~1e-16; with κ(XᵀX) ≈ 5 here (AR(1), ρ = 0.2, p/n = 0.13) the
    // coefficients then agree to ~1e-14 relative. 1e-12 leaves a 100× margin.
    const scale = Math.max(...viaFactor.w.map(Math.abs));
    expectClose(viaShortcut.w, viaFactor.w, { rtol: 1e-12, atol: 1e-12 * scale }, 'shortcut vs factorization');
    expect(viaShortcut.b).toBe(viaFactor.b);
    expect(viaShortcut.optimality).toBeLessThanOrEqual(1e-15 * residualAtZero(problem) * 2);
    expect(viaShortcut.nIter).toBe(1); // still one exact solve to the user
  });

  it('sample weights, a ridge term and no intercept: the same system, the same answer', () => {
    const { X, y } = regressionData(6, n, p, { rho: 0.2, k: 20 });
    const r = rng(60);
    const weights = Float64Array.from({ length: n }, () => 0.2 + 2 * r.uniform());
    const problem = leastSquares(X, y, false, weights, 0.05);
    expect(conjugateGradientToRoundoff(problem, Math.floor(p / 6)).converged).toBe(true);
    const scale = Math.max(...factored(problem).w.map(Math.abs));
    // as above: both at round-off, a better-conditioned system (λ > 0); 100× margin
    expectClose(direct(problem).w, factored(problem).w, { rtol: 1e-12, atol: 1e-12 * scale }, 'weighted ridge');
  });

  it('ill-conditioned: CG gives up within a few iterations and the factorization answers', () => {
    // ρ = 0.995: κ(XᵀX) in the tens of thousands; CG would need hundreds of iterations
    const { X, y } = regressionData(7, n, p, { rho: 0.995, k: 20 });
    const problem = leastSquares(X, y);
    const cg = conjugateGradientToRoundoff(problem, Math.floor(p / 6));
    expect(cg.converged).toBe(false);
    // it stopped on its rate of progress (after 10 iterations), not at the budget of 66
    expect(cg.nIter).toBeLessThanOrEqual(12);
    // the answer is then the factorization's, bit for bit
    expect(direct(problem).w).toEqual(factored(problem).w);
  });

  it('collinear columns: CG converges to the minimum-norm solution the SVD gives', () => {
    // column 59 = 2·column 0: XᵀX is singular, Cholesky refuses it and the SVD answers.
    // X·(2e₀ − e₅₉) = 0, and the solution of minimum ‖w‖ (lstsq's, scikit-learn's) is
    // orthogonal to that null direction: 2w₀ − w₅₉ = 0, i.e. w₅₉ = 2w₀.
    const { X, y } = regressionData(8, 300, 60, { rho: 0.3, k: 6 });
    for (const row of X) row[59] = 2 * row[0];
    const problem = leastSquares(X, y);
    const svd = factored(problem);
    const cg = conjugateGradientToRoundoff(problem, 300);
    expect(cg.converged).toBe(true);
    // CG's iterates (no preconditioner when λ = 0) stay in the row space of X up to rounding; the SVD
    // drops the null direction exactly. Both are certified to ~1e-15 of the residual at 0
    // on the range, κ ≈ 10 there: agreement to 1e-10 leaves a wide margin for the rounding
    // that leaks into the null direction over the iterations.
    const scale = Math.max(...svd.w.map(Math.abs));
    expectClose(cg.w, svd.w, { rtol: 1e-10, atol: 1e-10 * scale }, 'cg vs svd');
    expect(cg.w[59]).toBeCloseTo(2 * cg.w[0], 12);
    expect(svd.w[59]).toBeCloseTo(2 * svd.w[0], 12);
  });

  it('one-hot columns with every level (collinear once centered): CG before the SVD, same answer', () => {
    // 400 rows: 20 numeric columns and three categorical variables one-hot encoded with all
    // 5 levels each. Centered, each variable's 5 columns sum to 0, so XᵀX has rank 32 of 35
    // and Cholesky refuses it; the direct solve then tries CG (budget 4p) before the SVD
    const r = rng(90);
    const { X: numeric, y } = regressionData(9, 400, 20, { rho: 0.3, k: 6 });
    const X = numeric.map((row, i) => {
      const levels = [0, 1, 2].map((v) => Math.floor(r.uniform() * 5));
      const onehot = levels.flatMap((level) => [0, 1, 2, 3, 4].map((k) => (k === level ? 1 : 0)));
      y[i] += levels[0] - 0.5 * levels[1];
      return [...row, ...onehot];
    });
    const problem = leastSquares(X, y);
    const cg = conjugateGradientToRoundoff(problem, 4 * 35);
    expect(cg.converged).toBe(true);
    const svd = factored(problem);
    const viaCG = direct(problem);
    expect(viaCG.w).toEqual(cg.w); // the direct solve took the CG answer, not the SVD's
    // both of minimum ‖w‖; SVD accurate to ~1e-13 here, CG certified to
    // 1e-15 of the residual at 0 on the range: 1e-10 leaves a wide margin
    const scale = Math.max(...svd.w.map(Math.abs));
    expectClose(viaCG.w, svd.w, { rtol: 1e-10, atol: 1e-10 * scale }, 'one-hot: cg vs svd');
    // minimum ‖w‖: a variable's centered columns cₖ sum to 0 (Σₖ cₖ = 0), so (1, …, 1) on
    // them is a null direction, and w ⟂ it means Σₖ wₖ = 0 (scikit-learn's answer)
    for (const v of [0, 1, 2]) {
      let total = 0;
      let magnitude = 0;
      for (let k = 0; k < 5; k++) {
        const j = 20 + 5 * v + k;
        total += viaCG.w[j];
        magnitude += Math.abs(viaCG.w[j]);
      }
      expect(magnitude).toBeGreaterThan(0);
      expect(Math.abs(total)).toBeLessThan(1e-10 * magnitude);
    }
  });
});


describe('wide X with a duplicated row: the kernel matrix XXᵀ is singular', () => {
  // 80×300 with row 79 a copy of row 3 and a different target. Centered, X has 78
  // independent rows, so XXᵀ (+ the intercept's deflation) is singular and Cholesky
  // refuses it; the direct solve then runs CG on the normal equations before the SVD
  const { X, y } = regressionData(11, 80, 300, { rho: 0.5, k: 10 });
  X[79] = X[3].slice();
  y[79] = y[3] + 2;
  const problem = leastSquares(X, y);

  it('CG certifies the minimum-norm solution, and the direct solve returns it', () => {
    const cg = conjugateGradientToRoundoff(problem, 4 * 80);
    expect(cg.converged).toBe(true);
    const viaCG = direct(problem);
    expect(viaCG.w).toEqual(cg.w); // CG's answer, not the SVD's
    // the SVD (with the shortcut off) drops the null directions exactly; CG's iterates
    // stay in the row space up to rounding. Both certified near round-off on the range,
    // where κ is small (p ≫ n): 1e-10 leaves a wide margin, as for collinear columns
    const svd = factored(problem);
    const scale = Math.max(...svd.w.map(Math.abs));
    expectClose(viaCG.w, svd.w, { rtol: 1e-10, atol: 1e-10 * scale }, 'duplicated row: cg vs svd');
  });

  it('interpolates every distinct row and predicts the mean target on the duplicated pair', () => {
    // with p ≫ n least squares fits the 79 distinct rows exactly; rows 3 and 79 share
    // one prediction, and the least-squares one is the mean of their targets
    const { w, b } = direct(problem);
    const predict = (row: number[]) => row.reduce((acc, v, j) => acc + v * w[j], b - problem.design.columnMeans.reduce((a, m, j) => a + m * w[j], 0));
    const yScale = Math.max(...y.map(Math.abs));
    for (let i = 0; i < 80; i++) {
      const expected = i === 3 || i === 79 ? (y[3] + y[79]) / 2 : y[i];
      // certified to ~1e-15 relative in the normal equations; κ on the range is small,
      // so predictions hold to ~1e-13 of |y|: 1e-10 is a wide margin
      expect(Math.abs(predict(X[i]) - expected)).toBeLessThan(1e-10 * yScale);
    }
  });
});
