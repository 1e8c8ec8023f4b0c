/**
 * Shapes far from square, in seconds: p ≫ n (20 × 20000 Lasso) and n ≫ p (300000 × 5
 * Linear). Each result is also checked for correctness (optimality written out here), so
 * a fast wrong answer fails. Time budgets are generous multiples of what a laptop core
 * takes (≈1.5 s and ≈0.3 s), to stay meaningful on a loaded CI machine.
 */
import { describe, expect, it } from 'vitest';
import { Lasso, Linear } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';

describe('p ≫ n: 20 × 20000 Lasso', () => {
  const n = 20;
  const p = 20_000;
  const r = rng(5);
  const X = Array.from({ length: n }, () => Array.from({ length: p }, () => r.normal()));
  const y = X.map((row) => 3 * row[0] - 2 * row[1] + row[2] + 0.1 * r.normal());

  it('fits in seconds, converges, and satisfies the Lasso optimality conditions', () => {
    const alpha = 0.1;
    const start = performance.now();
    const model = new Lasso({ alpha }).fit(X, y);
    const seconds = (performance.now() - start) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(model.converged).toBe(true);
    const w = model.coef;
    const support = Array.from(w).flatMap((v, j) => (v !== 0 ? [j] : []));
    expect(support.length).toBeGreaterThan(0);
    expect(support.length).toBeLessThanOrEqual(n); // a Lasso solution has at most n nonzeros (generic data)
    // subgradient conditions, from the README objective 1/(2n)‖y − Xw − b‖² + alpha‖w‖₁:
    // |xⱼᵀr/n| ≤ alpha (+ slack) everywhere, = alpha on the support
    const residual = y.map((v, i) => v - model.intercept - support.reduce((a, j) => a + X[i][j] * w[j], 0));
    expect(Math.abs(residual.reduce((a, v) => a + v, 0)) / n).toBeLessThan(1e-8);
    const yVar = y.reduce((a, v) => a + (v - y.reduce((s, t) => s + t, 0) / n) ** 2, 0) / n;
    // from the duality gap ≤ 1e-4·var(y): a coordinate's residual is at most √(2·‖xⱼ‖²/n·ε)
    // (max column norm² / n ≈ 3 here), so 5·√(1e-4·var·3) is a safe bound
    const slack = 5 * Math.sqrt(1e-4 * yVar * 3);
    let worst = 0;
    for (let j = 0; j < p; j++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += X[i][j] * residual[i];
      g /= n;
      worst = Math.max(worst, w[j] === 0 ? Math.max(0, Math.abs(g) - alpha) : Math.abs(g - alpha * Math.sign(w[j])));
    }
    expect(worst).toBeLessThan(slack);
  }, 60_000);
});

describe('n ≫ p: 300000 × 5 Linear', () => {
  it('fits in seconds and recovers the coefficients; the gradient is at round-off', () => {
    const n = 300_000;
    const p = 5;
    const r = rng(9);
    const truth = [1, -1, 0, 0.5, 2];
    const X = Array.from({ length: n }, () => Array.from({ length: p }, () => r.normal()));
    const y = X.map((row) => row.reduce((a, v, j) => a + v * truth[j], 7) + r.normal());
    const start = performance.now();
    const model = new Linear().fit(X, y);
    const seconds = (performance.now() - start) / 1000;
    expect(seconds).toBeLessThan(5);
    // OLS is unbiased with standard error 1/√n ≈ 0.002: six standard errors
    for (let j = 0; j < p; j++) expect(Math.abs(model.coef[j] - truth[j])).toBeLessThan(0.011);
    expect(Math.abs(model.intercept - 7)).toBeLessThan(0.011);
    // normal equations: Xᵀr = 0 to round-off (‖xⱼ‖·‖r‖ ≈ n here)
    const pred = model.predict(X);
    for (let j = 0; j < p; j++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += X[i][j] * (y[i] - pred[i]);
      expect(Math.abs(g)).toBeLessThan(1e-8 * n);
    }
  }, 60_000);
});
