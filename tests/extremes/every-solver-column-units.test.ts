/**
 * Every solver of LogisticL2 and Ridge gives an accurate model when columns are in very
 * different units: a fit that says converged = true is right.
 *
 * Regression (was tests/pending/scale-invariance.pending.ts): LogisticL2 by L-BFGS (its
 * default) and by FISTA on columns [1e6, 1, 1e-6, 1] stopped with converged = true and a
 * decision function 100% off; Ridge alpha 0 by L-BFGS or FISTA on columns
 * [1, 1e-120, 1, 1] was 85× off. Fixed by measuring KKT residuals in equilibrated units
 * (src/solvers/stopping.ts) and running FISTA and L-BFGS on equilibrated coordinates.
 *
 * Tolerances: LogisticL2 at its default tol 1e-4 against CD at tol 1e-10, 1e-2 relative
 * ℓ2 (a relative KKT residual of 1e-4 moves the decision function by up to ~1e-3 on these
 * 60 samples); Ridge against Linear, 1e-3 (the iterative solvers stop at tol 1e-4). The
 * failures were off by 100% and 8500%.
 */
import { describe, expect, it } from 'vitest';
import { Linear, LogisticL2, Ridge, setWarningHandler } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';
import { l2RelativeError } from '../helpers/reference.js';

const r = rng(1);
const n = 60;
const X = Array.from({ length: n }, () => Array.from({ length: 4 }, () => r.normal()));
const y = X.map((row) => row[0] - 2 * row[1] + 0.5 * row[2] + 3 * row[3] + 0.3 + 0.5 * r.normal());
const labels = y.map((v) => (v > 0.3 ? 1 : 0));
describe('a converged fit is accurate whatever the column units', () => {
  const scales = [1e6, 1, 1e-6, 1];
  const Xs = X.map((row) => row.map((v, j) => v * scales[j]));
  it.each(LogisticL2.parameters.solver.choices)('LogisticL2 (%s) on columns [1e6, 1, 1e-6, 1]', (solver) => {
    setWarningHandler(null);
    const reference = new LogisticL2({ solver: 'cd', tol: 1e-10, maxIter: 100_000 }).fit(Xs, labels);
    const model = new LogisticL2({ solver }).fit(Xs, labels);
    expect(model.converged).toBe(true);
    expect(l2RelativeError(model.decisionFunction(Xs), reference.decisionFunction(Xs))).toBeLessThan(1e-2);
  });

  it.each(Ridge.parameters.solver.choices)('Ridge alpha 0 (%s) on columns [1, 1e-120, 1, 1] equals Linear', (solver) => {
    setWarningHandler(null);
    const s2 = [1, 1e-120, 1, 1];
    const X2 = X.map((row) => row.map((v, j) => v * s2[j]));
    const model = new Ridge({ alpha: 0, solver }).fit(X2, y);
    const ols = new Linear().fit(X, y);
    expect(model.converged).toBe(true);
    expect(l2RelativeError(model.predict(X2), ols.predict(X))).toBeLessThan(1e-3);
  });
});
