/**
 * Anderson extrapolation (skglm's, after Bertrand & Massias 2021), shared by both
 * coordinate-descent strategies: see the module comment of `coordinateDescent.ts`.
 *
 * @module
 */

/** Iterate differences combined by Anderson extrapolation (skglm's K). */
export const ANDERSON_DEPTH = 5;

/**
 * The schedule over iterates of `size` values: `record(write)` stores the next iterate
 * (`write(history, offset)` fills `size` values from `offset`) and, every
 * {@link ANDERSON_DEPTH} + 1 iterates, returns the extrapolated point Σᵢ cᵢ·wᵢ to try, or
 * undefined; `result(accepted)` says whether the caller kept it. After a rejected point
 * 1, 3, then 7 rounds are skipped: a try costs about half an epoch, and where one fails
 * the next ones mostly fail too.
 */
export function andersonSchedule(size: number) {
  const K = ANDERSON_DEPTH;
  const history = new Float64Array((K + 1) * size);
  let stored = 0;
  let backoff = 0;
  let skip = 0;
  return {
    record(write: (history: Float64Array, offset: number) => void): Float64Array | undefined {
      write(history, stored++ * size);
      if (stored <= K) return undefined;
      stored = 0;
      const c = skip-- > 0 ? undefined : andersonWeights(history, size, K);
      if (!c) return undefined;
      const point = new Float64Array(size);
      for (let i = 0; i < K; i++) for (let k = 0; k < size; k++) point[k] += c[i] * history[(i + 1) * size + k];
      return point;
    },
    result(accepted: boolean): void {
      backoff = skip = accepted ? 0 : Math.min(2 * backoff + 1, 7);
    },
  };
}

/**
 * Anderson weights c (Σ cᵢ = 1) over the K differences of K + 1 stored iterates
 * (`history`, iterate i at [i·count, (i+1)·count)): c ∝ (UᵀU)⁻¹·1 with U the differences,
 * the combination of smallest ‖U·c‖. `undefined` when UᵀU is singular or the weights are
 * not finite (then no extrapolation this time).
 */
function andersonWeights(history: Float64Array, count: number, K: number): Float64Array | undefined {
  const gram = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let c = 0; c < K; c++) {
      for (let k = 0; k < count; k++) {
        gram[a * K + c] += (history[(a + 1) * count + k] - history[a * count + k]) * (history[(c + 1) * count + k] - history[c * count + k]);
      }
    }
  }
  // Gauss–Jordan on [UᵀU | 1]: symmetric positive semi-definite, so no pivoting is needed,
  // and a pivot that is not positive means the differences are linearly dependent
  const z = new Float64Array(K).fill(1);
  for (let i = 0; i < K; i++) {
    const pivot = gram[i * K + i];
    if (!(pivot > 0)) return undefined;
    for (let r = 0; r < K; r++) {
      const f = r === i ? 0 : gram[r * K + i] / pivot;
      for (let k = i; k < K; k++) gram[r * K + k] -= f * gram[i * K + k];
      z[r] -= f * z[i];
    }
  }
  let total = 0;
  for (let i = 0; i < K; i++) total += z[i] /= gram[i * K + i];
  for (let i = 0; i < K; i++) z[i] /= total;
  return z.every(Number.isFinite) ? z : undefined;
}
