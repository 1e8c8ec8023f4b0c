/**
 * The conversion into the engine's layout, against a plain computation. `toDesign` copies
 * X eight rows at a time and centers each column with two accumulators (see
 * src/data/design.ts): the shapes below reach every remainder (rows left over after the
 * blocks of eight, an odd column length), and one column sits at 1e8 ± 1, where the first
 * mean's rounding error is corrected by a second pass.
 *
 * Tolerances: the plain sums below and the engine's round differently, by at most a few
 * ε times Σ|terms|. Means and centered values are compared to 1e-13 of the column's
 * scale (its largest |x|), squared norms to 1e-12 relative; the centered column sums to
 * 1e-13·n times its spread, which a missing or wrong correction misses by orders of
 * magnitude at 1e8 ± 1.
 */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';

let seed = 3;
const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

function matrix(n: number, p: number): number[][] {
  return Array.from({ length: n }, () =>
    Array.from({ length: p }, (_, j) => (j === 1 ? 1e8 + (uniform() - 0.5) : j === 2 ? 3 * uniform() : uniform() - 0.5)),
  );
}

describe('toDesign: the column-major copy, the means and the squared norms', () => {
  for (const n of [1, 2, 7, 8, 9, 17, 1001]) {
    for (const [label, weighted, center] of [
      ['centered', false, true],
      ['weighted, centered', true, true],
      ['not centered', false, false],
    ] as const) {
      it(`${n} rows × 3 columns, ${label}`, () => {
        const X = matrix(n, 3);
        const copy = X.map((row) => row.slice());
        const weights = weighted ? Array.from({ length: n }, (_, i) => 0.5 + (i % 3)) : undefined;
        const design = toDesign(X, { center, weights });
        expect(X).toEqual(copy); // the caller's rows are not touched
        expect(design.nSamples).toBe(n);
        expect(design.nFeatures).toBe(3);
        for (let j = 0; j < 3; j++) {
          const column = X.map((row) => row[j]);
          const scale = Math.max(...column.map(Math.abs));
          const w = weights ?? column.map(() => 1);
          const total = w.reduce((a, v) => a + v, 0);
          const mean = center ? column.reduce((a, v, i) => a + w[i] * v, 0) / total : 0;
          expect(Math.abs(design.columnMeans[j] - mean)).toBeLessThanOrEqual(1e-13 * scale);
          let squares = 0;
          let centeredSum = 0;
          for (let i = 0; i < n; i++) {
            const v = design.values[j * n + i];
            expect(Math.abs(v - (column[i] - mean))).toBeLessThanOrEqual(1e-13 * scale);
            squares += v * v;
            centeredSum += w[i] * v;
          }
          expect(Math.abs(design.columnSquaredNorms[j] - squares)).toBeLessThanOrEqual(1e-12 * squares);
          if (center && n > 1) {
            const spread = Math.sqrt(squares / n);
            expect(Math.abs(centeredSum)).toBeLessThanOrEqual(1e-13 * n * spread);
          }
        }
      });
    }
  }
});
