/**
 * symmetricEigen (src/linalg/dense.ts): Householder tridiagonalization and implicit QL,
 * the eigendecomposition RidgeCV's leave-one-out formulas rest on. Checked by what an
 * eigendecomposition must satisfy (A·v = λ·v, orthonormal vectors, the trace and the
 * determinant), against the one-sided Jacobi SVD, and on the matrices that take its
 * special branches (already diagonal or tridiagonal, repeated or zero eigenvalues,
 * zero rows, negative eigenvalues).
 */
import { describe, expect, it } from 'vitest';
import { jacobiSVD, symmetricEigen } from '../../src/linalg/dense.js';
import { expectClose, rng } from '../helpers/fixtures.js';

/** Row-major m×m BᵀB for a random k×m B with columns scaled by `scales` (PSD, rank ≤ k). */
function gram(seed: number, m: number, k = m, scales?: (j: number) => number): Float64Array {
  const r = rng(seed);
  const B = Array.from({ length: k }, () => Array.from({ length: m }, (_, j) => r.normal() * (scales ? scales(j) : 1)));
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += B[t][i] * B[t][j];
      A[i * m + j] = s;
    }
  }
  return A;
}

const largestEntry = (A: Float64Array) => Math.max(...Array.from(A, Math.abs));

/**
 * The two defining properties, in units of m·ε·max|Aᵢⱼ| (backward stability: the
 * decomposition is exact for a matrix that close to A): max |A·vₖ − λₖ·vₖ| and max |VᵀV − I|.
 */
function check(A: Float64Array, m: number): { lambda: Float64Array; residual: number; orthogonality: number } {
  const { lambda, vectors } = symmetricEigen(A, m);
  let residual = 0;
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += A[i * m + j] * vectors[k * m + j];
      residual = Math.max(residual, Math.abs(s - lambda[k] * vectors[k * m + i]));
    }
  }
  let orthogonality = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += vectors[a * m + i] * vectors[b * m + i];
      orthogonality = Math.max(orthogonality, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  const unit = m * Number.EPSILON;
  return { lambda, residual: residual / (unit * Math.max(largestEntry(A), Number.MIN_VALUE)), orthogonality: orthogonality / unit };
}

const sorted = (v: ArrayLike<number>) => Array.from(v).sort((a, b) => a - b);

describe('symmetricEigen', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [10, 4],
    [60, 5],
    [150, 6],
  ])('m = %i: A·v = λ·v and VᵀV = I to a few m·ε, the eigenvalues of the Jacobi SVD', (m, seed) => {
    const A = gram(seed, m);
    const copy = Float64Array.from(A);
    const { lambda, residual, orthogonality } = check(A, m);
    expect(A).toEqual(copy); // not modified
    // measured: residuals ≤ 0.5, orthogonality ≤ 1.2 in these units; 10 leaves an 8× margin
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
    // a PSD matrix's singular values are its eigenvalues; both methods are backward
    // stable, so they agree to a few m·ε·‖A‖ (measured ≤ 5e-14·‖A‖ at m = 150; the
    // bound below is 3e-12·‖A‖ there)
    const jacobi = jacobiSVD(A, m, m).sigma;
    expectClose(sorted(lambda), sorted(jacobi), { rtol: 0, atol: 100 * m * Number.EPSILON * largestEntry(A) }, 'eigenvalues');
  });

  it('rank-deficient and badly scaled: zero eigenvalues come out at rounding level', () => {
    // 40×40 of rank 15, columns scaled over 1e-3 … 1e3
    const m = 40;
    const A = gram(7, m, 15, (j) => 10 ** (-3 + (6 * j) / (m - 1)));
    const { lambda, residual, orthogonality } = check(A, m);
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
    const tiny = sorted(lambda.map(Math.abs)).slice(0, m - 15);
    // 25 zero eigenvalues, each within a few m·ε·‖A‖ of 0
    for (const v of tiny) expect(v).toBeLessThan(10 * m * Number.EPSILON * largestEntry(A));
  });

  it('indefinite: negative eigenvalues, with the trace and the determinant of a 3×3', () => {
    const A = Float64Array.of(2, -1, 3, -1, 0, 4, 3, 4, -5);
    const { lambda, residual } = check(A, 3);
    expect(residual).toBeLessThan(10);
    const [a, b, c] = lambda;
    // trace = Σλ = −3; det = Πλ: 2(0·(−5) − 16) + 1·(5 − 12) + 3(−4 − 0) = −51
    expect(a + b + c).toBeCloseTo(-3, 13);
    expect(a * b * c).toBeCloseTo(-51, 12);
    expect(Math.min(a, b, c)).toBeLessThan(0);
  });

  it('already diagonal, repeated eigenvalues, a zero row: the reflection and QL shortcuts', () => {
    // diagonal: every reflector is skipped (β = 0) and QL deflates at once
    const D = Float64Array.of(3, 0, 0, 0, -1, 0, 0, 0, 3);
    const diagonal = symmetricEigen(D, 3);
    expect(sorted(diagonal.lambda)).toEqual([-1, 3, 3]);
    // the identity: one eigenvalue three times, any orthonormal basis will do
    expect(check(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1), 3).orthogonality).toBe(0);
    // a zero row and column (a zero-weight sample in RidgeCV's dual) and a tridiagonal
    // block that splits in two
    const m = 5;
    const T = new Float64Array(m * m);
    const set = (i: number, j: number, v: number) => {
      T[i * m + j] = v;
      T[j * m + i] = v;
    };
    set(0, 0, 2);
    set(0, 1, 1);
    set(1, 1, 2);
    set(3, 3, 4);
    set(3, 4, -2);
    set(4, 4, 1);
    const { lambda, residual, orthogonality } = check(T, m);
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
    // blocks [[2,1],[1,2]] → 1, 3; [0] → 0; [[4,−2],[−2,1]] → 0, 5
    expectClose(sorted(lambda), [0, 0, 1, 3, 5], { rtol: 0, atol: 1e-14 }, 'split blocks');
  });
});
