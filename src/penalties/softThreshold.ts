/**
 * The soft-threshold, the proximal operator of the absolute value:
 *
 *     softThreshold(x, τ) = argmin_u ½(u − x)² + τ|u| = sign(x)·max(|x| − τ, 0)
 *
 * It returns exactly 0 whenever |x| ≤ τ, which is why L1 models have exact zeros.
 */
export function softThreshold(x: number, threshold: number): number {
  if (x > threshold) return x - threshold;
  if (x < -threshold) return x + threshold;
  return 0;
}
