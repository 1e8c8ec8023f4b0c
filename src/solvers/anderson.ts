/**
 * Anderson extrapolation's weights, shared by both coordinate-descent strategies (see the
 * module comment of `coordinateDescent.ts`).
 *
 * @module
 */

/** Iterate differences combined by Anderson extrapolation (skglm's K). */
export const ANDERSON_DEPTH = 5;

/**
 * Anderson weights c (Σ cᵢ = 1) over the K differences of K + 1 stored iterates
 * (`history`, iterate i at [i·count, (i+1)·count)): c ∝ (UᵀU)⁻¹·1 with U the differences,
 * the combination of smallest ‖U·c‖. `undefined` when UᵀU is singular or the weights are
 * not finite (then no extrapolation this time).
 */
export function andersonWeights(history: Float64Array, count: number, K: number): Float64Array | undefined {
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
