/**
 * tridiagonalize, factorShiftedTridiagonal and solveFactoredTridiagonal
 * (src/linalg/dense.ts): the Householder reduction A = Q·T·Qᵀ and the shifted tridiagonal
 * solves that RidgeCV's leave-one-out formulas rest on. Checked by what they must
 * satisfy (Q orthogonal, Q·T·Qᵀ = A, the trace and the determinant, (T + s·I)·x = b),
 * against an independent method (a Cholesky solve of A + s·I), and on the matrices that
 * take their special branches (already diagonal, zero rows, indefinite shifts).
 */
import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, factorShiftedTridiagonal, solveFactoredTridiagonal, tridiagonalize } from '../../src/linalg/dense.js';
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

const largestEntry = (A: ArrayLike<number>) => Math.max(...Array.from(A, Math.abs));

/** T as a dense row-major m×m matrix. */
function denseT(diagonal: Float64Array, offDiagonal: Float64Array): Float64Array {
  const m = diagonal.length;
  const T = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    T[i * m + i] = diagonal[i];
    if (i + 1 < m) T[i * m + i + 1] = T[(i + 1) * m + i] = offDiagonal[i];
  }
  return T;
}

/**
 * The two defining properties, in units of m·ε·max|Aᵢⱼ| (backward stability: Q·T·Qᵀ is
 * that close to A) and of m·ε: max |Q·T·Qᵀ − A| and max |QᵀQ − I|.
 */
function check(A: Float64Array, m: number) {
  const result = tridiagonalize(A, m);
  const { Q } = result; // column-major: Q[i][k] = Q[k·m + i]
  const T = denseT(result.diagonal, result.offDiagonal);
  let residual = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let a = 0; a < m; a++) for (let b = Math.max(0, a - 1); b <= Math.min(m - 1, a + 1); b++) s += Q[a * m + i] * T[a * m + b] * Q[b * m + j];
      residual = Math.max(residual, Math.abs(s - A[i * m + j]));
    }
  }
  let orthogonality = 0;
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += Q[a * m + i] * Q[b * m + i];
      orthogonality = Math.max(orthogonality, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  const unit = m * Number.EPSILON;
  return { ...result, residual: residual / (unit * Math.max(largestEntry(A), Number.MIN_VALUE)), orthogonality: orthogonality / unit };
}

describe('tridiagonalize', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [10, 4],
    [60, 5],
    [150, 6],
  ])('m = %i: Q·T·Qᵀ = A and QᵀQ = I to a few m·ε', (m, seed) => {
    const A = gram(seed, m);
    const copy = Float64Array.from(A);
    const { residual, orthogonality } = check(A, m);
    expect(A).toEqual(copy); // not modified
    // measured: residuals and orthogonality ≤ 0.25 in these units; 10 leaves a wide margin
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
  });

  it('rank-deficient and badly scaled (columns over 1e-3 … 1e3): still backward stable', () => {
    const m = 40;
    const { residual, orthogonality } = check(gram(7, m, 15, (j) => 10 ** (-3 + (6 * j) / (m - 1))), m);
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
  });

  it('indefinite 3×3: T keeps the trace and the determinant (a similarity)', () => {
    const A = Float64Array.of(2, -1, 3, -1, 0, 4, 3, 4, -5);
    const { diagonal: d, offDiagonal: e, residual } = check(A, 3);
    expect(residual).toBeLessThan(10);
    // trace −3; det 2(0·(−5) − 16) + 1·(5 − 12) + 3(−4 − 0) = −51, and for T the recurrence
    // det = d₀·(d₁d₂ − e₁²) − e₀²·d₂
    expect(d[0] + d[1] + d[2]).toBeCloseTo(-3, 13);
    expect(d[0] * (d[1] * d[2] - e[1] * e[1]) - e[0] * e[0] * d[2]).toBeCloseTo(-51, 12);
  });

  it('diagonal: every reflector is skipped (β = 0), so T = A and Q = I exactly', () => {
    const { diagonal, offDiagonal, Q } = tridiagonalize(Float64Array.of(3, 0, 0, 0, -1, 0, 0, 0, 3), 3);
    expect(Array.from(diagonal)).toEqual([3, -1, 3]);
    expect(Array.from(offDiagonal)).toEqual([0, 0, 0]);
    expect(Array.from(Q)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('a zero row and column (a zero-weight sample in RidgeCV\'s dual) and two blocks', () => {
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
    const { residual, orthogonality } = check(T, m);
    expect(residual).toBeLessThan(10);
    expect(orthogonality).toBeLessThan(10);
  });
});

describe('shifted tridiagonal solves', () => {
  it('(A + s·I)⁻¹·b = Q·(T + s·I)⁻¹·Qᵀ·b, against a Cholesky solve of A + s·I, for several shifts', () => {
    const m = 30;
    const A = gram(11, m);
    const { Q, ...T } = tridiagonalize(A, m);
    const r = rng(12);
    const b = Float64Array.from({ length: m }, () => r.normal());
    const qtb = Float64Array.from({ length: m }, (_, k) => {
      let s = 0;
      for (let i = 0; i < m; i++) s += Q[k * m + i] * b[i];
      return s;
    });
    for (const shift of [1e-3, 1, 100]) {
      const factor = factorShiftedTridiagonal({ ...T, Q }, shift);
      expect(factor).toBeDefined();
      const y = solveFactoredTridiagonal(factor!, qtb);
      const x = Float64Array.from({ length: m }, (_, i) => {
        let s = 0;
        for (let k = 0; k < m; k++) s += Q[k * m + i] * y[k];
        return s;
      });
      // Cholesky of the equilibrated A + s·I (unit diagonal), then scaled back
      const scale = Float64Array.from({ length: m }, (_, i) => Math.sqrt(A[i * m + i] + shift));
      const S = Float64Array.from({ length: m * m }, (_, ij) => (A[ij] + (ij % (m + 1) === 0 ? shift : 0)) / (scale[Math.floor(ij / m)] * scale[ij % m]));
      const L = cholesky(S, m, 0)!;
      const z = choleskySolve(L, m, Float64Array.from(b, (v, i) => v / scale[i]));
      const expected = Array.from(z, (v, i) => v / scale[i]);
      // both backward stable: they agree to ~cond(A + s·I)·ε (measured ≤ 1.3e-13 of max|x|, at shift 1e-3)
      expectClose(x, expected, { rtol: 1e-10, atol: 1e-10 * largestEntry(expected) }, `shift ${shift}`);
    }
  });

  it('a pivot ≤ floor: undefined (indefinite, or singular to the given level)', () => {
    // T = [[1, 2], [2, 1]] has eigenvalues −1 and 3
    const T = { diagonal: Float64Array.of(1, 1), offDiagonal: Float64Array.of(2, 0), Q: new Float64Array(4) };
    expect(factorShiftedTridiagonal(T, 0)).toBeUndefined();
    expect(factorShiftedTridiagonal(T, 0.5)).toBeUndefined();
    // shift 1 + 1e-9: the smallest eigenvalue is 1e-9, and so is a pivot's lower bound
    expect(factorShiftedTridiagonal(T, 1 + 1e-9)).toBeDefined();
    expect(factorShiftedTridiagonal(T, 1 + 1e-9, 1e-6)).toBeUndefined();
    const factor = factorShiftedTridiagonal(T, 2)!;
    // T + 2I = [[3, 2], [2, 3]]: x = (1, 1)/5 for b = (1, 1)
    expectClose(solveFactoredTridiagonal(factor, Float64Array.of(1, 1)), [0.2, 0.2], { rtol: 1e-15, atol: 0 }, 'x');
  });
});
