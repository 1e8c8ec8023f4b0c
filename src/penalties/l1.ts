import { maxAbs } from '../linalg/kernels.js';
import { softThreshold } from './softThreshold.js';
import { proxByCoordinate, type Penalty } from './types.js';

/**
 * The L1 penalty (Lasso):
 *
 *     g(w) = alpha · Σⱼ |wⱼ|
 *
 * Its prox is the soft-threshold, so solutions have exact zeros. scikit-learn's
 * `Lasso(alpha)` penalty; glmnet's `alpha = 1` with `lambda = alpha`; skglm's `L1(alpha)`.
 */
export class L1 implements Penalty {
  readonly name = 'L1';
  readonly smooth = false;
  readonly gapAvailable: boolean;

  constructor(readonly alpha: number) {
    this.gapAvailable = alpha > 0;
  }

  value(w: Float64Array): number {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += Math.abs(w[j]);
    return this.alpha * s;
  }

  /** argmin_u ½(u − x)² + step·alpha·|u| = softThreshold(x, step·alpha). */
  proxCoordinate(x: number, step: number): number {
    return softThreshold(x, step * this.alpha);
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    proxByCoordinate(this, x, step, out);
  }

  /** ∂|w| is {sign w} off zero and [−1, 1] at zero. */
  subdifferentialDistance(wj: number, gradient: number): number {
    if (wj === 0) return Math.max(0, Math.abs(gradient) - this.alpha);
    return Math.abs(gradient + this.alpha * Math.sign(wj));
  }

  /** g*(u) is the indicator of ‖u‖∞ ≤ alpha: 0 once {@link dualScale} has been applied. */
  conjugate(): number {
    return 0;
  }

  dualScale(u: Float64Array): number {
    const m = maxAbs(u);
    return m > this.alpha ? this.alpha / m : 1;
  }

  alphaMax(gradientAtZero: Float64Array): number {
    return maxAbs(gradientAtZero);
  }
}
