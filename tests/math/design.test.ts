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
import { Matrix, MatrixTransposeView, WrapperMatrix1D, WrapperMatrix2D } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { designOfRows, releaseDesign, toDesign, type Design } from '../../src/data/design.js';
import { Lasso } from '../../src/index.js';

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

/**
 * A finished fit hands its copy of X back (`releaseDesign`) for the next conversion of the
 * same size in the same synchronous run, which skips the page faults of a fresh buffer.
 * The reused buffer must come back fully overwritten, and never while something still
 * reads it. Exact equality throughout: the conversion does the same arithmetic whatever
 * the buffer held before, so any stale entry or early release shows as a changed bit.
 */
describe('toDesign: reusing the copy a finished fit released', () => {
  const afterThisRun = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('the next conversion of the same size reuses the buffer, every entry overwritten', async () => {
    const first = matrix(17, 3);
    const second = matrix(17, 3);
    const fresh = Array.from(toDesign(second, { center: true }).values);
    await afterThisRun();
    const released = toDesign(first, { center: true });
    releaseDesign(released);
    const reused = toDesign(second, { center: true });
    expect(reused.values).toBe(released.values);
    expect(Array.from(reused.values)).toEqual(fresh);
  });

  it('a conversion of another size allocates, and the spare is dropped when the run ends', async () => {
    const released = toDesign(matrix(17, 3), { center: true });
    releaseDesign(released);
    expect(toDesign(matrix(16, 3), { center: true }).values).not.toBe(released.values);
    // the other size took the spare out of reach: the same size after it allocates too
    expect(toDesign(matrix(17, 3), { center: true }).values).not.toBe(released.values);
    const later = toDesign(matrix(17, 3), { center: true });
    releaseDesign(later);
    await afterThisRun();
    expect(toDesign(matrix(17, 3), { center: true }).values).not.toBe(later.values);
  });

  it('fits in one run give the coefficients each gives alone, and leave earlier models as they were', async () => {
    const Xa = matrix(40, 6);
    const Xb = matrix(40, 6);
    const y = Array.from({ length: 40 }, (_, i) => Math.sin(i) + Xa[i][0]);
    const alone = async (X: number[][]) => {
      await afterThisRun();
      const m = new Lasso({ alpha: 0.01, tol: 1e-12 }).fit(X, y);
      return { coef: Array.from(m.coef), intercept: m.intercept, prediction: Array.from(m.predict(Xa)) };
    };
    const a = await alone(Xa);
    const b = await alone(Xb);
    await afterThisRun();
    const ma = new Lasso({ alpha: 0.01, tol: 1e-12 }).fit(Xa, y);
    const mb = new Lasso({ alpha: 0.01, tol: 1e-12 }).fit(Xb, y); // reuses ma's copy of X
    const ma2 = new Lasso({ alpha: 0.01, tol: 1e-12 }).fit(Xa, y); // reuses mb's
    expect(Array.from(mb.coef)).toEqual(b.coef);
    expect(mb.intercept).toBe(b.intercept);
    expect(Array.from(ma2.coef)).toEqual(a.coef);
    expect(Array.from(ma.coef)).toEqual(a.coef);
    expect(Array.from(ma.predict(Xa))).toEqual(a.prediction);
  });

  it('a fit started inside another fit (from onIteration) does not take the outer fit’s copy', async () => {
    const X = matrix(40, 6);
    const other = matrix(40, 6);
    const y = Array.from({ length: 40 }, (_, i) => Math.cos(i) + 2 * X[i][3]);
    await afterThisRun();
    const plain = new Lasso({ alpha: 0.005, tol: 1e-12 }).fit(X, y);
    await afterThisRun();
    // a spare of the same size is waiting, the outer fit takes it; each inner fit releases
    // its own copy, which the next inner fit reuses, while the outer one keeps reading its own
    releaseDesign(toDesign(other, { center: true }));
    let inner = 0;
    const nested = new Lasso({ alpha: 0.005, tol: 1e-12 }).fit(X, y, {
      onIteration: () => {
        inner++;
        new Lasso({ alpha: 0.05 }).fit(other, y);
      },
    });
    expect(inner).toBeGreaterThan(1);
    expect(Array.from(nested.coef)).toEqual(Array.from(plain.coef));
    expect(nested.intercept).toBe(plain.intercept);
    expect(nested.nIter).toBe(plain.nIter);
  });
});

/**
 * Cross-validation converts each fold from the full (uncentered) copy with
 * `designOfRows`, gathering columns instead of reading rows. It promises the same design,
 * bit for bit, as `toDesign` on those rows of the caller's arrays: exact equality.
 */
describe('designOfRows: a fold of a converted design equals converting those rows', () => {
  for (const [n, label, weighted, center, pick] of [
    [1001, 'every third row, centered', false, true, (i: number) => i % 3 === 0],
    [1001, 'rows not in the fold, weighted, centered', true, true, (i: number) => i % 5 !== 2],
    [17, 'the first 9 rows (one block of eight and one row), not centered', false, false, (i: number) => i < 9],
    [40, 'every row, weighted, centered', true, true, () => true],
  ] as const) {
    it(`${n} rows × 3 columns, ${label}`, () => {
      const X = matrix(n, 3);
      const weights = Array.from({ length: n }, (_, i) => 0.5 + (i % 3));
      const rows = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter(pick));
      const raw = toDesign(X, { center: false });
      const fold = designOfRows(raw, rows, { center, weights: weighted ? Float64Array.from(rows, (i) => weights[i]) : undefined });
      const direct = toDesign(Array.from(rows, (i) => X[i]), { center, weights: weighted ? Array.from(rows, (i) => weights[i]) : undefined });
      expect(fold.nSamples).toBe(rows.length);
      expect(Array.from(fold.values)).toEqual(Array.from(direct.values));
      expect(Array.from(fold.columnMeans)).toEqual(Array.from(direct.columnMeans));
      expect(Array.from(fold.columnSquaredNorms)).toEqual(Array.from(direct.columnSquaredNorms));
      expect(fold.centered).toBe(direct.centered);
      expect(fold.sampleWeights && Array.from(fold.sampleWeights)).toEqual(direct.sampleWeights && Array.from(direct.sampleWeights));
    });
  }
});

/**
 * An ml-matrix `Matrix` keeps its rows in `data` (`get(i, j)` is `data[i][j]`), and
 * `toDesign` reads them in place; other ml-matrix shapes (views, a 1-D wrapper) go through
 * `get`. Either way the design must be the one of the same rows as `number[][]`, bit for
 * bit: exact equality.
 */
describe('toDesign from ml-matrix: rows read in place, or through get', () => {
  const same = (a: Design, b: Design) => {
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(Array.from(a.columnMeans)).toEqual(Array.from(b.columnMeans));
    expect(Array.from(a.columnSquaredNorms)).toEqual(Array.from(b.columnSquaredNorms));
  };
  const X = matrix(19, 4);

  it('a Matrix, a WrapperMatrix2D and a transpose view give the design of the same number[][]', () => {
    const direct = toDesign(X, { center: true });
    same(toDesign(new Matrix(X), { center: true }), direct);
    same(toDesign(new WrapperMatrix2D(X), { center: true }), direct);
    const transposed = new Matrix(X).transpose();
    same(toDesign(new MatrixTransposeView(transposed), { center: true }), direct);
  });

  it('rows held in data are read without a get call per value', () => {
    const data = X.map((row) => Float64Array.from(row));
    const fake = { klass: 'Matrix', rows: 19, columns: 4, data, get: () => { throw new Error('get was called'); } };
    same(toDesign(fake, { center: true }), toDesign(X, { center: true }));
  });

  it('data that is not the rows (wrong count, a short row, a flat array) falls back to get', () => {
    let calls = 0;
    const get = (i: number, j: number) => (calls++, X[i][j]);
    const direct = toDesign(X, { center: true });
    for (const data of [X.slice(1), X.map((row, i) => (i === 7 ? row.slice(1) : row)), X.map((row) => row[0]), undefined]) {
      calls = 0;
      same(toDesign({ klass: 'Matrix', rows: 19, columns: 4, data, get }, { center: true }), direct);
      expect(calls).toBeGreaterThanOrEqual(19 * 4);
    }
    // a one-column WrapperMatrix1D has as many entries in data as rows, but they are numbers
    const column = X.map((row) => row[1]);
    same(toDesign(new WrapperMatrix1D(column, { rows: 19 }), { center: true }), toDesign(column.map((v) => [v]), { center: true }));
  });

  it('a bad cell in the rows of a Matrix is named as X[i][j]', () => {
    const m = new Matrix(X);
    m.set(11, 3, Infinity);
    expect(() => toDesign(m, { center: true })).toThrow('X[11][3] is Infinity');
  });
});
