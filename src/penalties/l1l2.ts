import { maxAbs } from '../linalg/kernels.js';
import { softThreshold } from './softThreshold.js';
import { proxByCoordinate, type Penalty } from './types.js';

/**
 * The elastic-net penalty, in scikit-learn's parametrization:
 *
 *     g(w) = alpha · l1Ratio · Σⱼ |wⱼ|  +  ½ · alpha · (1 − l1Ratio) · Σⱼ wⱼ²
 *
 * scikit-learn's `ElasticNet(alpha, l1_ratio)` penalty; glmnet's with
 * `lambda = alpha` and its `alpha = l1Ratio`; skglm's `L1_plus_L2(alpha, l1_ratio)`.
 * l1Ratio = 1 is {@link L1}, l1Ratio = 0 is {@link L2}.
 */
export class L1L2 implements Penalty {
  readonly name = 'L1L2';
  readonly smooth: boolean;
  readonly quadraticStrength?: number;
  readonly gapAvailable: boolean;
  private readonly l1: number;
  private readonly l2: number;

  constructor(
    readonly alpha: number,
    readonly l1Ratio: number,
  ) {
    this.l1 = alpha * l1Ratio;
    this.l2 = alpha * (1 - l1Ratio);
    this.smooth = this.l1 === 0;
    this.gapAvailable = alpha > 0;
    if (this.l1 === 0) this.quadraticStrength = this.l2;
  }

  value(w: Float64Array): number {
    let a = 0;
    let q = 0;
    for (let j = 0; j < w.length; j++) {
      a += Math.abs(w[j]);
      q += w[j] * w[j];
    }
    return this.l1 * a + 0.5 * this.l2 * q;
  }

  /** argmin_u ½(u − x)² + step·(l1·|u| + ½·l2·u²) = softThreshold(x, step·l1) / (1 + step·l2). */
  proxCoordinate(x: number, step: number): number {
    return softThreshold(x, step * this.l1) / (1 + step * this.l2);
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    proxByCoordinate(this, x, step, out);
  }

  gradientCoordinate(wj: number): number {
    // only called when smooth (l1 = 0)
    return this.l2 * wj;
  }

  subdifferentialDistance(wj: number, gradient: number): number {
    if (wj === 0) return Math.max(0, Math.abs(gradient) - this.l1);
    return Math.abs(gradient + this.l1 * Math.sign(wj) + this.l2 * wj);
  }

  /** g*(u) = Σⱼ (|uⱼ| − l1)₊² / (2·l2); with l2 = 0, the indicator of ‖u‖∞ ≤ l1. */
  conjugate(u: Float64Array): number {
    if (this.l2 === 0) return 0;
    let s = 0;
    for (let j = 0; j < u.length; j++) {
      const e = Math.abs(u[j]) - this.l1;
      if (e > 0) s += e * e;
    }
    return s / (2 * this.l2);
  }

  dualScale(u: Float64Array): number {
    if (this.l2 > 0) return 1;
    const m = maxAbs(u);
    return m > this.l1 ? this.l1 / m : 1;
  }

  /** w = 0 is optimal once alpha·l1Ratio ≥ ‖∇F(0)‖∞, i.e. alpha ≥ ‖∇F(0)‖∞ / l1Ratio. */
  alphaMax(gradientAtZero: Float64Array): number {
    return this.l1Ratio > 0 ? maxAbs(gradientAtZero) / this.l1Ratio : Infinity;
  }
}
