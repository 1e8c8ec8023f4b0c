import { proxByCoordinate, type Penalty } from './types.js';

/**
 * The squared L2 penalty (ridge, weight decay):
 *
 *     g(w) = ½ · alpha · Σⱼ wⱼ²
 *
 * scikit-learn's `Ridge(alpha)` penalty `alpha·‖w‖²` is this with strength `2·alpha`
 * (its datafit is `‖y − Xw‖²`, twice ours); `LogisticRegression(C)` uses strength 1.
 * glmnet: `alpha = 0`. skglm: `L2(alpha)`.
 */
export class L2 implements Penalty {
  readonly name = 'L2';
  readonly smooth = true;
  readonly quadraticStrength: number;

  readonly gapAvailable: boolean;

  constructor(readonly alpha: number) {
    this.quadraticStrength = alpha;
    this.gapAvailable = alpha > 0;
  }

  value(w: Float64Array): number {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += w[j] * w[j];
    return 0.5 * this.alpha * s;
  }

  /** argmin_u ½(u − x)² + step·(alpha/2)·u² = x / (1 + step·alpha). */
  proxCoordinate(x: number, step: number): number {
    return x / (1 + step * this.alpha);
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    proxByCoordinate(this, x, step, out);
  }

  gradientCoordinate(wj: number): number {
    return this.alpha * wj;
  }

  subdifferentialDistance(wj: number, gradient: number): number {
    return Math.abs(gradient + this.alpha * wj);
  }

  /** g*(u) = ‖u‖² / (2·alpha). */
  conjugate(u: Float64Array): number {
    if (this.alpha === 0) return 0;
    let s = 0;
    for (let j = 0; j < u.length; j++) s += u[j] * u[j];
    return s / (2 * this.alpha);
  }

  /** With alpha = 0, g* is the indicator of {0}: no finite scale exists, so no gap. */
  dualScale(): number {
    return 1;
  }
}
