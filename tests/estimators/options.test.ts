/**
 * Issue "Choosing the penalty": sample weights, positive, penaltyFactor and standardize
 * through the public API, each checked against an independent formulation.
 */
import { describe, expect, it } from 'vitest';
import { DataError, ElasticNet, Lasso, Linear, LogisticL2, ParameterError, Ridge } from '../../src/index.js';
import { expectClose, regressionData } from '../helpers/fixtures.js';

const { X, y } = regressionData(77, 40, 6, { k: 4, noise: 0.3 });
const labels = y.map((v) => (v > 1.5 ? 'yes' : 'no'));
const weights = X.map((_, i) => [0, 1, 2, 3][i % 4]);
const repeat = <T,>(rows: T[]) => rows.flatMap((row, i) => Array.from({ length: weights[i] }, () => row));

describe('fit(X, y, { sampleWeight }): integer weights equal repeated rows', () => {
  const cases = [
    ['Linear', () => new Linear(), y],
    ['Lasso', () => new Lasso({ alpha: 0.05, tol: 1e-12, maxIter: 100_000 }), y],
    ['ElasticNet', () => new ElasticNet({ alpha: 0.05, tol: 1e-12, maxIter: 100_000 }), y],
    ['Ridge', () => new Ridge({ alpha: 2 }), y],
    ['LogisticL2', () => new LogisticL2({ C: 0.5, tol: 1e-10, maxIter: 10_000 }), labels],
  ] as const;
  it.each(cases)('%s', (_name, make, target) => {
    const weighted = make().fit(X, target as never, { sampleWeight: weights });
    const repeated = make().fit(repeat(X), repeat(target as never[]) as never);
    // both solve the same objective to tol 1e-10 or better: agreement ~1e-9; 1e-6 catches
    // any mis-weighted term (e.g. a zero weight counted as one), which moves coef by >1e-3
    expectClose(weighted.coef, repeated.coef, { rtol: 1e-6, atol: 1e-8 }, 'coef');
    expect(Math.abs(weighted.intercept - repeated.intercept)).toBeLessThan(1e-6);
  });

  it('rejects a weight that is negative, NaN, of the wrong length, or all zeros', () => {
    const model = new Lasso();
    expect(() => model.fit(X, y, { sampleWeight: weights.map((w, i) => (i === 3 ? -1 : w)) })).toThrow(/sampleWeight\[3\]/);
    expect(() => model.fit(X, y, { sampleWeight: weights.map((w, i) => (i === 5 ? NaN : w)) })).toThrow(DataError);
    expect(() => model.fit(X, y, { sampleWeight: weights.slice(1) })).toThrow(/one weight per row/);
    expect(() => model.fit(X, y, { sampleWeight: weights.map(() => 0) })).toThrow(/all zeros/);
    const copy = weights.slice();
    model.fit(X, y, { sampleWeight: copy });
    expect(copy).toEqual(weights); // not mutated
  });
});

/** ∂/∂wⱼ of 1/(2n)‖y − Xw − b‖², written out. */
function gradient(w: Float64Array, b: number): number[] {
  const g = new Array<number>(w.length).fill(0);
  X.forEach((row, i) => {
    const r = y[i] - row.reduce((s, v, j) => s + v * w[j], b);
    row.forEach((v, j) => (g[j] -= (v * r) / X.length));
  });
  return g;
}

describe('positive', () => {
  it('Lasso: coefficients ≥ 0 and the constrained KKT conditions hold', () => {
    const alpha = 0.02;
    const model = new Lasso({ alpha, positive: true, tol: 1e-12, maxIter: 100_000 }).fit(X, y);
    const free = new Lasso({ alpha, tol: 1e-12, maxIter: 100_000 }).fit(X, y);
    expect(Array.from(free.coef).some((v) => v < 0)).toBe(true); // the constraint is active
    expect(Array.from(model.coef).every((v) => v >= 0)).toBe(true);
    const g = gradient(model.coef, model.intercept);
    // wⱼ > 0: gⱼ = −alpha; wⱼ = 0: gⱼ ≥ −alpha (moving up cannot help). 1e-7: tol 1e-12 gap
    model.coef.forEach((w, j) => {
      if (w > 0) expect(Math.abs(g[j] + alpha)).toBeLessThan(1e-7);
      else expect(g[j]).toBeGreaterThan(-alpha - 1e-7);
    });
  });

  it('Linear: non-negative least squares', () => {
    const model = new Linear({ positive: true }).fit(X, y);
    expect(Array.from(model.coef).every((v) => v >= 0)).toBe(true);
    expect(Array.from(model.coef).some((v) => v === 0)).toBe(true); // the constraint binds here
    const g = gradient(model.coef, model.intercept);
    // NNLS KKT: gⱼ = 0 where wⱼ > 0, gⱼ ≥ 0 where wⱼ = 0. Linear has no tol and solves to
    // 1e-12 (scikit-learn's nnls is exact): 1e-9 of the gradient at 0 leaves room for the
    // rounding of g, and fails at the 1e-4 the other estimators default to
    const scale = Math.max(...gradient(new Float64Array(6), 0).map(Math.abs));
    model.coef.forEach((w, j) => {
      if (w > 0) expect(Math.abs(g[j])).toBeLessThan(1e-9 * scale);
      else expect(g[j]).toBeGreaterThan(-1e-9 * scale);
    });
  });
});

describe('penaltyFactor', () => {
  it('a factor of 0 leaves that feature unpenalized: its gradient vanishes', () => {
    const factors = [1, 1, 0, 1, 1, 1];
    const model = new Lasso({ alpha: 5, penaltyFactor: factors, tol: 1e-12, maxIter: 100_000 }).fit(X, y);
    // alpha this large zeroes every penalized feature; the free one is fitted
    expect(model.coef[2]).not.toBe(0);
    expect(Math.abs(gradient(model.coef, model.intercept)[2])).toBeLessThan(1e-9);
    expect(Array.from(model.coef).filter((v, j) => j !== 2 && v !== 0)).toEqual([]);
  });

  it('factors are rescaled to sum to p (glmnet): uniform factors change nothing', () => {
    const plain = new ElasticNet({ alpha: 0.05, tol: 1e-12 }).fit(X, y);
    const uniform = new ElasticNet({ alpha: 0.05, tol: 1e-12, penaltyFactor: [3, 3, 3, 3, 3, 3] }).fit(X, y);
    expectClose(uniform.coef, plain.coef, { rtol: 1e-9, atol: 1e-12 }, 'coef');
  });

  it('Ridge and LogisticL2 take factors too, and a wrong length is an error', () => {
    const ridge = new Ridge({ alpha: 10, penaltyFactor: [0, 1, 1, 1, 1, 1] }).fit(X, y);
    const unpenalized = new Ridge({ alpha: 10 }).fit(X, y);
    expect(Math.abs(ridge.coef[0])).toBeGreaterThan(Math.abs(unpenalized.coef[0])); // less shrinkage
    expect(() => new Lasso({ penaltyFactor: [1, 1] }).fit(X, y)).toThrow(/penaltyFactor has 2 values but X has 6/);
    expect(() => new Lasso({ penaltyFactor: [0, 0] })).toThrow(ParameterError);
    expect(() => new LogisticL2({ penaltyFactor: [1, -1] })).toThrow(/penaltyFactor/);
  });
});

describe('standardize', () => {
  it('equals fitting on z-scored columns and mapping the coefficients back', () => {
    const n = X.length;
    const mean = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / n);
    const sd = X[0].map((_, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / n));
    // make the columns' scales very different so standardizing matters
    const scaled = X.map((row) => row.map((v, j) => v * 10 ** (j - 2)));
    const sdScaled = sd.map((s, j) => s * 10 ** (j - 2));
    const zScored = scaled.map((row) => row.map((v, j) => v / sdScaled[j]));
    const model = new Lasso({ alpha: 0.05, standardize: true, tol: 1e-12, maxIter: 100_000 }).fit(scaled, y);
    const reference = new Lasso({ alpha: 0.05, tol: 1e-12, maxIter: 100_000 }).fit(zScored, y);
    expectClose(model.coef, Array.from(reference.coef, (v, j) => v / sdScaled[j]), { rtol: 1e-8, atol: 1e-12 }, 'coef');
    expectClose(model.predict(scaled), reference.predict(zScored), { rtol: 1e-9, atol: 1e-9 }, 'predictions');
    // and it differs from not standardizing (the penalty sees other units)
    const raw = new Lasso({ alpha: 0.05, tol: 1e-12, maxIter: 100_000 }).fit(scaled, y);
    expect(Array.from(raw.coef, (v) => v !== 0)).not.toEqual(Array.from(model.coef, (v) => v !== 0));
  });
});
