import type { Design } from '../data/design.js';
import type { Datafit } from '../datafits/types.js';
import type { Penalty } from '../penalties/types.js';

/** One problem for the engine: minimize F(Xw + b) + g(w) over w and (optionally) b. */
export interface Problem {
  /** The converted design matrix (see `toDesign`), centered when `fitIntercept`. */
  design: Design;
  /** Targets for a regression datafit, ±1 labels for a classification one. */
  y: Float64Array;
  /** The loss F of the linear predictor. */
  datafit: Datafit<any>;
  /** The regularizer g of the coefficients (never of the intercept). */
  penalty: Penalty;
  /** Fit an unpenalized intercept b (the design is then centered). */
  fitIntercept: boolean;
}

/** The strategies the engine offers. `'auto'` picks one from the datafit/penalty pair. */
export type Strategy = 'auto' | 'cd' | 'fista' | 'direct' | 'cg' | 'lbfgs';

/** What {@link SolveOptions.onIteration} receives after each iteration. */
export interface IterationInfo {
  /** 1-based iteration (epoch) count. */
  iteration: number;
  /** Current coefficients (on the design's scale). Read-only: copy to keep. */
  w: Float64Array;
  /** Current intercept on the design's (centered) scale. */
  b: number;
}

/** Options of {@link solve}. */
export interface SolveOptions {
  /** Which strategy to run (default `'auto'`: see `engine.ts` for how it chooses). */
  strategy?: Strategy;
  /** Iteration (epoch) cap: a strategy that reaches it stops with `converged = false`. */
  maxIter: number;
  /** Tolerance of the stopping rule (see `stopping.ts`; CG: relative residual). */
  tol: number;
  /** Starting point (warm start); zeros by default. */
  initial?: {
    /** Coefficients on the design's scale. */
    w: Float64Array;
    /** Intercept for the stored (centered) design. */
    b: number;
    /**
     * A previous result's {@link SolveResult.certificate}, on the same datafit and design
     * (a regularization path passes each solution on this way): coordinate descent then
     * skips its first full pass over X.
     */
    certificate?: GradientCertificate;
  };
  /**
   * Coordinate descent only: restrict epochs to working sets of the likely support
   * (default true). `false` gives plain cyclic epochs over every feature.
   */
  workingSet?: boolean;
  /**
   * Coordinate descent only: let an outer pass skip the zero features whose gradient is
   * certified to satisfy their KKT condition (default true; see `coordinateDescent.ts`).
   * `false` computes every feature's gradient at every outer pass.
   */
  certifiedGradients?: boolean;
  /**
   * Coordinate descent only: Anderson extrapolation of the inner epochs (default true; see
   * `coordinateDescent.ts`). An extrapolated point is kept only when it lowers the
   * objective. `false` runs plain epochs.
   */
  extrapolation?: boolean;
  /**
   * Direct solve only: let a large tall problem try conjugate gradient to round-off
   * before forming XᵀX, and a tall problem whose XᵀX Cholesky refuses try it before the
   * SVD (default true; see `direct.ts`). `false` always factors.
   */
  iterativeShortcut?: boolean;
  /** Called after every iteration; return `false` to stop early. */
  onIteration?: (info: IterationInfo) => void | boolean;
}

/** What the engine returns. */
export interface SolveResult {
  /** Coefficients on the design's (feature) scale. */
  w: Float64Array;
  /** Intercept for the stored (centered) design. */
  b: number;
  /** Iterations (epochs) run. */
  nIter: number;
  /** Whether the stopping rule was met within `maxIter`. */
  converged: boolean;
  /** The strategy that ran. */
  strategy: Exclude<Strategy, 'auto'>;
  /** Which stopping measure was used. */
  criterion: 'duality-gap' | 'kkt' | 'exact' | 'residual';
  /** Final value of that measure (0 for an exact solve). */
  optimality: number;
  /** Threshold it was compared with. */
  threshold: number;
  /** F + g at the solution. */
  objective: number;
  /** ∇_w F at the returned (w, b), when the strategy computed it there (coordinate descent). */
  gradient?: Float64Array;
  /**
   * Coordinate descent only: ∇_w F at the returned (w, b) as its last outer pass left it,
   * which warm-starts the next solve of a path (see {@link GradientCertificate}).
   */
  certificate?: GradientCertificate;
}

/**
 * ∇_w F at an iterate as coordinate descent's certified gradients leave it: `gradient[j]`
 * is exact where `skipped[j]` is 0; where it is 1, only |∂F/∂wⱼ| ≤ `bound[j]` is known
 * (and `gradient[j]` is 0). `theta` is the dual point −∇_z F at that iterate, from which
 * the bounds move (see `coordinateDescent.ts`).
 */
export interface GradientCertificate {
  /** ∂F/∂wⱼ where `skipped[j]` is 0; 0 where it is 1. */
  gradient: Float64Array;
  /** 1 for the features whose gradient entry was not computed (certified), else 0. */
  skipped: Uint8Array;
  /** Upper bounds on |∂F/∂wⱼ|: the certified ones for skipped features, |∂F/∂wⱼ| plus rounding for the others. */
  bound: Float64Array;
  /** The dual point −∇_z F (length n) at the iterate. */
  theta: Float64Array;
}
