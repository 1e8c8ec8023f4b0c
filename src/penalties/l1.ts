import { L1L2, type PenaltyOptions } from './l1l2.js';

/**
 * The L1 penalty (Lasso):
 *
 *     g(w) = alpha · Σⱼ vⱼ·|wⱼ|       (vⱼ = 1 unless `factors` are given)
 *
 * Its prox is the soft-threshold, so solutions have exact zeros. scikit-learn's
 * `Lasso(alpha)` penalty; glmnet's `alpha = 1` with `lambda = alpha`; skglm's `L1(alpha)`.
 * It is {@link L1L2} with l1Ratio = 1.
 */
export class L1 extends L1L2 {
  /** Keeps V8's hidden class for L1 alive across GCs (see {@link L1L2}). */
  static readonly #keepsMapAlive = /* @__PURE__ */ new L1(0.5);
  override readonly name = 'L1';

  constructor(alpha: number, options: PenaltyOptions = {}) {
    super(alpha, 1, options);
  }
}
