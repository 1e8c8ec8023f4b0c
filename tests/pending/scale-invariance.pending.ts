/**
 * PENDING (src/solvers/stopping.ts, lbfgs.ts, fista.ts): a converged = true model that is
 * wrong when columns are in very different units.
 *
 * LogisticL2 with its default solver (L-BFGS) on columns scaled [1e6, 1, 1e-6, 1] stops
 * after 2 iterations with converged = true; its decision function differs from the
 * optimum of the same problem (coordinate descent to tol 1e-10) by 100% (relative ℓ2).
 * FISTA does the same (10 iterations). Ridge with alpha = 0 and solver 'lbfgs' or 'fista'
 * on columns [1, 1e-120, 1, 1] reports converged = true with predictions 85× off.
 *
 * Cause: the relative-KKT rule compares max|∂P/∂wⱼ| with tol × its value at 0; a column
 * in large units dominates both, so once its coordinate is fitted the rule is met while
 * the small-unit coordinates (whose gradients are tiny in absolute terms however wrong
 * they are) have not moved. FISTA/L-BFGS also take one step size for all coordinates.
 *
 * Fix: measure the KKT residual in equilibrated coordinates, |∂P/∂wⱼ| / ‖xⱼ‖ (the
 * gradient with respect to wⱼ‖xⱼ‖), for the threshold and the iterate alike; and run
 * FISTA/L-BFGS on the equilibrated design (diagonal preconditioning by ‖xⱼ‖, penalties
 * divided accordingly), as coordinate descent already is in effect. CD gets all these
 * right (4.5e-6 relative) because its per-coordinate step is scale-invariant.
 */
import { describe, expect, it } from 'vitest';
import { Linear, LogisticL2, Ridge, setWarningHandler } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';

const r = rng(1);
const n = 60;
const X = Array.from({ length: n }, () => Array.from({ length: 4 }, () => r.normal()));
const y = X.map((row) => row[0] - 2 * row[1] + 0.5 * row[2] + 3 * row[3] + 0.3 + 0.5 * r.normal());
const labels = y.map((v) => (v > 0.3 ? 1 : 0));
const relative = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d += (a[i] - b[i]) ** 2;
    s += b[i] ** 2;
  }
  return Math.sqrt(d / s);
};

describe('a converged fit is accurate whatever the column units', () => {
  const scales = [1e6, 1, 1e-6, 1];
  const Xs = X.map((row) => row.map((v, j) => v * scales[j]));
  it.each(LogisticL2.parameters.solver.choices)('LogisticL2 (%s) on columns [1e6, 1, 1e-6, 1]', (solver) => {
    setWarningHandler(null);
    const reference = new LogisticL2({ solver: 'cd', tol: 1e-10, maxIter: 100_000 }).fit(Xs, labels);
    const model = new LogisticL2({ solver }).fit(Xs, labels);
    if (model.converged) expect(relative(model.decisionFunction(Xs), reference.decisionFunction(Xs))).toBeLessThan(1e-2);
    else expect(model.converged).toBe(true); // or at least converge: today lbfgs/fista report true and are 100% off
  });

  it.each(Ridge.parameters.solver.choices)('Ridge alpha 0 (%s) on columns [1, 1e-120, 1, 1] equals Linear', (solver) => {
    setWarningHandler(null);
    const s2 = [1, 1e-120, 1, 1];
    const X2 = X.map((row) => row.map((v, j) => v * s2[j]));
    const model = new Ridge({ alpha: 0, solver }).fit(X2, y);
    const ols = new Linear().fit(X, y);
    expect(model.converged).toBe(true);
    expect(relative(model.predict(X2), ols.predict(X))).toBeLessThan(1e-3);
  });
});
