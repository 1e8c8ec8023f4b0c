import { L1L2, type PenaltyOptions } from './l1l2.js';

/**
 * No penalty: g(w) = 0 (or the indicator of w ≥ 0 when `positive`). With the squared
 * loss this is ordinary least squares (scikit-learn's `LinearRegression`, glmnet with
 * `lambda = 0`), or non-negative least squares when positive. It is {@link L1L2} with
 * alpha = 0.
 */
export class NoPenalty extends L1L2 {
  /** Keeps V8's hidden class for NoPenalty alive across GCs (see {@link L1L2}). */
  static readonly #keepsMapAlive = /* @__PURE__ */ new NoPenalty();
  override readonly name = 'NoPenalty';

  constructor(options: Omit<PenaltyOptions, 'factors'> = {}) {
    super(0, 0, options);
  }
}
