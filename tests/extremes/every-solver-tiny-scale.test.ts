/**
 * Every solver of Ridge and LogisticL2 on data scaled by 1e-150 with the penalty scaled to
 * match (alpha·c² for Ridge, C/c² for LogisticL2: the same model in other units) converges
 * and gives the same predictions as the unscaled fit.
 *
 * Regression (was tests/pending/tiny-scale.pending.ts): FISTA reported converged = true
 * with predictions 13.7× off (the intercept's curvature n dwarfed ‖X‖² ≈ 1e-298); L-BFGS,
 * LogisticL2's default, stopped at w = 0 after one iteration (its first step moved 1e-150
 * of the way); CG and the L2 conjugate underflowed. Fixed by equilibrated coordinates in
 * src/solvers/fista.ts and lbfgs.ts (see tests/extremes/fista.test.ts and
 * lbfgs-scale.test.ts for the per-solver details).
 *
 * Tolerance 1e-3 relative ℓ2: each fit stops at its own tol (Ridge's default 1e-4 for
 * the iterative solvers, 1e-8 for LogisticL2 here), so two fits of one model agree to
 * about that; the failures were off by 100% or more.
 */
import { describe, expect, it } from 'vitest';
import { LogisticL2, Ridge, setWarningHandler } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';
import { l2RelativeError } from '../helpers/reference.js';

const r = rng(1);
const n = 60;
const X = Array.from({ length: n }, () => Array.from({ length: 4 }, () => r.normal()));
const y = X.map((row) => row[0] - 2 * row[1] + 0.5 * row[2] + 3 * row[3] + 0.3 + 0.1 * r.normal());
const c = 1e-150;
const Xc = X.map((row) => row.map((v) => v * c));
const yc = y.map((v) => v * c);
describe('every solver on data scaled by 1e-150', () => {
  it.each(Ridge.parameters.solver.choices)('Ridge (%s) with alpha·c²: same predictions, converged', (solver) => {
    setWarningHandler(null);
    const plain = new Ridge({ alpha: 0.1, solver }).fit(X, y);
    const scaled = new Ridge({ alpha: 0.1 * c * c, solver }).fit(Xc, yc);
    expect(scaled.converged).toBe(true);
    expect(l2RelativeError(scaled.predict(Xc).map((v) => v / c), plain.predict(X))).toBeLessThan(1e-3);
  });

  it.each(LogisticL2.parameters.solver.choices)('LogisticL2 (%s) on X·c with C/c²: same decisions, converged', (solver) => {
    setWarningHandler(null);
    const labels = y.map((v) => (v > 0.3 ? 1 : 0));
    const plain = new LogisticL2({ solver, tol: 1e-8 }).fit(X, labels);
    const scaled = new LogisticL2({ C: 1 / (c * c), solver, tol: 1e-8 }).fit(Xc, labels);
    expect(scaled.converged).toBe(true);
    expect(l2RelativeError(scaled.decisionFunction(Xc), plain.decisionFunction(X))).toBeLessThan(1e-3);
  });
});
