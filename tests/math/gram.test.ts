/** The blocked, register-tiled Gram kernels against the plain triple loop. */
import { describe, expect, it } from 'vitest';
import { gramMatrix, outerGramMatrix, shiftedGramOfRows } from '../../src/linalg/gram.js';
import { rng } from '../helpers/fixtures.js';

const UNIT_ROUNDOFF = 2 ** -53;
/** γₘ = m·u/(1 − m·u): the relative bound on a sum of m rounded products (Higham, §3.1). */
const gamma = (m: number) => (m * UNIT_ROUNDOFF) / (1 - m * UNIT_ROUNDOFF);

/** Column-major n×p values, standard normal. */
function columnMajor(seed: number, n: number, p: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n * p }, () => r.normal());
}

/**
 * Each entry of `actual` against the plain left-to-right sum of `terms(j, k)`. Both
 * sums are within γₘ·Σ|terms| of the exact value whatever their order (m terms, each a
 * product of up to `factors` rounded factors), so they may differ by twice that: a
 * missing, doubled or misplaced term is far larger. Also checks exact symmetry.
 */
function expectGram(actual: Float64Array, size: number, count: number, factors: number, term: (j: number, k: number, i: number) => number): void {
  expect(actual.length).toBe(size * size);
  let nonzero = 0;
  const failures: string[] = [];
  for (let j = 0; j < size; j++) {
    for (let k = 0; k < size; k++) {
      let sum = 0;
      let magnitude = 0;
      for (let i = 0; i < count; i++) {
        const t = term(j, k, i);
        sum += t;
        magnitude += Math.abs(t);
      }
      const bound = 2 * gamma(count + factors) * magnitude;
      const error = Math.abs(actual[j * size + k] - sum);
      if (!(error <= bound)) failures.push(`(${j}, ${k}): ${actual[j * size + k]} vs ${sum}, error ${error} > ${bound}`);
      if (actual[j * size + k] !== actual[k * size + j]) failures.push(`(${j}, ${k}) differs from (${k}, ${j})`);
      if (sum !== 0) nonzero++;
    }
  }
  expect(failures.slice(0, 5)).toEqual([]);
  expect(nonzero).toBeGreaterThan(0); // not a trivial pass on all-zero data
}

// shapes below, at and across the 3×3 tile and the 128-row block, with ragged edges
const shapes: [number, number][] = [
  [1, 1],
  [2, 2],
  [7, 3],
  [9, 6],
  [33, 17],
  [5, 40],
  [128, 4],
  [300, 5],
  [257, 11],
];

describe('gramMatrix: XᵀWX', () => {
  for (const [n, p] of shapes) {
    it(`${n}×${p}, unweighted`, () => {
      const X = columnMajor(n * 1000 + p, n, p);
      expectGram(gramMatrix(X, n, p), p, n, 1, (j, k, i) => X[j * n + i] * X[k * n + i]);
    });

    it(`${n}×${p}, weighted (some weights zero)`, () => {
      const X = columnMajor(n * 1000 + p + 1, n, p);
      const r = rng(n + p);
      const w = Float64Array.from({ length: n }, (_, i) => (i % 5 === 3 ? 0 : 0.1 + 3 * r.uniform()));
      expectGram(gramMatrix(X, n, p, w), p, n, 2, (j, k, i) => w[i] * X[j * n + i] * X[k * n + i]);
    });
  }

  it('unit weights give the unweighted result exactly', () => {
    // W·X with W = I is X itself, so the same sums are formed in the same order
    const [n, p] = [300, 7];
    const X = columnMajor(5, n, p);
    expect(Array.from(gramMatrix(X, n, p, new Float64Array(n).fill(1)))).toEqual(Array.from(gramMatrix(X, n, p)));
  });
});

describe('outerGramMatrix: XXᵀ', () => {
  for (const [n, p] of [...shapes, [3, 300] as [number, number]]) {
    it(`${n}×${p}`, () => {
      const X = columnMajor(n * 1000 + p + 2, n, p);
      expectGram(outerGramMatrix(X, n, p), n, p, 1, (i, k, j) => X[j * n + i] * X[j * n + k]);
    });
  }
});

describe('shiftedGramOfRows: ZᵀWZ for Z = [X − μ, y − μ_y, 1] over some rows', () => {
  for (const [n, p] of shapes) {
    for (const weighted of [false, true]) {
      it(`${n}×${p}, every other row${weighted ? ', weighted' : ''}`, () => {
        const X = columnMajor(n * 1000 + p + 3, n, p);
        const r = rng(n + p + 7);
        const y = Float64Array.from({ length: n }, () => 5 + r.normal());
        const shift = Float64Array.from({ length: p + 1 }, (_, j) => (j < p ? r.normal() : 5));
        const w = weighted ? Float64Array.from({ length: n }, (_, i) => (i % 5 === 3 ? 0 : 0.1 + 3 * r.uniform())) : undefined;
        // rows out of order and not contiguous: the kernel gathers them
        const rows = Int32Array.from({ length: Math.ceil(n / 2) }, (_, i) => (n - 1 - 2 * i + n) % n);
        const z = (c: number, i: number) => (c < p ? X[c * n + rows[i]] - shift[c] : c === p ? y[rows[i]] - shift[p] : 1);
        // the shifted entries are rounded once, then weighted and multiplied: 4 rounded factors
        expectGram(shiftedGramOfRows(X, n, p, y, rows, shift, w), p + 2, rows.length, 4, (j, k, i) => (w ? w[rows[i]] : 1) * z(j, i) * z(k, i));
      });
    }
  }
});
