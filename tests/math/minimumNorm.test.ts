/**
 * Rank-deficient least squares (src/solvers/direct.ts): many w fit equally well, and
 * `Linear` must return the one of minimum ‖w‖, as scikit-learn's lstsq does (the
 * conformance fixtures `*-minnorm` hold its numbers). Here: the thin SVD the fallback
 * uses, and the kernel form's deflation checked against that fallback.
 */
import { describe, expect, it } from 'vitest';
import { Linear } from '../../src/index.js';
import { jacobiSVD, thinSVD } from '../../src/linalg/dense.js';
import { expectClose, regressionData, rng } from '../helpers/fixtures.js';

/** Column-major rows×cols Gaussian matrix; column `copyTo` = 3 × column 0, column `zero` = 0. */
function deficientMatrix(seed: number, rows: number, cols: number, copyTo: number, zero: number): Float64Array {
  const r = rng(seed);
  const A = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) A[j * rows + i] = r.normal() * (1 + j);
  for (let i = 0; i < rows; i++) {
    A[copyTo * rows + i] = 3 * A[i];
    A[zero * rows + i] = 0;
  }
  return A;
}

describe('thinSVD (Householder QR, then the Jacobi SVD of R)', () => {
  const rows = 120;
  const cols = 25;
  const A = deficientMatrix(3, rows, cols, 7, 11);
  const svd = thinSVD(A, rows, cols);
  const direct = jacobiSVD(A, rows, cols);
  const largest = Math.max(...svd.sigma);

  it('has the singular values of the Jacobi SVD of A itself', () => {
    // both backward stable: each σ within a few ulps of ‖A‖; 1e-13·σmax is ~500 ulps
    const sorted = (s: Float64Array) => Array.from(s).sort((a, b) => b - a);
    expectClose(sorted(svd.sigma), sorted(direct.sigma), { rtol: 0, atol: 1e-13 * largest }, 'sigma');
    // rank 23 of 25: the copied and the zero column; their σ are at rounding level
    expect(svd.sigma.filter((s) => s > 1e-12 * largest).length).toBe(cols - 2);
  });

  it('reconstructs A = U·Σ·Vᵀ and has orthonormal singular vectors', () => {
    let worst = 0;
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        let v = 0;
        for (let k = 0; k < cols; k++) v += svd.U[k * rows + i] * svd.sigma[k] * svd.V[k * cols + j];
        worst = Math.max(worst, Math.abs(v - A[j * rows + i]));
      }
    }
    // Householder and Jacobi rotations are backward stable: error ~ rows·eps·‖A‖
    expect(worst).toBeLessThan(1e-12 * largest);
    for (let a = 0; a < cols; a++) {
      if (!(svd.sigma[a] > 1e-12 * largest)) continue;
      for (let b = a; b < cols; b++) {
        if (!(svd.sigma[b] > 1e-12 * largest)) continue;
        let uu = 0;
        for (let i = 0; i < rows; i++) uu += svd.U[a * rows + i] * svd.U[b * rows + i];
        expect(Math.abs(uu - (a === b ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
  });
});

describe('Linear on rank-deficient designs: the solution of minimum ‖w‖', () => {
  it('wide, with an intercept and integer sample weights: the same w as the repeated rows', () => {
    // The weighted fit goes through the kernel form, deflated along √sw (its null vector once
    // the columns are centered). The repeated rows make the kernel matrix singular beyond
    // that (equal rows), so that fit falls to the SVD of X. The two routes share no solver
    // code, and the minimum-norm solution of the two problems is the same.
    const { X, y } = regressionData(41, 12, 40, { rho: 0.4, k: 6 });
    const weights = X.map((_, i) => 1 + (i % 3));
    const repeatedX = X.flatMap((row, i) => Array.from({ length: weights[i] }, () => row));
    const repeatedY = y.flatMap((v, i) => Array.from({ length: weights[i] }, () => v));
    const weighted = new Linear().fit(X, y, { sampleWeight: weights });
    const repeated = new Linear().fit(repeatedX, repeatedY);
    const scale = Math.max(...repeated.coef.map(Math.abs));
    // both at round-off on a design with κ ≈ 10 (12 random rows in 40 dimensions): 1e-10
    expectClose(weighted.coef, repeated.coef, { rtol: 1e-10, atol: 1e-10 * scale }, 'coef');
    expect(Math.abs(weighted.intercept - repeated.intercept)).toBeLessThan(1e-10 * Math.max(1, scale));
    // and it interpolates: 12 rows, 40 features
    const fitted = weighted.predict(X);
    for (let i = 0; i < X.length; i++) expect(Math.abs(fitted[i] - y[i])).toBeLessThan(1e-10 * Math.max(...y.map(Math.abs)));
  });

  it('wide, with zero sample weights: the same w as without those rows', () => {
    // a zero-weight row is a zero row and column of the kernel matrix; the solve gives it a
    // unit diagonal (cᵢ = 0) instead of falling to the SVD. Same solution as dropping the
    // rows: both exact solves of the same system, κ ≈ 10, so 1e-12
    const { X, y } = regressionData(43, 30, 90, { rho: 0.4, k: 6 });
    const weights = X.map((_, i) => (i % 4 === 0 ? 0 : 1 + (i % 3)));
    const kept = (_: unknown, i: number) => weights[i] > 0;
    const weighted = new Linear().fit(X, y, { sampleWeight: weights });
    const dropped = new Linear().fit(X.filter(kept), y.filter(kept), { sampleWeight: weights.filter(kept) });
    const scale = Math.max(...dropped.coef.map(Math.abs));
    expectClose(weighted.coef, dropped.coef, { rtol: 1e-12, atol: 1e-12 * scale }, 'coef');
    expect(Math.abs(weighted.intercept - dropped.intercept)).toBeLessThan(1e-12 * Math.max(1, scale));
  });

  it('a duplicated column shares its effect as 1 : 2 in w, orthogonal to the null direction', () => {
    // x₅ = 2·x₀: X·(2e₀ − e₅) = 0, so the minimum-norm w has 2w₀ − w₅ = 0
    const { X, y } = regressionData(42, 80, 8, { rho: 0.2, k: 4 });
    for (const row of X) row[5] = 2 * row[0];
    const model = new Linear().fit(X, y);
    expect(Math.abs(model.coef[5] - 2 * model.coef[0])).toBeLessThan(1e-12 * Math.max(...model.coef.map(Math.abs)));
  });
});
