/**
 * Columns whose scales differ by up to 1e±120, and data scaled by 1e-150.
 *
 * What "the predictions equal those of the unscaled problem" means:
 *
 * - Linear: scaling column j by sⱼ divides wⱼ by sⱼ and changes nothing else. Exact.
 * - Ridge and Lasso: the penalty sees the scaled coefficient. With v = D·w (D = diag(sⱼ))
 *   the coefficient on the original columns, Ridge on X·D minimizes
 *   ‖y − Xv − b‖² + alpha·Σ vⱼ²/sⱼ², and Lasso 1/(2n)‖y − Xv − b‖² + alpha·Σ|vⱼ|/sⱼ: the
 *   unscaled problem *with each feature's penalty rescaled*. The library has no
 *   per-feature penalty, so the test solves that reference itself (Ridge: the equilibrated
 *   normal equations; Lasso: a plain reference coordinate descent run to 1e-15) and
 *   compares predictions. (With sⱼ = 1e120 a feature is effectively unpenalized, with
 *   sⱼ = 1e-120 it is forced to 0: both are what the scaled problem means.)
 * - Uniform scaling of every column by s *is* expressible with alpha alone: Ridge with
 *   alpha·s², Lasso with alpha·s, LogisticL2 with C/s²; those are compared with the
 *   library's own fit of the unscaled problem. (ElasticNet is not: its L1 part needs
 *   alpha·s and its L2 part alpha·s².)
 * - X and y both scaled by c: w is unchanged when every penalty strength scales by c²
 *   (Ridge, Lasso, ElasticNet alpha·c²); predictions scale by c.
 *
 * Tolerance: 1e-6 relative on predictions, the requirement (the exact solves
 * reach ~1e-14).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, Linear, LogisticL2, Ridge, setWarningHandler, type PenalizedWarning } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';
import { maxRelativeError, referenceElasticNet } from '../helpers/reference.js';
import { captureWarnings } from '../helpers/warnings.js';


const n = 60;
const p = 4;
const r = rng(2024);
const X = Array.from({ length: n }, () => Array.from({ length: p }, () => r.normal()));
const Xtest = Array.from({ length: 10 }, () => Array.from({ length: p }, () => r.normal()));
const truth = [1, -2, 0.5, 3];
const y = X.map((row) => row.reduce((s, v, j) => s + v * truth[j], 0.3) + 0.2 * r.normal());
const labels = X.map((row, i) => (row[0] - row[1] + 0.5 * Math.sin(i) > 0 ? 1 : 0));

const scaleColumns = (M: number[][], s: number[]) => M.map((row) => row.map((v, j) => v * s[j]));

const MIXED = [
  [1e120, 1, 1e-120, 1e60],
  [1e-60, 1e120, 1, 1e-120],
];

describe('columns scaled by up to 1e±120', () => {
  describe.each(MIXED.map((s) => [s.map((v) => v.toExponential(0)).join(', '), s] as const))('scales [%s]', (_label, scales) => {
    const Xs = scaleColumns(X, scales);
    const Xts = scaleColumns(Xtest, scales);

    it.each([true, false])('Linear (fitIntercept %s): same predictions and coef·s as the unscaled fit', (fitIntercept) => {
      const plain = new Linear({ fitIntercept }).fit(X, y);
      const scaled = new Linear({ fitIntercept }).fit(Xs, y);
      expect(maxRelativeError(scaled.predict(Xts), plain.predict(Xtest))).toBeLessThan(1e-6);
      expect(maxRelativeError(scaled.coef.map((v, j) => v * scales[j]), plain.coef)).toBeLessThan(1e-6);
      expect(Math.abs(scaled.intercept - plain.intercept)).toBeLessThan(1e-6 * (1 + Math.abs(plain.intercept)));
    });

    it('Ridge: same predictions as the unscaled problem with penalties alpha/sⱼ²', () => {
      const alpha = 3;
      const model = new Ridge({ alpha }).fit(Xs, y);
      expect(model.converged).toBe(true);
      const reference = weightedRidge(X, y, scales.map((s) => alpha / (s * s)));
      const expected = Xtest.map((row) => row.reduce((acc, v, j) => acc + v * reference.v[j], reference.b));
      expect(maxRelativeError(model.predict(Xts), expected)).toBeLessThan(1e-6);
    });

    it('Lasso: same predictions as the unscaled problem with penalties alpha/sⱼ; a non-converged fit is reported', () => {
      const warnings = captureWarnings();
      const alpha = 0.05;
      const model = new Lasso({ alpha }).fit(Xs, y);
      const reference = referenceElasticNet(X, y, scales.map((s) => alpha / s), scales.map(() => 0));
      const expected = Xtest.map((row) => row.reduce((acc, v, j) => acc + v * reference.v[j], reference.b));
      expect(maxRelativeError(model.predict(Xts), expected)).toBeLessThan(1e-6);
      // the duality gap discounts the rounding of xⱼᵀθ for the 1e120 column
      // (tests/extremes/gap-certification.test.ts), so the fit certifies convergence
      expect(model.converged).toBe(true);
      expect(warnings).toHaveLength(0);
    });
  });

  describe.each([1e120, 1e-120])('every column scaled by %s', (s) => {
    const Xs = X.map((row) => row.map((v) => v * s));
    const Xts = Xtest.map((row) => row.map((v) => v * s));
    it('Linear: same predictions, coef/s', () => {
      const plain = new Linear().fit(X, y);
      const scaled = new Linear().fit(Xs, y);
      expect(maxRelativeError(scaled.predict(Xts), plain.predict(Xtest))).toBeLessThan(1e-6);
      expect(maxRelativeError(scaled.coef.map((v) => v * s), plain.coef)).toBeLessThan(1e-6);
    });
    it('Ridge with alpha·s²: same predictions', () => {
      const plain = new Ridge({ alpha: 3 }).fit(X, y);
      const scaled = new Ridge({ alpha: 3 * s * s }).fit(Xs, y);
      expect(maxRelativeError(scaled.predict(Xts), plain.predict(Xtest))).toBeLessThan(1e-6);
    });
    it('Lasso with alpha·s: same predictions, converged', () => {
      const plain = new Lasso({ alpha: 0.05, tol: 1e-10 }).fit(X, y);
      const scaled = new Lasso({ alpha: 0.05 * s, tol: 1e-10 }).fit(Xs, y);
      expect(scaled.converged).toBe(true);
      expect(maxRelativeError(scaled.predict(Xts), plain.predict(Xtest))).toBeLessThan(1e-6);
      expect(Array.from(scaled.coef, (v) => v !== 0)).toStrictEqual(Array.from(plain.coef, (v) => v !== 0));
    });
  });
});

describe('data scaled by 1e-150, alpha scaled to match', () => {
  const c = 1e-150;
  const Xc = X.map((row) => row.map((v) => v * c));
  const Xtc = Xtest.map((row) => row.map((v) => v * c));
  const yc = y.map((v) => v * c);
  // X and y scaled by c: the loss scales by c², so every penalty strength scales by c² and w is unchanged
  it.each([
    ['Linear', () => new Linear(), () => new Linear()],
    ['Ridge', () => new Ridge({ alpha: 3 }), () => new Ridge({ alpha: 3 * c * c })],
    ['Lasso', () => new Lasso({ alpha: 0.05, tol: 1e-10 }), () => new Lasso({ alpha: 0.05 * c * c, tol: 1e-10 })],
    ['ElasticNet', () => new ElasticNet({ alpha: 0.05, tol: 1e-10 }), () => new ElasticNet({ alpha: 0.05 * c * c, tol: 1e-10 })],
  ] as const)('%s (default solver): same predictions, converged', (_name, plainModel, scaledModel) => {
    const plain = plainModel().fit(X, y);
    const scaled = scaledModel().fit(Xc, yc);
    expect(scaled.converged).toBe(true);
    expect(maxRelativeError(scaled.predict(Xtc).map((v) => v / c), plain.predict(Xtest))).toBeLessThan(1e-6);
    expect(maxRelativeError(scaled.coef, plain.coef)).toBeLessThan(1e-6);
  });

  it('LogisticL2 on X·1e-150 with C·1e300: finite and converged', () => {
    // same decisions as the unscaled fit: tests/extremes/every-solver-tiny-scale.test.ts
    const warnings = captureWarnings();
    const model = new LogisticL2({ C: 1 / (c * c) }).fit(Xc, labels);
    expect(Array.from(model.coef).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(model.intercept)).toBe(true);
    expect(model.converged).toBe(true);
    expect(warnings).toHaveLength(0);
  });
});

describe('huge targets', () => {
  const big = 1e150;
  it.each([
    ['Linear', () => new Linear()],
    ['Ridge', () => new Ridge({ alpha: 3 })],
  ] as const)('%s: y·1e150 scales coef and intercept by 1e150', (_name, make) => {
    const plain = make().fit(X, y);
    const scaled = make().fit(X, y.map((v) => v * big));
    expect(maxRelativeError(scaled.coef.map((v) => v / big), plain.coef)).toBeLessThan(1e-12);
    expect(Math.abs(scaled.intercept / big - plain.intercept)).toBeLessThan(1e-12);
  });

  it('Lasso: y·1e155 with alpha·1e155 gives the scaled coefficients, converged and serializable', () => {
    // ‖y − ȳ‖² would overflow; the engine solves in units of a power of two ≥ max|y|
    // (src/solvers/engine.ts, tests/extremes/gap-certification.test.ts)
    const warnings = captureWarnings();
    const s = 1e155;
    const plain = new Lasso({ alpha: 0.05, tol: 1e-10 }).fit(X, y);
    const scaled = new Lasso({ alpha: 0.05 * s, tol: 1e-10 }).fit(X, y.map((v) => v * s));
    expect(maxRelativeError(scaled.coef.map((v) => v / s), plain.coef)).toBeLessThan(1e-6);
    expect(scaled.converged).toBe(true);
    expect(warnings).toHaveLength(0);
    const restored = Lasso.fromJSON(JSON.parse(JSON.stringify(scaled)));
    expect(Array.from(restored.predict(Xtest))).toStrictEqual(Array.from(scaled.predict(Xtest)));
  });
});

// ------------------------------------------------------------------ references

/** Columns centered, with their means (intercept fitted). */
function centered(M: number[][], t: number[]) {
  const means = M[0].map((_, j) => M.reduce((a, row) => a + row[j], 0) / M.length);
  const tMean = t.reduce((a, v) => a + v, 0) / t.length;
  return { Xc: M.map((row) => row.map((v, j) => v - means[j])), tc: t.map((v) => v - tMean), means, tMean };
}

/**
 * argmin ‖y − Xv − b‖² + Σⱼ λⱼ vⱼ² by the normal equations, equilibrated (uⱼ = vⱼ·√Aⱼⱼ)
 * so that λⱼ from 1e-240 to 1e240 stays well conditioned, then Gaussian elimination with
 * partial pivoting.
 */
function weightedRidge(M: number[][], t: number[], lambda: number[]): { v: number[]; b: number } {
  const { Xc, tc, means, tMean } = centered(M, t);
  const m = lambda.length;
  const A = Array.from({ length: m }, (_, j) => Array.from({ length: m }, (_, k) => Xc.reduce((a, row) => a + row[j] * row[k], 0) + (j === k ? lambda[j] : 0)));
  const rhs = Array.from({ length: m }, (_, j) => Xc.reduce((a, row, i) => a + row[j] * tc[i], 0));
  const d = A.map((row, j) => 1 / Math.sqrt(row[j]));
  const S = A.map((row, j) => row.map((v, k) => v * d[j] * d[k]));
  const q = rhs.map((v, j) => v * d[j]);
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let i = col + 1; i < m; i++) if (Math.abs(S[i][col]) > Math.abs(S[piv][col])) piv = i;
    [S[col], S[piv]] = [S[piv], S[col]];
    [q[col], q[piv]] = [q[piv], q[col]];
    for (let i = col + 1; i < m; i++) {
      const f = S[i][col] / S[col][col];
      for (let k = col; k < m; k++) S[i][k] -= f * S[col][k];
      q[i] -= f * q[col];
    }
  }
  const u = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) {
    let s = q[i];
    for (let k = i + 1; k < m; k++) s -= S[i][k] * u[k];
    u[i] = s / S[i][i];
  }
  const v = u.map((x, j) => x * d[j]);
  return { v, b: tMean - v.reduce((a, x, j) => a + x * means[j], 0) };
}

