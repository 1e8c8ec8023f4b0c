/**
 * Degenerate data and hyperparameters: constant and duplicated columns, a single sample,
 * a single feature, a constant or all-zero target, alpha at or above alphaMax, and alpha
 * so small that coordinate descent cannot finish (which must be reported, not hidden).
 * Expected values are closed forms worked out here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, Linear, LogisticL2, Ridge, setWarningHandler, type PenalizedWarning, DataError } from '../../src/index.js';
import { regressionData, rng } from '../helpers/fixtures.js';
import { captureWarnings } from '../helpers/warnings.js';


const mean = (v: number[]) => v.reduce((a, x) => a + x, 0) / v.length;
const finite = (m: { coef: Float64Array; intercept: number }) => Array.from(m.coef).every(Number.isFinite) && Number.isFinite(m.intercept);

const r = rng(7);
const n = 40;
const base = Array.from({ length: n }, () => [r.normal(), r.normal()]);
const y = base.map(([a, b]) => 2 * a - b + 0.5 + 0.1 * r.normal());
const labels = base.map(([a, b], i) => (a - b + 0.3 * Math.cos(i) > 0 ? 'pos' : 'neg'));

type Model = { fit(X: unknown, y: unknown): Model; coef: Float64Array; intercept: number; converged: boolean; predict(X: unknown): unknown };
const regressors: [string, () => Model][] = [
  ['Linear', () => new Linear() as unknown as Model],
  ['Ridge', () => new Ridge({ alpha: 0.5 }) as unknown as Model],
  ['Lasso', () => new Lasso({ alpha: 0.01, tol: 1e-10 }) as unknown as Model],
  ['ElasticNet', () => new ElasticNet({ alpha: 0.01, l1Ratio: 0.5, tol: 1e-10 }) as unknown as Model],
];
const all: [string, () => Model, unknown[]][] = [...regressors.map(([name, make]) => [name, make, y] as [string, () => Model, unknown[]]), ['LogisticL2', () => new LogisticL2({ tol: 1e-10 }) as unknown as Model, labels]];

describe('constant columns', () => {
  it.each(all)('%s: a constant column gets exactly 0 (with an intercept) and the rest is the fit without it', (_name, make, target) => {
    for (const value of [0, 1.5, 0.1, -7e5, 1e140]) {
      const withConstant = base.map(([a, b]) => [a, value, b]);
      const model = make().fit(withConstant, target);
      const without = make().fit(base, target);
      expect(Object.is(model.coef[1], 0) || Object.is(model.coef[1], -0)).toBe(true);
      expect(model.converged).toBe(true);
      // same model on the other columns (the constant column is invisible once centered)
      expect(Math.abs(model.coef[0] - without.coef[0])).toBeLessThan(1e-9 * (1 + Math.abs(without.coef[0])));
      expect(Math.abs(model.coef[2] - without.coef[1])).toBeLessThan(1e-9 * (1 + Math.abs(without.coef[1])));
      expect(Math.abs(model.intercept - without.intercept)).toBeLessThan(1e-9 * (1 + Math.abs(without.intercept)));
    }
  });

  // From a case fast-check shrank (tests/properties/optimality.test.ts): a constant column
  // whose mean is not exactly representable, with a Lasso alpha of 1e-34. Centering must
  // leave exact zeros (its correction step does), or the ±1-ulp remainder becomes a
  // column of round-off that a weakly penalized model can give a huge coefficient.
  // (The failure fast-check found was in the test's own duality gap, which now centers
  // xⱼᵀθ too; the library was right, and this pins it.)
  it('a constant column 0.5437100401832302 with Lasso alpha 1.36e-34 gets exactly 0', () => {
    const X = Array.from({ length: 20 }, () => [0.5437100401832302]);
    const target = [
      -0.871053672621634, -0.9854889856748089, -0.8596220578899685, -0.8659380975539084, -0.9180508010706152, -0.8673274121307094, -0.94662271132022,
      -0.8142552683631259, -1.1666766860038986, -0.7954119216948929, -1.0802889971337644, -0.8439220997973402, -0.9024878848834006, -0.909570827956302,
      -1.0454177921889443, -0.8322382535695607, -0.8154167080403087, -1.0311571546346174, -1.043648447106701, -0.9166867887282835,
    ];
    for (const model of [new Lasso({ alpha: 1.3558546808486142e-34, tol: 1e-8, maxIter: 20_000 }), new ElasticNet({ alpha: 1.36e-33, l1Ratio: 0.1, tol: 1e-8 })]) {
      model.fit(X, target);
      expect(model.coef[0]).toBe(0);
      expect(Math.abs(model.intercept - mean(target))).toBeLessThan(1e-15);
      expect(model.converged).toBe(true);
    }
  });

  it('without an intercept a constant column plays the intercept (Linear)', () => {
    const X = base.map(([a, b]) => [a, 1, b]);
    const withoutIntercept = new Linear({ fitIntercept: false }).fit(X, y);
    const standard = new Linear().fit(base, y);
    expect(Math.abs(withoutIntercept.coef[1] - standard.intercept)).toBeLessThan(1e-12);
    expect(Math.abs(withoutIntercept.coef[0] - standard.coef[0])).toBeLessThan(1e-12);
  });
});

describe('duplicated columns', () => {
  const dup = base.map(([a, b]) => [a, a, b]);
  it.each([
    ['Linear', () => new Linear()],
    ['Ridge', () => new Ridge({ alpha: 0.5 })],
    ['ElasticNet', () => new ElasticNet({ alpha: 0.01, l1Ratio: 0.5, tol: 1e-12, maxIter: 100_000 })],
  ] as const)('%s: the weight is split equally between the copies (minimum norm / strict convexity)', (_name, make) => {
    const model = make().fit(dup, y);
    expect(model.converged).toBe(true);
    expect(Math.abs(model.coef[0] - model.coef[1])).toBeLessThan(1e-6 * Math.abs(model.coef[0]));
    expect(model.coef[0]).not.toBe(0);
  });

  it('Linear: the two copies together equal the single column, predictions identical', () => {
    const single = new Linear().fit(base, y);
    const model = new Linear().fit(dup, y);
    expect(Math.abs(model.coef[0] + model.coef[1] - single.coef[0])).toBeLessThan(1e-10);
    const Xt = [[0.3, -1.2], [2, 0.5]];
    const a = single.predict(Xt);
    const b = model.predict(Xt.map(([u, v]) => [u, u, v]));
    expect(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])).toBeLessThan(1e-10);
  });

  it('Lasso: the copies share the single column’s coefficient (the split is not unique, the sum is)', () => {
    const single = new Lasso({ alpha: 0.05, tol: 1e-12 }).fit(base, y);
    const model = new Lasso({ alpha: 0.05, tol: 1e-12 }).fit(dup, y);
    expect(model.converged).toBe(true);
    expect(Math.abs(model.coef[0] + model.coef[1] - single.coef[0])).toBeLessThan(1e-6);
    expect(Math.sign(model.coef[0]) * Math.sign(model.coef[1])).not.toBe(-1);
  });

  it('LogisticL2: equal split', () => {
    const model = new LogisticL2({ tol: 1e-10 }).fit(dup, labels);
    expect(Math.abs(model.coef[0] - model.coef[1])).toBeLessThan(1e-6 * Math.abs(model.coef[0]));
  });
});

describe('collinear and wide designs: the exact solve is a least-squares solution (regressions)', () => {
  // Both shrunk by fast-check (tests/properties/optimality.test.ts) and fixed in
  // src/solvers/direct.ts (commit "Direct solve: exact on collinear designs").
  it('two proportional columns (scales 5e4 apart), two samples, intercept: residuals at round-off (were ±3.9e-4)', () => {
    const X = [
      [0.0027725243903749105, 140.84057151098222],
      [0.003995274821285821, 202.9546759360492],
    ];
    const target = [-2.547197712463577, -0.4932893677274831];
    const model = new Linear().fit(X, target);
    const pred = model.predict(X);
    for (let i = 0; i < 2; i++) expect(Math.abs(target[i] - pred[i])).toBeLessThan(1e-12);
    expect(model.converged).toBe(true);
  });

  it('a wide, ill-conditioned interpolation (2 × 6, correlation 0.999): residual at round-off (was 1.6e-11)', () => {
    const X = [
      [-0.7062317814316695, -0.01915593928647653, -701.1803273786524, -109.88277357198358, -0.007421176570937263, -0.03294078789123894],
      [-0.7991676902533077, -0.02273130106272044, -819.2509600605638, -126.91969568296804, -0.008952163671521234, -0.03804556063795529],
    ];
    const target = [1.174343636081529, 1.1545598740809329];
    const pred = new Linear({ fitIntercept: false }).fit(X, target).predict(X);
    for (let i = 0; i < 2; i++) expect(Math.abs(target[i] - pred[i])).toBeLessThan(1e-13);
  });
});

describe('a single sample', () => {
  it.each(regressors)('%s with an intercept: coef 0, intercept = y', (_name, make) => {
    const model = make().fit([[1.5, -2]], [3.25]);
    expect(Array.from(model.coef)).toStrictEqual([0, 0]);
    expect(model.intercept).toBe(3.25);
    expect(model.converged).toBe(true);
  });

  it('Linear without an intercept: the minimum-norm interpolant w = y·x/‖x‖²', () => {
    const model = new Linear({ fitIntercept: false }).fit([[1, 2]], [3]);
    expect(Math.abs(model.coef[0] - 0.6)).toBeLessThan(1e-15);
    expect(Math.abs(model.coef[1] - 1.2)).toBeLessThan(1e-15);
  });

  it('Ridge without an intercept: w = y·x/(‖x‖² + alpha)', () => {
    const model = new Ridge({ alpha: 0.5, fitIntercept: false }).fit([[1, 2]], [3]);
    expect(Math.abs(model.coef[0] - 3 / 5.5)).toBeLessThan(1e-15);
    expect(Math.abs(model.coef[1] - 6 / 5.5)).toBeLessThan(1e-15);
  });

  it('Lasso without an intercept: soft-threshold on the best column', () => {
    // 1/2·(3 − w₁ − 2w₂)² + alpha·(|w₁| + |w₂|): only w₂ (the larger column) enters;
    // w₂ = (2·3 − alpha)/4 when 2·3 > alpha
    const model = new Lasso({ alpha: 0.5, fitIntercept: false, tol: 1e-14, maxIter: 100_000 }).fit([[1, 2]], [3]);
    expect(model.coef[0]).toBe(0);
    expect(Math.abs(model.coef[1] - 5.5 / 4)).toBeLessThan(1e-12);
  });

  it('LogisticL2: one sample is one class, a typed error', () => {
    expect(() => new LogisticL2().fit([[1, 2]], ['a'])).toThrow(DataError);
  });
});

describe('a single feature', () => {
  const x = base.map(([a]) => [a]);
  const xs = x.map(([v]) => v);
  const xm = mean(xs);
  const ym = mean(y);
  const sxx = xs.reduce((a, v) => a + (v - xm) ** 2, 0);
  const sxy = xs.reduce((a, v, i) => a + (v - xm) * (y[i] - ym), 0);
  it('Linear: slope = Sxy/Sxx', () => {
    const model = new Linear().fit(x, y);
    expect(Math.abs(model.coef[0] - sxy / sxx)).toBeLessThan(1e-13);
    expect(Math.abs(model.intercept - (ym - (sxy / sxx) * xm))).toBeLessThan(1e-13);
  });
  it('Ridge: slope = Sxy/(Sxx + alpha)', () => {
    expect(Math.abs(new Ridge({ alpha: 2 }).fit(x, y).coef[0] - sxy / (sxx + 2))).toBeLessThan(1e-13);
  });
  it('Lasso: slope = ST(Sxy/n, alpha)/(Sxx/n)', () => {
    const alpha = 0.3;
    const st = Math.sign(sxy) * Math.max(Math.abs(sxy / n) - alpha, 0);
    expect(Math.abs(new Lasso({ alpha, tol: 1e-14 }).fit(x, y).coef[0] - st / (sxx / n))).toBeLessThan(1e-12);
  });
});

describe('a constant or all-zero target', () => {
  it.each(regressors)('%s: y constant → predictions equal the constant (coef exactly 0 when the mean is exact), converged', (_name, make) => {
    // 0 and 2.5 have an exact mean; for 0.1 or 1/3, Σy/n differs from y by an ulp, and that
    // round-off (1e-33 here) is all a model can see: coef·x stays within a few ulps of c.
    // (ElasticNet and Lasso at |c| ≥ 1e154, where ‖y‖² would overflow, are solved in
    // power-of-two units: tests/extremes/gap-certification.test.ts)
    for (const c of [0, 2.5, 0.1, 1 / 3, -1e-300, 3.3e-7, -7.77e100, 1e150]) {
      const model = make().fit(base, new Array(n).fill(c));
      expect(model.converged).toBe(true);
      const predictions = model.predict(base) as Float64Array;
      for (const v of predictions) expect(Math.abs(v - c)).toBeLessThanOrEqual(16 * Number.EPSILON * Math.abs(c));
      if (c === 0 || c === 2.5) {
        expect(Array.from(model.coef).every((v) => v === 0)).toBe(true);
        expect(model.intercept).toBe(c);
      }
    }
  });

  it.each([
    ['Linear', () => new Linear({ fitIntercept: false })],
    ['Ridge', () => new Ridge({ alpha: 0.5, fitIntercept: false })],
    ['Lasso', () => new Lasso({ alpha: 0.01, fitIntercept: false })],
    ['ElasticNet', () => new ElasticNet({ alpha: 0.01, fitIntercept: false })],
  ] as const)('%s: y all zero without an intercept → coef exactly 0', (_name, make) => {
    const fitted = make().fit(base, new Array(n).fill(0));
    expect(Array.from(fitted.coef).every((v) => v === 0)).toBe(true);
    expect(fitted.intercept).toBe(0);
    expect(fitted.converged).toBe(true);
  });
});

describe('alpha at or above alphaMax', () => {
  const { X, y: target } = regressionData(3, 50, 8, { rho: 0.6 });
  const ym = mean(target);
  const xm = X[0].map((_, j) => mean(X.map((row) => row[j])));
  const alphaMax = Math.max(...xm.map((m, j) => Math.abs(X.reduce((a, row, i) => a + (row[j] - m) * (target[i] - ym), 0)) / X.length));

  it('Lasso with alpha = alphaMax (computed here): coef 0 up to the round-off of alphaMax itself', () => {
    const model = new Lasso({ alpha: alphaMax }).fit(X, target);
    for (const v of model.coef) expect(Math.abs(v)).toBeLessThan(1e-12);
  });

  it.each([1 + 1e-12, 2, 1e10])('Lasso with alpha = %f·alphaMax: every coef exactly 0, intercept = ȳ, converged', (factor) => {
    const model = new Lasso({ alpha: alphaMax * factor }).fit(X, target);
    expect(Array.from(model.coef).every((v) => v === 0)).toBe(true);
    expect(Math.abs(model.intercept - ym)).toBeLessThan(1e-14 * (1 + Math.abs(ym)));
    expect(model.converged).toBe(true);
  });

  it('just below alphaMax, exactly one coefficient is nonzero', () => {
    const model = new Lasso({ alpha: alphaMax * (1 - 1e-3), tol: 1e-12 }).fit(X, target);
    expect(Array.from(model.coef).filter((v) => v !== 0)).toHaveLength(1);
  });

  it.each([0.1, 0.5, 1])('ElasticNet l1Ratio %f at alphaMax/l1Ratio: all zero', (l1Ratio) => {
    const model = new ElasticNet({ alpha: (alphaMax / l1Ratio) * (1 + 1e-12), l1Ratio }).fit(X, target);
    expect(Array.from(model.coef).every((v) => v === 0)).toBe(true);
  });
});

describe('alpha tiny (near OLS): coordinate descent is slow and says so', () => {
  // strongly correlated columns: CD needs ~1e5 epochs to reach tol 1e-12
  const { X, y: target } = regressionData(5, 80, 10, { rho: 0.995 });
  it.each([
    ['Lasso', (maxIter: number) => new Lasso({ alpha: 1e-10, tol: 1e-12, maxIter })],
    ['ElasticNet', (maxIter: number) => new ElasticNet({ alpha: 1e-10, l1Ratio: 0.9, tol: 1e-12, maxIter })],
  ] as const)('%s: maxIter reached is reported (converged false, nIter = maxIter, a warning with the numbers)', (name, make) => {
    const warnings = captureWarnings();
    const model = make(50).fit(X, target);
    expect(model.converged).toBe(false);
    expect(model.nIter).toBe(50);
    expect(finite(model)).toBe(true);
    expect(model.dualGap).toBeGreaterThan(1e-12 * target.reduce((a, v) => a + (v - mean(target)) ** 2, 0) / X.length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].code).toBe('CONVERGENCE');
    expect(warnings[0].message).toMatch(new RegExp(`${name} did not converge in 50 iterations \\(duality gap [0-9.e+-]+ > tolerance [0-9.e+-]+\\)`));
    // and the same model survives a JSON round trip with its status
    const restored = (name === 'Lasso' ? Lasso : ElasticNet).fromJSON(JSON.parse(JSON.stringify(model)));
    expect(restored.converged).toBe(false);
    expect(restored.nIter).toBe(50);
  });

  it('with enough iterations the tiny-alpha Lasso reaches the OLS predictions', () => {
    const ols = new Linear().fit(X, target);
    const model = new Lasso({ alpha: 1e-10, tol: 1e-14, maxIter: 1_000_000 }).fit(X, target);
    const a = ols.predict(X);
    const b = model.predict(X);
    let d = 0;
    for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
    expect(d).toBeLessThan(1e-5);
  });
});
