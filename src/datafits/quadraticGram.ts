/**
 * The squared loss of {@link Quadratic} in covariance (Gram) form, for tall data solved
 * many times over: the alphas of a path, the folds of a cross-validation.
 *
 * @module
 */

/**
 * The squared loss (s/2)·Σᵢ swᵢ(yᵢ − xᵢw − b)² of {@link Quadratic}, with the intercept
 * eliminated and the data reduced to its second moments. When an intercept is fitted,
 * b = ȳ − x̄ᵀw is optimal for every w (x̄, ȳ the weighted means), so with X̃, ỹ centered
 * on those means (X̃ = X, ỹ = y otherwise)
 *
 *     F(w) = (s/2)·Σᵢ swᵢ(ỹᵢ − x̃ᵢw)² = ½·wᵀHw − cᵀw + ½·a,
 *     H = s·X̃ᵀWX̃,   c = s·X̃ᵀWỹ,   a = s·ỹᵀWỹ.
 *
 * H costs n·p²/2 multiply-adds once; then, keeping q = Hw, ∂F/∂wⱼ = qⱼ − cⱼ is read
 * for free and a coordinate move costs p instead of n. That pays when n > p and the
 * problem is solved many times (scikit-learn's `precompute` in `enet_path` and
 * `LassoCV`, which uses it whenever n > p; glmnet's `type.gaussian = "covariance"`;
 * skglm's `GramCD`). With s = 1/Σswᵢ this is the Lasso's and elastic net's datafit.
 */
export class QuadraticGram {
  /** p. */
  readonly nFeatures: number;

  /**
   * @param gram H = s·X̃ᵀWX̃, row-major p×p, symmetric.
   * @param linear c = s·X̃ᵀWỹ.
   * @param targetSquares a = s·ỹᵀWỹ: F at w = 0, and the scale of the stopping rule's
   *   tolerance (scikit-learn's `tol · ‖y − ȳ‖²/n`).
   */
  constructor(
    readonly gram: Float64Array,
    readonly linear: Float64Array,
    readonly targetSquares: number,
  ) {
    this.nFeatures = linear.length;
  }

  /** q = Hw, the state coordinate descent keeps (only the nonzero wⱼ cost). */
  product(w: Float64Array, out = new Float64Array(this.nFeatures)): Float64Array {
    const { gram: H, nFeatures: p } = this;
    out.fill(0);
    for (let j = 0; j < p; j++) if (w[j] !== 0) this.moveCoordinate(out, j, w[j]);
    return out;
  }

  /** q ← q + delta·H[:, j] for wⱼ ← wⱼ + delta (row j of the symmetric H: contiguous). */
  moveCoordinate(q: Float64Array, j: number, delta: number): void {
    const { gram: H, nFeatures: p } = this;
    const row = j * p;
    for (let k = 0; k < p; k++) q[k] += delta * H[row + k];
  }

  /**
   * s·rᵀWr = a − 2cᵀw + wᵀq for r = ỹ − X̃w: twice F(w). Computed from the moments, it
   * carries an absolute rounding error of about ε·a, so it is floored at 0.
   */
  residualSquares(w: Float64Array, q: Float64Array): number {
    let cw = 0;
    let wq = 0;
    for (let j = 0; j < w.length; j++) {
      if (w[j] === 0) continue;
      cw += this.linear[j] * w[j];
      wq += w[j] * q[j];
    }
    return Math.max(0, this.targetSquares - 2 * cw + wq);
  }
}
