import { softThreshold } from './softThreshold.js';
import { proxByCoordinate, type Penalty } from './types.js';

/** Options shared by every penalty. */
export interface PenaltyOptions {
  /**
   * Constrain every coefficient to wⱼ ≥ 0 (scikit-learn's `positive=True`, glmnet's
   * `lower.limits = 0`): g gains the indicator of the non-negative orthant.
   */
  positive?: boolean;
  /**
   * Per-feature multipliers vⱼ ≥ 0 on the penalty (glmnet's `penalty.factor`, used as
   * given here): g(w) = Σⱼ vⱼ·gⱼ(wⱼ); vⱼ = 0 leaves feature j unpenalized.
   */
  factors?: Float64Array;
}

/**
 * The elastic-net penalty, in scikit-learn's parametrization:
 *
 *     g(w) = Σⱼ vⱼ · ( alpha · l1Ratio · |wⱼ|  +  ½ · alpha · (1 − l1Ratio) · wⱼ² )
 *
 * with vⱼ = 1 unless `factors` are given, and wⱼ ≥ 0 enforced when `positive`.
 * scikit-learn's `ElasticNet(alpha, l1_ratio)` penalty; glmnet's with
 * `lambda = alpha` and its `alpha = l1Ratio`; skglm's `L1_plus_L2(alpha, l1_ratio)`.
 * l1Ratio = 1 is {@link L1}, l1Ratio = 0 is {@link L2}, alpha = 0 is {@link NoPenalty}:
 * those classes are this one with the parameter fixed, so the math lives here once.
 */
export class L1L2 implements Penalty {
  /**
   * Keeps V8's hidden class for L1L2 alive across GCs, so the code compiled against it
   * survives them (see `Quadratic` in datafits/quadratic.ts); L1, L2 and NoPenalty each
   * keep their own.
   */
  static readonly #keepsMapAlive = /* @__PURE__ */ new L1L2(0.5, 0.5);
  readonly name: string = 'L1L2';
  readonly smooth: boolean;
  readonly quadraticStrength?: number;
  readonly gapAvailable: boolean;
  /** Whether every coefficient is constrained to be ≥ 0. */
  readonly positive: boolean;
  /** The per-feature multipliers vⱼ, when given. */
  readonly factors?: Float64Array;
  private readonly l1: number;
  private readonly l2: number;

  constructor(
    /** The overall strength (≥ 0). */
    readonly alpha: number,
    /** The L1 share of the penalty, in [0, 1]. */
    readonly l1Ratio: number,
    options: PenaltyOptions = {},
  ) {
    this.l1 = alpha * l1Ratio;
    this.l2 = alpha * (1 - l1Ratio);
    this.positive = options.positive === true;
    this.factors = options.factors;
    const uniform = !this.factors;
    this.smooth = this.l1 === 0 && !this.positive;
    // the direct and CG solves need g = ½λ‖w‖² exactly: no constraint, same λ everywhere
    if (this.smooth && uniform) this.quadraticStrength = this.l2;
    // an unpenalized feature (vⱼ = 0) pins uⱼ = 0 in the dual, which rescaling cannot reach
    this.gapAvailable = alpha > 0 && (uniform || this.factors!.every((v) => v > 0));
  }

  private factor(j: number): number {
    return this.factors ? this.factors[j] : 1;
  }

  value(w: Float64Array): number {
    let s = 0;
    for (let j = 0; j < w.length; j++) {
      if (this.positive && w[j] < 0) return Infinity;
      s += this.factor(j) * (this.l1 * Math.abs(w[j]) + 0.5 * this.l2 * w[j] * w[j]);
    }
    return s;
  }

  /**
   * argmin_u ½(u − x)² + step·vⱼ·(l1·|u| + ½·l2·u²) (u ≥ 0 when positive)
   * = softThreshold(x, step·vⱼ·l1) / (1 + step·vⱼ·l2), clipped at 0 when positive.
   */
  proxCoordinate(x: number, step: number, j: number): number {
    const v = this.factor(j);
    const threshold = step * v * this.l1;
    const shrunk = this.positive ? Math.max(x - threshold, 0) : softThreshold(x, threshold);
    return shrunk / (1 + step * v * this.l2);
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    proxByCoordinate(this, x, step, out);
  }

  /** Only called when smooth: the derivative vⱼ·l2·wⱼ. */
  gradientCoordinate(wj: number, j: number): number {
    return this.factor(j) * this.l2 * wj;
  }

  /**
   * dist(−gradient, ∂gⱼ(wⱼ)). At wⱼ = 0 the subdifferential is vⱼ·l1·[−1, 1], or
   * (−∞, vⱼ·l1] with the positivity constraint; elsewhere it is a single point.
   */
  subdifferentialDistance(wj: number, gradient: number, j: number): number {
    const v = this.factor(j);
    if (wj === 0) return Math.max(0, (this.positive ? -gradient : Math.abs(gradient)) - v * this.l1);
    return Math.abs(gradient + v * (this.l1 * Math.sign(wj) + this.l2 * wj));
  }

  /**
   * g*(u) = Σⱼ (|uⱼ| − vⱼ·l1)₊² / (2·vⱼ·l2) (with uⱼ for |uⱼ| when positive); with
   * l2 = 0 it is the indicator of |uⱼ| ≤ vⱼ·l1, 0 once {@link dualScale} applied.
   */
  conjugate(u: Float64Array): number {
    if (this.l2 === 0) return 0;
    let s = 0;
    for (let j = 0; j < u.length; j++) {
      const v = this.factor(j);
      const e = (this.positive ? u[j] : Math.abs(u[j])) - v * this.l1;
      if (e > 0) {
        // (e/√(v·l2))², not e²/(v·l2): e ≈ 1e-298 would square to 0 (data scaled by 1e-150)
        const t = e / Math.sqrt(v * this.l2);
        s += t * t;
      }
    }
    return s / 2;
  }

  dualScale(u: Float64Array): number {
    if (this.l2 > 0) return 1;
    let worst = 0;
    for (let j = 0; j < u.length; j++) {
      const ratio = (this.positive ? u[j] : Math.abs(u[j])) / (this.factor(j) * this.l1);
      if (ratio > worst) worst = ratio;
    }
    return worst > 1 ? 1 / worst : 1;
  }

  /**
   * g(σ·w)/σ² = Σⱼ vⱼ·(l1/σ·|wⱼ| + ½·l2·wⱼ²): the L1 strength scales like the target,
   * the L2 strength not at all. Exact for σ a power of two when l1 = 0 or l2 = 0 (Ridge,
   * Lasso); otherwise each strength within a few ulps (an L2 strength below ε·l1/σ,
   * negligible beside the L1 one, may round to 0).
   */
  scaledForTarget(sigma: number): L1L2 {
    const l1 = this.l1 / sigma;
    const alpha = l1 + this.l2;
    return new L1L2(alpha, alpha > 0 ? l1 / alpha : this.l1Ratio, { positive: this.positive, factors: this.factors });
  }

  /**
   * The smallest alpha at which w = 0 is optimal, given ∇F at w = 0:
   * maxⱼ |∂ⱼF(0)| / (vⱼ·l1Ratio) over penalized features (−∂ⱼF(0) when positive).
   */
  alphaMax(gradientAtZero: Float64Array): number {
    if (this.l1Ratio === 0) return Infinity;
    let worst = 0;
    for (let j = 0; j < gradientAtZero.length; j++) {
      const v = this.factor(j);
      if (v === 0) continue;
      const g = this.positive ? -gradientAtZero[j] : Math.abs(gradientAtZero[j]);
      if (g / v > worst) worst = g / v;
    }
    return worst / this.l1Ratio;
  }
}
