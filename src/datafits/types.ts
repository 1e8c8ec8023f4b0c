/**
 * The datafit interface: a loss F seen through the linear predictor z = Xw + b.
 *
 * A datafit owns a small mutable *state* (its vectors for the current iterate), so
 * that coordinate descent can move one coordinate in O(n) without recomputing Xw.
 * Every solver strategy speaks only to this interface and to {@link Penalty}.
 *
 * @module
 */
import type { Design } from '../data/design.js';

/** A loss F(z) of the linear predictor z = Xw + b, with what the solvers need. */
export interface Datafit<State = unknown> {
  /** Human-readable name, used in messages. */
  readonly name: string;
  /**
   * L such that ∇F is L-Lipschitz in z (per sample): every coordinate's curvature
   * along column xⱼ is at most L·‖xⱼ‖². With sample weights, L = κ·maxᵢ swᵢ where κ is
   * the curvature per unit of weight (sample i's loss is swᵢ times an unweighted one);
   * FISTA relies on this to bound the curvature by κ·XᵀWX instead of L·XᵀX.
   */
  readonly smoothness: number;
  /** Per-sample weights swᵢ ≥ 0, when the loss has them (scikit-learn's `sample_weight`). */
  readonly sampleWeights?: Float64Array;
  /** Lⱼ for every feature: the curvature of F along column j (coordinate descent's steps). */
  lipschitzConstants(design: Design): Float64Array;
  /** Allocates the state for this data; the iterate starts at w = 0, b = 0. */
  createState(design: Design, y: Float64Array): State;
  /** Recomputes the state for the iterate (w, b): O(n·nnz(w)). */
  setIterate(state: State, design: Design, w: Float64Array, b: number): void;
  /**
   * Sets the state from a linear predictor z = Xw + b computed by the caller: O(n).
   * Line searches use it to try steps along a direction without another pass over X.
   */
  setLinearPredictor(state: State, z: Float64Array): void;
  /** F(Xw + b) at the state's iterate. */
  value(state: State): number;
  /** ∂F/∂wⱼ at the state's iterate. */
  partialGradient(state: State, design: Design, j: number): number;
  /** Updates the state for wⱼ ← wⱼ + delta. */
  moveCoordinate(state: State, design: Design, j: number, delta: number): void;
  /**
   * `moveCoordinate(state, design, j, delta)` then `partialGradient(state, design, k)`,
   * with the same results, in one pass over the samples where the datafit can (optional;
   * coordinate descent uses it when present).
   */
  moveThenPartialGradient?(state: State, design: Design, j: number, delta: number, k: number): number;
  /** ∂F/∂b at the state's iterate. */
  interceptGradient(state: State): number;
  /**
   * The step δ for the intercept, b ← b + δ, that minimizes F over b for the current w
   * (exactly for the squared loss; by safeguarded Newton steps, each lowering F, for the
   * logistic loss). Coordinate descent takes it after every epoch, and the certificate
   * of its stopping rule relies on b being optimal for w.
   */
  interceptStep(state: State): number;
  /** Updates the state for b ← b + delta. */
  moveIntercept(state: State, delta: number): void;
  /** Writes ∇_w F into `out` (length p) and returns ∂F/∂b. */
  gradient(state: State, design: Design, out: Float64Array): number;
  /** Writes θ = −∇_z F(z) (length n), the natural dual point, into `out`. */
  dualPoint(state: State, out: Float64Array): void;
  /**
   * F*(−θ), the convex conjugate at −θ, when the datafit has a cheap one; with it and
   * the penalty's conjugate the engine computes a duality gap.
   */
  conjugateAtNegative?(state: State, theta: Float64Array): number;
  /**
   * The scale that `tol` multiplies in the duality-gap stopping rule
   * (scikit-learn's: F's weight times ‖y − ȳ‖², or ‖y‖² without intercept).
   */
  gapScale?(state: State, fitIntercept: boolean): number;
  /**
   * When present, F(z) = (weight/2)·‖y − z‖² and a penalty that is purely quadratic
   * can be solved exactly from the normal equations.
   */
  readonly quadraticWeight?: number;
}
