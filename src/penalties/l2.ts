import { L1L2, type PenaltyOptions } from './l1l2.js';

/**
 * The squared L2 penalty (ridge, weight decay):
 *
 *     g(w) = ½ · alpha · Σⱼ vⱼ·wⱼ²       (vⱼ = 1 unless `factors` are given)
 *
 * scikit-learn's `Ridge(alpha)` penalty `alpha·‖w‖²` is this with strength `2·alpha`
 * (its datafit is `‖y − Xw‖²`, twice ours); `LogisticRegression(C)` uses strength 1.
 * glmnet: `alpha = 0`. skglm: `L2(alpha)`. It is {@link L1L2} with l1Ratio = 0.
 */
export class L2 extends L1L2 {
  /** Keeps V8's hidden class for L2 alive across GCs (see {@link L1L2}). */
  static readonly #keepsMapAlive = /* @__PURE__ */ new L2(0.5);
  override readonly name = 'L2';

  constructor(alpha: number, options: PenaltyOptions = {}) {
    super(alpha, 0, options);
  }
}
