/** scikit-learn's own toy Lasso tests, the orthogonal-design closed form, and alphaMax. */
import { describe, expect, it } from 'vitest';
import { ElasticNet, Lasso } from '../../src/index.js';
import { softThreshold } from '../../src/penalties/softThreshold.js';
import { expectClose, regressionData } from '../helpers/fixtures.js';

describe('scikit-learn toy: X = [[-1], [0], [1]], y = [-1, 0, 1]', () => {
  const X = [[-1], [0], [1]];
  const y = [-1, 0, 1];
  // closed form: w = ST(xᵀy/n, alpha)/(xᵀx/n) = (2/3 − alpha)/(2/3); exact up to round-off
  it.each([
    [0.1, 0.85],
    [0.5, 0.25],
    [1, 0],
  ])('alpha %f gives coef %f', (alpha, expected) => {
    const model = new Lasso({ alpha }).fit(X, y);
    expect(Math.abs(model.coef[0] - expected)).toBeLessThan(1e-12);
    expect(model.intercept).toBe(0);
    expect(model.predict([[2]])[0]).toBeCloseTo(2 * expected, 12);
  });
  it('alpha 1 gives an exact zero, not a tiny number', () => {
    expect(Object.is(new Lasso({ alpha: 1 }).fit(X, y).coef[0], 0)).toBe(true);
  });
});

describe('orthogonal design: the Lasso solution is the soft-threshold of Xᵀy/n', () => {
  // Columns of a Sylvester–Hadamard matrix of order 16 (without the all-ones column):
  // entries ±1, mutually orthogonal, each with mean 0 and xⱼᵀxⱼ = n.
  const n = 16;
  const hadamard = (i: number, j: number) => (popcount(i & j) % 2 === 0 ? 1 : -1);
  const columns = [1, 2, 3, 5, 8, 13];
  const X = Array.from({ length: n }, (_, i) => columns.map((j) => hadamard(i, j)));
  const y = X.map((row, i) => row.reduce((s, v, j) => s + v * [3, -2, 0.5, 0.1, -0.05, 1][j], 0.7 + ((i * 37) % 11) / 50));

  for (const fitIntercept of [false, true]) {
    for (const alpha of [0.02, 0.3, 1.2]) {
      it(`alpha ${alpha}, fitIntercept ${fitIntercept}`, () => {
        const model = new Lasso({ alpha, fitIntercept, tol: 1e-14 }).fit(X, y);
        const ybar = fitIntercept ? y.reduce((a, b) => a + b, 0) / n : 0;
        const expected = columns.map((_, j) => softThreshold(X.reduce((s, row, i) => s + row[j] * (y[i] - ybar), 0) / n, alpha));
        // orthogonal columns decouple: one CD epoch is exact, so only round-off remains
        expectClose(model.coef, expected, { rtol: 1e-12, atol: 1e-13 }, 'coef');
        expect(Array.from(model.coef).filter((v) => v === 0).length).toBe(expected.filter((v) => v === 0).length);
      });
    }
  }
});

function popcount(v: number): number {
  let c = 0;
  for (; v; v &= v - 1) c++;
  return c;
}

describe('alphaMax = ‖Xcᵀ(y − ȳ)‖∞ / n', () => {
  const { X, y } = regressionData(7, 60, 12);
  const n = X.length;
  const p = X[0].length;
  const means = Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const ybar = y.reduce((a, b) => a + b, 0) / n;
  const alphaMax = Math.max(...means.map((m, j) => Math.abs(X.reduce((s, r, i) => s + (r[j] - m) * (y[i] - ybar), 0)) / n));

  it('Lasso at alphaMax (and above) gives all zeros and intercept ȳ', () => {
    for (const alpha of [alphaMax, 2 * alphaMax]) {
      const model = new Lasso({ alpha }).fit(X, y);
      expect(Array.from(model.coef).every((v) => v === 0)).toBe(true);
      expect(model.intercept).toBeCloseTo(ybar, 12);
    }
  });
  it('just below alphaMax one coefficient enters (guards against a trivial pass)', () => {
    const model = new Lasso({ alpha: alphaMax * 0.99 }).fit(X, y);
    expect(Array.from(model.coef).filter((v) => v !== 0).length).toBe(1);
  });
  it('ElasticNet: zeros from alphaMax / l1Ratio on', () => {
    const model = new ElasticNet({ alpha: alphaMax / 0.5, l1Ratio: 0.5 }).fit(X, y);
    expect(Array.from(model.coef).every((v) => v === 0)).toBe(true);
    const below = new ElasticNet({ alpha: (alphaMax / 0.5) * 0.99, l1Ratio: 0.5 }).fit(X, y);
    expect(Array.from(below.coef).some((v) => v !== 0)).toBe(true);
  });
});
