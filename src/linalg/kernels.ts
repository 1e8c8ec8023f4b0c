/**
 * The inner loops every solver spends its time in. Columns are addressed as
 * `(values, offset)` into the column-major design so no view is allocated per call;
 * loops are unrolled by four, which V8 turns into noticeably faster code.
 *
 * @module
 */
import type { Design } from '../data/design.js';

/** Σᵢ values[offset+i]·v[i] for i < n. */
export function dotColumn(values: Float64Array, offset: number, v: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const m = n - (n % 4);
  for (; i < m; i += 4) {
    s0 += values[offset + i] * v[i];
    s1 += values[offset + i + 1] * v[i + 1];
    s2 += values[offset + i + 2] * v[i + 2];
    s3 += values[offset + i + 3] * v[i + 3];
  }
  for (; i < n; i++) s0 += values[offset + i] * v[i];
  return s0 + s1 + (s2 + s3);
}

/** out[i] += a·values[offset+i] for i < n. */
export function axpyColumn(a: number, values: Float64Array, offset: number, out: Float64Array, n: number): void {
  let i = 0;
  const m = n - (n % 4);
  for (; i < m; i += 4) {
    out[i] += a * values[offset + i];
    out[i + 1] += a * values[offset + i + 1];
    out[i + 2] += a * values[offset + i + 2];
    out[i + 3] += a * values[offset + i + 3];
  }
  for (; i < n; i++) out[i] += a * values[offset + i];
}

/**
 * out[i] += a·values[offsetA+i], then returns Σᵢ values[offsetB+i]·out[i] (the updated
 * out): an axpy and the next dot in one pass over `out`, measured 1.2–1.4× faster than
 * {@link axpyColumn} followed by {@link dotColumn}. Both results are bit-identical to theirs.
 */
export function axpyDotColumns(a: number, values: Float64Array, offsetA: number, offsetB: number, out: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const m = n - (n % 4);
  for (; i < m; i += 4) {
    const r0 = out[i] + a * values[offsetA + i];
    const r1 = out[i + 1] + a * values[offsetA + i + 1];
    const r2 = out[i + 2] + a * values[offsetA + i + 2];
    const r3 = out[i + 3] + a * values[offsetA + i + 3];
    out[i] = r0;
    out[i + 1] = r1;
    out[i + 2] = r2;
    out[i + 3] = r3;
    s0 += values[offsetB + i] * r0;
    s1 += values[offsetB + i + 1] * r1;
    s2 += values[offsetB + i + 2] * r2;
    s3 += values[offsetB + i + 3] * r3;
  }
  for (; i < n; i++) {
    const r = out[i] + a * values[offsetA + i];
    out[i] = r;
    s0 += values[offsetB + i] * r;
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * out = X·w + b (out has length n). Zero coefficients cost nothing; the others are
 * applied eight columns per pass over `out`, so `out` is read and written once per eight
 * columns (measured 1.2–1.3× faster than four on tall X; more runs out of registers).
 */
export function matVec(design: Design, w: Float64Array, b: number, out: Float64Array): void {
  const { nSamples: n, nFeatures: p, values: X } = design;
  out.fill(b);
  let pending = 0;
  const cols = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let j = 0; j < p; j++) {
    if (w[j] === 0) continue;
    cols[pending++] = j;
    if (pending === 8) {
      const a0 = w[cols[0]], a1 = w[cols[1]], a2 = w[cols[2]], a3 = w[cols[3]];
      const a4 = w[cols[4]], a5 = w[cols[5]], a6 = w[cols[6]], a7 = w[cols[7]];
      const o0 = cols[0] * n, o1 = cols[1] * n, o2 = cols[2] * n, o3 = cols[3] * n;
      const o4 = cols[4] * n, o5 = cols[5] * n, o6 = cols[6] * n, o7 = cols[7] * n;
      for (let i = 0; i < n; i++) {
        out[i] += a0 * X[o0 + i] + a1 * X[o1 + i] + a2 * X[o2 + i] + a3 * X[o3 + i] + a4 * X[o4 + i] + a5 * X[o5 + i] + a6 * X[o6 + i] + a7 * X[o7 + i];
      }
      pending = 0;
    }
  }
  for (let k = 0; k < pending; k++) axpyColumn(w[cols[k]], X, cols[k] * n, out, n);
}

/** out[j] = xⱼᵀ·v for every column j, four columns per pass over v. */
export function matTVec(design: Design, v: Float64Array, out: Float64Array): void {
  const { nSamples: n, nFeatures: p, values: X } = design;
  let j = 0;
  for (; j + 3 < p; j += 4) {
    const o0 = j * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = 0; i < n; i++) {
      const vi = v[i];
      s0 += X[o0 + i] * vi;
      s1 += X[o1 + i] * vi;
      s2 += X[o2 + i] * vi;
      s3 += X[o3 + i] * vi;
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j < p; j++) out[j] = dotColumn(X, j * n, v, n);
}

/** Σᵢ v[i]. */
export function sum(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}

/** Σᵢ a[i]·b[i]. */
export function dot(a: Float64Array, b: Float64Array): number {
  return dotColumn(a, 0, b, a.length);
}

/** max |v[i]|. */
export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > m) m = a;
  }
  return m;
}

/**
 * Largest eigenvalue of XᵀX (the squared spectral norm of the stored design) by
 * power iteration; the result is inflated by 1% so it can serve as an upper bound
 * for step sizes (power iteration approaches it from below).
 */
export function spectralNormSquared(design: Design, maxIter = 200, relTol = 1e-8): number {
  const { nSamples: n, nFeatures: p } = design;
  let v = new Float64Array(p);
  // deterministic start that is not orthogonal to the top eigenvector in practice
  for (let j = 0; j < p; j++) v[j] = 1 + ((j * 7919) % 13) / 13;
  const u = new Float64Array(n);
  const next = new Float64Array(p);
  let lambda = 0;
  // ‖X‖_F² = Σⱼ‖xⱼ‖² bounds λmax from above and is finite (the data boundary refuses
  // columns whose sum of squares overflows): the cap if power iteration cannot do better
  let frobenius = 0;
  for (let j = 0; j < p; j++) frobenius += design.columnSquaredNorms[j];
  for (let k = 0; k < maxIter; k++) {
    // normalize by max|vⱼ| first, so ‖v‖² cannot overflow however large X is
    const largest = maxAbs(v);
    if (!(largest > 0) || !Number.isFinite(largest)) return frobenius;
    for (let j = 0; j < p; j++) v[j] /= largest;
    const norm = Math.sqrt(dot(v, v));
    for (let j = 0; j < p; j++) v[j] /= norm;
    matVec(design, v, 0, u);
    matTVec(design, u, next);
    const estimate = dot(v, next);
    [v] = [next.slice()];
    if (Math.abs(estimate - lambda) <= relTol * estimate) {
      lambda = estimate;
      break;
    }
    lambda = estimate;
  }
  return Number.isFinite(lambda) ? Math.min(lambda * 1.01, frobenius) : frobenius;
}

/**
 * out = X·(Xᵀ·a) in one streaming pass over X, a block of columns at a time (used
 * for wide X, where the n×n kernel form is the smaller system).
 */
export function kernelTimes(design: Design, a: Float64Array, out: Float64Array): void {
  const { nSamples: n, nFeatures: p, values: X } = design;
  out.fill(0);
  for (let j = 0; j < p; j++) {
    const o = j * n;
    const s = dotColumn(X, o, a, n); // the column is now in cache for the update
    if (s !== 0) axpyColumn(s, X, o, out, n);
  }
}

/** Σ swᵢyᵢ / Σ swᵢ (the plain mean without weights). */
export function weightedMean(y: Float64Array, sw?: Float64Array): number {
  if (!sw) return sum(y) / y.length;
  let total = 0;
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    s += sw[i] * y[i];
    total += sw[i];
  }
  return s / total;
}
