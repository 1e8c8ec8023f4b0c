/**
 * LogisticL2 at its extremes: perfectly separable data with a huge C (the solution is
 * finite only because of ½‖w‖²), and logits so large that exp() overflows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LogisticL2, setWarningHandler, type PenalizedWarning } from '../../src/index.js';
import { sigmoid } from '../properties/support.js';
import { captureWarnings } from '../helpers/warnings.js';


describe('perfectly separable data, huge C', () => {
  const X = [[-2, 1], [-1, -1], [-0.5, 2], [0.5, -2], [1, 1], [2, -1]];
  const y = ['a', 'a', 'a', 'b', 'b', 'b']; // separated by the sign of the first feature
  const solvers = LogisticL2.parameters.solver.choices;

  it.each(solvers.flatMap((solver) => [1e4, 1e8, 1e12, 1e300].map((C) => [solver, C] as const)))(
    'solver %s, C = %s: finite coefficients and probabilities, and a status that tells the truth',
    (solver, C) => {
      const warnings = captureWarnings();
      const start = performance.now();
      const model = new LogisticL2({ C, solver }).fit(X, y);
      expect(performance.now() - start).toBeLessThan(10_000);
      expect(Array.from(model.coef).every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(model.intercept)).toBe(true);
      expect(typeof model.converged).toBe('boolean');
      const proba = model.predictProba(X);
      for (const v of proba) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      // converged === false comes with a warning; converged === true means the documented
      // rule holds: max |∂P| ≤ tol·max|∂P(0)| (centered parametrization), checked here
      if (!model.converged) {
        expect(warnings.map((w) => w.code)).toContain('CONVERGENCE');
        return;
      }
      const { kkt, kkt0 } = logisticKKT(X, y.map((l) => (l === 'b' ? 1 : -1)), C, model.coef, model.intercept);
      expect(kkt).toBeLessThanOrEqual(1e-4 * kkt0 * (1 + 1e-9));
      // a converged fit on separable data separates it
      expect(model.predict(X)).toStrictEqual(y);
    },
  );

  it('the coefficients grow with C (log-like), they do not run away', () => {
    const norms = [1e2, 1e4, 1e6].map((C) => {
      const m = new LogisticL2({ C, tol: 1e-10, maxIter: 100_000 }).fit(X, y);
      return Math.hypot(...m.coef);
    });
    expect(norms[1]).toBeGreaterThan(norms[0]);
    expect(norms[2]).toBeGreaterThan(norms[1]);
    expect(norms[2]).toBeLessThan(100);
  });
});

describe('logits of ±1e6 and beyond: probabilities exactly in [0, 1], never NaN', () => {
  // a model with coef [1], intercept 0: the logit is x itself
  const model = LogisticL2.fromJSON({
    format: 'penalized-model',
    version: 1,
    estimator: 'LogisticL2',
    params: { C: 1, fitIntercept: true, maxIter: 100, tol: 1e-4, solver: 'auto' },
    fitted: { coef: [1], intercept: 0, nIter: 1, converged: true, optimality: 0, criterion: 'kkt', classes: [0, 1] },
  });
  const logits = [1e6, -1e6, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 745, -745, 40, -40, 37, -37, 0, -0, 5e-324];

  it('predictProba is σ(z) without overflow or NaN, exactly 0 or 1 in the tails', () => {
    const proba = model.predictProba(logits.map((z) => [z]));
    proba.forEach((v, i) => {
      expect(Number.isNaN(v)).toBe(false);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.abs(v - sigmoid(logits[i]))).toBeLessThanOrEqual(Number.EPSILON * sigmoid(logits[i]));
    });
    expect(proba[0]).toBe(1);
    expect(proba[1]).toBe(0);
    expect(proba[2]).toBe(1);
    expect(proba[3]).toBe(0);
    expect(proba[12]).toBe(0.5);
    // the complement: p(z) + p(−z) = 1 to an ulp
    for (let i = 0; i + 1 < 12; i += 2) expect(Math.abs(proba[i] + proba[i + 1] - 1)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('an overflowing logit (coef·x = ±Infinity) gives probability 1 or 0, not NaN', () => {
    const huge = LogisticL2.fromJSON({ ...JSON.parse(JSON.stringify(model)), fitted: { ...JSON.parse(JSON.stringify(model)).fitted, coef: [1e308] } });
    expect(Array.from(huge.decisionFunction([[10], [-10]]))).toStrictEqual([Infinity, -Infinity]);
    expect(Array.from(huge.predictProba([[10], [-10]]))).toStrictEqual([1, 0]);
    expect(huge.predict([[10], [-10]])).toStrictEqual([1, 0]);
  });

  it('a fit on data with ±1e6 logits at the solution stays finite', () => {
    // far-apart clusters: at the solution |z| reaches ~1e6 on the training rows
    const X = [[-1e6], [-2e6], [1e6], [2e6]];
    const y = [0, 0, 1, 1];
    const fitted = new LogisticL2({ C: 1 }).fit(X, y);
    expect(Array.from(fitted.coef).every(Number.isFinite)).toBe(true);
    const proba = fitted.predictProba([[-1e12], [1e12], ...X]);
    expect(Array.from(proba).every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(proba[0]).toBe(0);
    expect(proba[1]).toBe(1);
    expect(fitted.predict(X)).toStrictEqual(y);
  });
});

/** max |∂P| at (w, b) and at 0 for C·Σ log(1 + e^(−ỹz)) + ½‖w‖², with centered columns. */
function logisticKKT(X: number[][], signs: number[], C: number, w: Float64Array, b: number): { kkt: number; kkt0: number } {
  const n = X.length;
  const p = w.length;
  const means = Array.from({ length: p }, (_, j) => X.reduce((a, row) => a + row[j], 0) / n);
  const measure = (wv: ArrayLike<number>, bv: number) => {
    const d = X.map((row, i) => {
      const z = row.reduce((a, v, j) => a + v * wv[j], bv);
      return -C * signs[i] * sigmoid(-signs[i] * z);
    });
    const gb = d.reduce((a, v) => a + v, 0);
    let worst = Math.abs(gb);
    for (let j = 0; j < p; j++) {
      const g = X.reduce((a, row, i) => a + (row[j] - means[j]) * d[i], 0) + wv[j];
      worst = Math.max(worst, Math.abs(g));
    }
    return worst;
  };
  // the intercept at w = 0 in centered coordinates is 0, i.e. b = 0 − x̄ᵀ0 = 0
  return { kkt: measure(w, b), kkt0: measure(new Float64Array(p), 0) };
}
