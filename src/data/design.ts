/**
 * The data boundary: everything a user passes in is validated here, once, and
 * converted to the layout the engine works on. Nothing the caller passed is mutated.
 *
 * The engine's layout is a {@link Design}: one column-major `Float64Array` (column j
 * is `values[j*n .. (j+1)*n)`), because coordinate descent reads whole columns.
 *
 * @module
 */
import { DataError, describe } from '../errors.js';
import { dotColumn } from '../linalg/kernels.js';

/** What `fit` and `predict` accept as X. */
export type MatrixLike = ReadonlyArray<ReadonlyArray<number>> | ReadonlyArray<Float64Array> | MlMatrixLike;

/**
 * The part of an ml-matrix `Matrix` we read. Detected by its `klass` tag (as ml-matrix
 * itself does), never by `instanceof`, so any copy of ml-matrix works and importing
 * `Lasso` does not pull ml-matrix into a bundle.
 */
export interface MlMatrixLike {
  /** `'Matrix'` for an ml-matrix `Matrix`. */
  readonly klass: string;
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly columns: number;
  /** The entry at (row, column). */
  get(row: number, column: number): number;
  /**
   * ml-matrix's `Matrix` (and `WrapperMatrix2D`) keep their rows here: `get(i, j)` is
   * `data[i][j]`. When `data` holds `rows` rows of `columns` values each, they are read
   * directly; otherwise (views, `WrapperMatrix1D`) every entry is read through `get`.
   */
  readonly data?: unknown;
}

/** Design matrix in the engine's layout. */
export interface Design {
  /** Number of rows n. */
  readonly nSamples: number;
  /** Number of columns p. */
  readonly nFeatures: number;
  /** Column-major values: column j occupies `[j*nSamples, (j+1)*nSamples)`. */
  readonly values: Float64Array;
  /** Means subtracted from each column (all zero when `centered` is false). */
  readonly columnMeans: Float64Array;
  /** Whether columns were centered (done when an intercept is fitted). */
  readonly centered: boolean;
  /** Squared Euclidean norm of each stored column. */
  readonly columnSquaredNorms: Float64Array;
  /** Validated per-sample weights, when the caller gave them. */
  readonly sampleWeights?: Float64Array;
}

/** A row of X: an array or a typed array (not a DataView). */
function isRow(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function isMlMatrix(value: unknown): value is MlMatrixLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { klass?: unknown }).klass === 'Matrix' &&
    typeof (value as MlMatrixLike).get === 'function'
  );
}

const SHAPE_HELP = 'pass X as number[][], an array of Float64Array rows, or an ml-matrix Matrix';

function cellError(name: string, i: number, j: number, cell: unknown): DataError {
  const hint = typeof cell === 'number' ? ' (remove or impute missing values first)' : typeof cell === 'string' ? ' (convert numeric strings with Number() first)' : '';
  return new DataError('INVALID_DATA', `${name}[${i}][${j}] is ${describe(cell)}; every entry of ${name} must be a finite number${hint}.`);
}

/**
 * Validates X and returns its shape with a reader for row i. Used by both `fit`
 * (which converts to a {@link Design}) and `predict`.
 */
function inspect(X: unknown, name: string): { n: number; p: number; matrix?: MlMatrixLike; rows?: ArrayLike<unknown>[] } {
  if (isMlMatrix(X)) {
    const n = X.rows;
    const p = X.columns;
    if (n === 0) throw new DataError('INVALID_DATA', `${name} has no rows; at least one sample is needed.`);
    if (p === 0) throw new DataError('INVALID_DATA', `${name} has no columns; at least one feature is needed.`);
    if (!Number.isSafeInteger(n) || !Number.isSafeInteger(p) || n < 0 || p < 0) {
      throw new DataError('INVALID_DATA', `${name} looks like an ml-matrix Matrix but has ${describe(n)} rows and ${describe(p)} columns; both must be non-negative integers.`);
    }
    const rows = rowsOfMatrix(X, n, p);
    return rows ? { n, p, rows } : { n, p, matrix: X };
  }
  if (!Array.isArray(X)) {
    throw new DataError('INVALID_DATA', `${name} must be a 2-D array; received ${describe(X)}. ${capitalize(SHAPE_HELP)}.`);
  }
  const n = X.length;
  if (n === 0) throw new DataError('INVALID_DATA', `${name} has no rows; at least one sample is needed.`);
  let p = -1;
  for (let i = 0; i < n; i++) {
    if (!(i in X)) {
      throw new DataError('INVALID_DATA', `${name}[${i}] is missing (a hole in the array); every row must be present.`);
    }
    const row: unknown = X[i];
    if (!isRow(row)) {
      throw new DataError('INVALID_DATA', `${name}[${i}] is ${describe(row)}, not a row of numbers; ${SHAPE_HELP}.`);
    }
    const len = row.length;
    if (p === -1) {
      p = len;
      if (p === 0) {
        throw new DataError('INVALID_DATA', `${name} has rows with no values (0 features); each row needs at least one feature.`);
      }
    } else if (len !== p) {
      throw new DataError(
        'INVALID_DATA',
        `${name} is ragged: row 0 has ${p} values but row ${i} has ${len}; every row must have the same number of features.`,
      );
    }
  }
  return { n, p, rows: X as ArrayLike<unknown>[] };
}

/**
 * The rows an ml-matrix `Matrix` stores in `data`, when they are exactly its `rows` rows
 * of `columns` values (arrays or typed arrays), else `undefined`. Reading them in place
 * is what `get` does, without a call per value: 5000×200 and 5000×500 convert 2.3–2.7×
 * faster than through `get` (500×10000, where the new copy's page faults weigh more: 1.7×).
 */
function rowsOfMatrix(X: MlMatrixLike, n: number, p: number): ArrayLike<unknown>[] | undefined {
  const data = X.data;
  if (!Array.isArray(data) || data.length !== n) return undefined;
  for (let i = 0; i < n; i++) {
    const row: unknown = data[i];
    if (!isRow(row) || row.length !== p) return undefined;
  }
  return data as ArrayLike<unknown>[];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The copy of X of a fit that has finished with it, offered to the next conversion of the
 * same size. A fresh n×p buffer costs a page fault per 4 KB when first written (measured
 * per fit: 500×10000, 20000×500 ~30 ms, a third of the fit); repeated fits in one run of
 * the caller's code (cross-validation, bootstraps, a benchmark loop) skip that. Only the
 * last released copy is kept, and a microtask drops it, so nothing stays held once the
 * caller's synchronous code returns.
 */
let spare: Float64Array | undefined;
let dropScheduled = false;

/**
 * @internal Hands a design's values back for reuse by the next conversion of the same
 * size. Only for the code that created the design with {@link toDesign} and holds the
 * last reference to it: its values are overwritten by the next conversion.
 */
export function releaseDesign(design: Design): void {
  spare = design.values;
  if (dropScheduled) return;
  dropScheduled = true;
  void Promise.resolve().then(() => {
    spare = undefined;
    dropScheduled = false;
  });
}

/**
 * The n×p engine copy, the released {@link spare} when it has that size (every entry is
 * overwritten by the conversion); an impossible size (a fake Matrix claiming 1e10 rows) is
 * a typed error.
 */
function allocate(n: number, p: number, name: string): Float64Array {
  const reused = spare;
  spare = undefined;
  if (reused && reused.length === n * p) return reused;
  try {
    return new Float64Array(n * p);
  } catch {
    throw new DataError('INVALID_DATA', `${name} has ${n} × ${p} values, more than one Float64Array can hold; pass fewer rows or features.`);
  }
}

/**
 * A column whose sum of squares overflows float64 (entries beyond ~1e154) or underflows
 * below the normal range (all entries under ~1e-154, not all equal) cannot be fitted:
 * every solver needs ‖xⱼ‖², and without it returns NaN, Infinity or a silent 0. Name the
 * column and its largest entry instead.
 */
function scaleError(name: string, n: number, j: number, cell: (i: number, j: number) => number, large: boolean): DataError {
  let row = 0;
  for (let i = 1; i < n; i++) if (Math.abs(cell(i, j)) > Math.abs(cell(row, j))) row = i;
  return new DataError(
    'INVALID_DATA',
    `column ${j} of ${name} is too ${large ? 'large: its sum of squares overflows' : 'small: its sum of squares underflows'} (${name}[${row}][${j}] is ${cell(row, j)}); ` +
      `rescale that column to entries between 1e-150 and 1e150.`,
  );
}

/**
 * Copies `rows[0..count)`, rows `first`… of X, validated, into the column-major `values`
 * and adds each column's sum to `sums`. Eight rows at a time: each visit to column j then
 * writes eight consecutive values, one cache line, and adds one partial sum (measured
 * 1.7–1.9× faster than 16×1024 tiles, at 20000×500 and 500×10000). The rows are indexed
 * in the array itself, not fetched through a callback: 1.4–1.7× faster at 5000×200 and
 * 20000×200 (for larger X the page faults of the new array hide the difference).
 */
function copyRows(rows: ArrayLike<ArrayLike<unknown>>, first: number, count: number, n: number, p: number, values: Float64Array, sums: Float64Array, name: string): void {
  let k = 0;
  for (; k + 8 <= count; k += 8) copyEightRows(rows, k, first, n, p, values, sums, name);
  for (; k < count; k++) {
    const row = rows[k];
    const i = first + k;
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (typeof v !== 'number' || v - v !== 0) throw cellError(name, i, j, v);
      values[j * n + i] = v;
      sums[j] += v;
    }
  }
}

/**
 * Rows k…k+7 of `rows` (rows first+k… of X) into `values`, as {@link copyRows} describes.
 * A function of its own, called n/8 times per fit: V8 optimizes it within the first fit
 * (a loop in a function called once per fit waits for on-stack replacement every fit).
 */
function copyEightRows(rows: ArrayLike<ArrayLike<unknown>>, k: number, first: number, n: number, p: number, values: Float64Array, sums: Float64Array, name: string): void {
  const i0 = first + k;
  const r0 = rows[k], r1 = rows[k + 1], r2 = rows[k + 2], r3 = rows[k + 3];
  const r4 = rows[k + 4], r5 = rows[k + 5], r6 = rows[k + 6], r7 = rows[k + 7];
  for (let j = 0; j < p; j++) {
    const v0 = r0[j], v1 = r1[j], v2 = r2[j], v3 = r3[j], v4 = r4[j], v5 = r5[j], v6 = r6[j], v7 = r7[j];
    if (
      typeof v0 !== 'number' || typeof v1 !== 'number' || typeof v2 !== 'number' || typeof v3 !== 'number' ||
      typeof v4 !== 'number' || typeof v5 !== 'number' || typeof v6 !== 'number' || typeof v7 !== 'number'
    ) {
      throw firstBadCell([r0, r1, r2, r3, r4, r5, r6, r7], i0, p, name)!;
    }
    const s = v0 + v1 + (v2 + v3) + (v4 + v5 + (v6 + v7));
    // s − s is 0 exactly when s is finite: otherwise one of the eight is NaN or ±∞, or
    // huge finite values overflowed the sum (then there is no bad cell, and the column's
    // scale check below reports it)
    if (s - s !== 0) {
      const bad = firstBadCell([r0, r1, r2, r3, r4, r5, r6, r7], i0, p, name);
      if (bad) throw bad;
    }
    const o = j * n + i0;
    values[o] = v0;
    values[o + 1] = v1;
    values[o + 2] = v2;
    values[o + 3] = v3;
    values[o + 4] = v4;
    values[o + 5] = v5;
    values[o + 6] = v6;
    values[o + 7] = v7;
    sums[j] += s;
  }
}

/** The error for the first cell, in row-major order, of `block` (rows `first`, `first` + 1, …) that is not a finite number. */
function firstBadCell(block: ArrayLike<unknown>[], first: number, p: number, name: string): DataError | undefined {
  for (let k = 0; k < block.length; k++) {
    for (let j = 0; j < p; j++) {
      const v = block[k][j];
      // v - v !== 0 is true exactly for NaN and ±Infinity; a fast finiteness test
      if (typeof v !== 'number' || v - v !== 0) return cellError(name, first + k, j, v);
    }
  }
  return undefined;
}

/** Σᵢ swᵢ·vᵢ of the column {@link shiftColumn} last shifted (a second result, without allocating). */
let shiftedSum = 0;

/**
 * Subtracts `shift` from the column at `off` in place; returns the sum of squares of the
 * result and sets {@link shiftedSum}. Measured at 20000×200, per fit: this loop inline in
 * `toDesign` took 13 ms, 6–16 ms at 5000×200. A function called once per fit waits for
 * on-stack replacement every fit (and after each GC), while one called per column is
 * optimized within the first fit; the weighted case has its own loop because a
 * `weights ?` test inside this one cost 2×; two accumulators halve the add latency
 * chain (6–10 → 4.6 ms). Together: 13 → 4.6 ms.
 */
function shiftColumn(values: Float64Array, off: number, n: number, shift: number, weights: Float64Array | undefined): number {
  if (weights) return shiftColumnWeighted(values, off, n, shift, weights);
  let q0 = 0, q1 = 0, t0 = 0, t1 = 0;
  const end = off + n;
  let i = off;
  for (; i + 2 <= end; i += 2) {
    const x = values[i] - shift, y = values[i + 1] - shift;
    values[i] = x;
    values[i + 1] = y;
    t0 += x;
    t1 += y;
    q0 += x * x;
    q1 += y * y;
  }
  if (i < end) {
    const x = values[i] - shift;
    values[i] = x;
    t0 += x;
    q0 += x * x;
  }
  shiftedSum = t0 + t1;
  return q0 + q1;
}

/** {@link shiftColumn} with sample weights: {@link shiftedSum} is Σᵢ swᵢ·vᵢ. */
function shiftColumnWeighted(values: Float64Array, off: number, n: number, shift: number, weights: Float64Array): number {
  let sq = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[off + i] - shift;
    values[off + i] = v;
    total += weights[i] * v;
    sq += v * v;
  }
  shiftedSum = total;
  return sq;
}

/**
 * Validates X and copies it into the engine's column-major layout. With `center`,
 * each column's mean is subtracted (two-pass, for accuracy) and kept in `columnMeans`.
 */
export function toDesign(X: unknown, options: { center: boolean; name?: string; weights?: unknown }): Design {
  const name = options.name ?? 'X';
  const { n, p, matrix, rows } = inspect(X, name);
  // with sample weights the columns are centered on their weighted means, which is what
  // makes the intercept separate exactly from w for a weighted squared loss
  const weights = options.weights === undefined ? undefined : toSampleWeights(options.weights, n);
  const values = allocate(n, p, name);
  const sums = new Float64Array(p);
  if (matrix) {
    // read eight rows at a time into scratch rows, so the copy (and its rounding) is the
    // same as for arrays of rows
    const scratch = Array.from({ length: 8 }, () => new Array<unknown>(p));
    for (let i0 = 0; i0 < n; i0 += 8) {
      const count = Math.min(8, n - i0);
      for (let k = 0; k < count; k++) for (let j = 0; j < p; j++) scratch[k][j] = matrix.get(i0 + k, j);
      copyRows(scratch, i0, count, n, p, values, sums, name);
    }
  } else {
    copyRows(rows!, 0, n, n, p, values, sums, name);
  }
  return finishDesign(values, sums, n, p, options.center, weights, name, (i, k) => (matrix ? matrix.get(i, k) : (rows![i][k] as number)));
}

/**
 * The rows `rows` of an uncentered design (already validated: a cross-validation fold) as
 * a design of their own, centered as {@link toDesign} centers them: the same values,
 * means and norms, bit for bit, as `toDesign` on those rows. Gathered column by column
 * from the column-major copy, where reading it row by row, as `toDesign` reads its input,
 * touched a new cache line per value (a 16000×500 fold: ~200 ms).
 */
export function designOfRows(raw: Design, rows: Int32Array, options: { center: boolean; weights?: Float64Array; name?: string }): Design {
  const name = options.name ?? 'X';
  const n = rows.length;
  const p = raw.nFeatures;
  const weights = options.weights === undefined ? undefined : toSampleWeights(options.weights, n);
  const values = allocate(n, p, name);
  const sums = new Float64Array(p);
  for (let j = 0; j < p; j++) sums[j] = gatherColumn(raw.values, j * raw.nSamples, rows, values, j * n);
  return finishDesign(values, sums, n, p, options.center, weights, name, (i, k) => raw.values[k * raw.nSamples + rows[i]]);
}

/**
 * out[outOffset + k] = values[offset + rows[k]]; returns their sum, added in the order of
 * {@link copyRows} (eight rows' sum at a time, then the rest one by one) so that the
 * means round exactly as they do when converting those rows from arrays. Unrolled like
 * {@link copyEightRows}: a plain gather loop followed by the blocked sum measured ~25 ms
 * slower per 16000×500 fold.
 */
function gatherColumn(values: Float64Array, offset: number, rows: Int32Array, out: Float64Array, outOffset: number): number {
  const n = rows.length;
  let sum = 0;
  let k = 0;
  for (; k + 8 <= n; k += 8) {
    const v0 = values[offset + rows[k]], v1 = values[offset + rows[k + 1]], v2 = values[offset + rows[k + 2]], v3 = values[offset + rows[k + 3]];
    const v4 = values[offset + rows[k + 4]], v5 = values[offset + rows[k + 5]], v6 = values[offset + rows[k + 6]], v7 = values[offset + rows[k + 7]];
    const o = outOffset + k;
    out[o] = v0;
    out[o + 1] = v1;
    out[o + 2] = v2;
    out[o + 3] = v3;
    out[o + 4] = v4;
    out[o + 5] = v5;
    out[o + 6] = v6;
    out[o + 7] = v7;
    sum += v0 + v1 + (v2 + v3) + (v4 + v5 + (v6 + v7));
  }
  for (; k < n; k++) {
    const v = values[offset + rows[k]];
    out[outOffset + k] = v;
    sum += v;
  }
  return sum;
}

/**
 * Centers the copied columns (with `center`: on their means, or weighted means, two-pass
 * for accuracy) and measures their squared norms; a column whose squares overflow or
 * underflow is an error naming its largest entry (`cell(i, j)` reads the input).
 */
function finishDesign(
  values: Float64Array,
  sums: Float64Array,
  n: number,
  p: number,
  center: boolean,
  weights: Float64Array | undefined,
  name: string,
  cell: (i: number, j: number) => number,
): Design {
  let totalWeight = n;
  if (weights) {
    totalWeight = 0;
    for (let i = 0; i < n; i++) totalWeight += weights[i];
  }
  const columnMeans = new Float64Array(p);
  const columnSquaredNorms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    let mean = 0;
    if (center && weights) {
      mean = dotColumn(values, off, weights, n) / totalWeight;
    } else if (center) {
      mean = sums[j] / n;
    }
    let sq = shiftColumn(values, off, n, mean, weights);
    if (center) {
      // the first mean carries rounding error when |mean| ≫ spread; correct it once
      const correction = shiftedSum / totalWeight;
      if (correction !== 0 && Math.abs(correction) > 1e-15 * Math.sqrt(sq / n)) {
        sq = shiftColumn(values, off, n, correction, undefined);
        columnMeans[j] = mean + correction;
      } else {
        columnMeans[j] = mean;
      }
    }
    // 2.2250738585072014e-308 is the smallest normal float64; an exactly constant column
    // (centered to exact zeros, sq = 0) is fine
    if (!Number.isFinite(sq) || (sq < 2.2250738585072014e-308 && values.subarray(off, off + n).some((v) => v !== 0))) {
      throw scaleError(name, n, j, cell, !(sq < 1));
    }
    columnSquaredNorms[j] = sq;
  }
  // `centered` promises plain zero means (Σᵢ xᵢⱼ = 0), which weighted centering does not give
  return { nSamples: n, nFeatures: p, values, columnMeans, centered: center && !weights, columnSquaredNorms, sampleWeights: weights };
}

/**
 * Validates sample weights (scikit-learn's `sample_weight`): one finite number ≥ 0 per
 * row of X, not all zero. Returns a copy.
 */
export function toSampleWeights(value: unknown, nSamples: number): Float64Array {
  const values = readVector(value, 'sampleWeight');
  if (values.length !== nSamples) {
    throw new DataError('SHAPE_MISMATCH', `X has ${nSamples} rows but sampleWeight has ${values.length} values; pass one weight per row of X.`);
  }
  const out = new Float64Array(nSamples);
  let total = 0;
  for (let i = 0; i < nSamples; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !(v >= 0) || v === Infinity) {
      throw new DataError('INVALID_DATA', `sampleWeight[${i}] is ${describe(v)}; every sample weight must be a finite number ≥ 0.`);
    }
    out[i] = v;
    total += v;
  }
  if (!(total > 0)) throw new DataError('INVALID_DATA', 'sampleWeight is all zeros; at least one sample needs a positive weight.');
  return out;
}

/**
 * glmnet's `standardize = TRUE`: divides every stored column by its (sample-weighted,
 * 1/Σw) standard deviation about its mean, in place, and returns those deviations so
 * coefficients can be mapped back (coef = w / sd). A constant column keeps scale 1.
 */
export function standardizeColumns(design: Design): Float64Array {
  const { nSamples: n, nFeatures: p, values, sampleWeights: sw } = design;
  let total = 0;
  for (let i = 0; i < n; i++) total += sw ? sw[i] : 1;
  const scales = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (sw ? sw[i] : 1) * values[o + i];
    mean /= total;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (sw ? sw[i] : 1) * (values[o + i] - mean) ** 2;
    const sd = Math.sqrt(variance / total);
    scales[j] = sd > 0 ? sd : 1;
    for (let i = 0; i < n; i++) values[o + i] /= scales[j];
    (design.columnSquaredNorms as Float64Array)[j] /= scales[j] * scales[j];
  }
  return scales;
}


/**
 * Validates X for prediction (finite numbers, `expectedFeatures` columns) and returns
 * `X·coef + intercept`.
 */
export function linearPredictor(
  X: unknown,
  coef: Float64Array,
  intercept: number,
  estimator: string,
): Float64Array {
  const { n, p, matrix, rows } = inspect(X, 'X');
  if (p !== coef.length) {
    throw new DataError(
      'SHAPE_MISMATCH',
      `${estimator}: X has ${p} features but the model was fitted with ${coef.length}; pass rows with the same columns, in the same order, as in fit.`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = intercept;
    for (let j = 0; j < p; j++) {
      const v = matrix ? matrix.get(i, j) : rows![i][j];
      if (typeof v !== 'number' || v - v !== 0) throw cellError('X', i, j, v);
      s += v * coef[j];
    }
    out[i] = s;
  }
  return out;
}

/** Validates a regression target: finite numbers, one per row of X. Returns a copy. */
export function toTargets(y: unknown, nSamples: number, name = 'y'): Float64Array {
  const values = readVector(y, name);
  if (values.length !== nSamples) {
    throw new DataError(
      'SHAPE_MISMATCH',
      `X has ${nSamples} rows but ${name} has ${values.length} values; pass one target per row of X.`,
    );
  }
  const out = new Float64Array(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const v = values[i];
    if (typeof v !== 'number' || v - v !== 0) {
      const hint = typeof v === 'string' ? ' (convert numeric strings with Number() first)' : '';
      throw new DataError(
        'INVALID_DATA',
        `${name}[${i}] is ${describe(v)}; every target must be a finite number${hint}.`,
      );
    }
    out[i] = v;
  }
  return out;
}

function readVector(y: unknown, name: string): ArrayLike<unknown> {
  if (Array.isArray(y)) {
    for (let i = 0; i < y.length; i++) {
      if (!(i in y)) throw new DataError('INVALID_DATA', `${name}[${i}] is missing (a hole in the array); every value must be present.`);
    }
    return y;
  }
  if (ArrayBuffer.isView(y) && !(y instanceof DataView)) return y as unknown as ArrayLike<unknown>;
  throw new DataError('INVALID_DATA', `${name} must be a 1-D array of values (number[] or Float64Array); received ${describe(y)}.`);
}

/** Sorted class labels and ±1 codes (+1 for `classes[1]`), as scikit-learn orders them. */
export interface EncodedLabels {
  classes: (number | string)[];
  signs: Float64Array;
}

/** Validates binary classification labels (numbers or strings, exactly two distinct). */
export function encodeBinaryLabels(y: unknown, nSamples: number, estimator: string): EncodedLabels {
  const values = readVector(y, 'y');
  if (values.length !== nSamples) {
    throw new DataError(
      'SHAPE_MISMATCH',
      `X has ${nSamples} rows but y has ${values.length} labels; pass one label per row of X.`,
    );
  }
  let kind: 'number' | 'string' | undefined;
  const seen: (number | string)[] = [];
  for (let i = 0; i < nSamples; i++) {
    const v = values[i];
    const t = typeof v;
    if (!((t === 'number' && Number.isFinite(v as number)) || t === 'string')) {
      throw new DataError(
        'INVALID_LABELS',
        `${estimator}: y[${i}] is ${describe(v)}; labels must be finite numbers or strings.`,
      );
    }
    if (kind === undefined) kind = t as 'number' | 'string';
    else if (kind !== t) {
      throw new DataError(
        'INVALID_LABELS',
        `${estimator}: y mixes numbers and strings (y[${i}] is ${describe(v)}); use one type for all labels.`,
      );
    }
    if (!seen.includes(v as number | string)) {
      seen.push(v as number | string);
      if (seen.length > 2) {
        throw new DataError(
          'INVALID_LABELS',
          `${estimator}: y has more than two classes (${seen.map((s) => JSON.stringify(s)).join(', ')}, …); ${estimator} is a binary classifier.`,
        );
      }
    }
  }
  if (seen.length < 2) {
    throw new DataError(
      'INVALID_LABELS',
      `${estimator}: y has only one class (${JSON.stringify(seen[0])}); a classifier needs samples of two classes.`,
    );
  }
  const classes = kind === 'number' ? (seen as number[]).sort((a, b) => a - b) : (seen as string[]).sort();
  const signs = new Float64Array(nSamples);
  for (let i = 0; i < nSamples; i++) signs[i] = values[i] === classes[1] ? 1 : -1;
  return { classes, signs };
}
