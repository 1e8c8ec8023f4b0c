/**
 * The penalty interface: a separable regularizer g(w) = Σⱼ gⱼ(wⱼ) with its proximal
 * operator, as the engine needs it. The intercept is never penalized.
 *
 * @module
 */

/** A separable penalty g(w) = Σⱼ gⱼ(wⱼ). */
export interface Penalty {
  /** Human-readable name, used in messages. */
  readonly name: string;
  /** g(w). */
  value(w: Float64Array): number;
  /**
   * The proximal step on coordinate j:
   * `argmin_u ½(u − x)² + step·gⱼ(u)`.
   */
  proxCoordinate(x: number, step: number, j: number): number;
  /** The proximal step on a vector, written into `out`: coordinate-wise {@link proxCoordinate}. */
  prox(x: Float64Array, step: number, out: Float64Array): void;
  /**
   * dist(−∂F/∂wⱼ, ∂gⱼ(wⱼ)): how far coordinate j is from its optimality condition
   * (0 at a solution). The engine's KKT residual is the max over j.
   */
  subdifferentialDistance(wj: number, gradient: number, j: number): number;
  /** Whether g is differentiable everywhere (then {@link gradientCoordinate} exists). */
  readonly smooth: boolean;
  /** ∂g/∂wⱼ, for smooth penalties. */
  gradientCoordinate?(wj: number, j: number): number;
  /**
   * The convex conjugate g*(u) = sup_w uᵀw − g(w), evaluated where
   * {@link dualScale} has made it finite. Present when a duality gap can be computed.
   */
  conjugate?(u: Float64Array): number;
  /** A factor s ∈ (0, 1] such that g*(s·u) is finite (1 when it already is). */
  dualScale?(u: Float64Array): number;
  /**
   * Whether {@link conjugate} and {@link dualScale} give a usable duality gap (false
   * when the strength is 0: g* is then the indicator of {0} and the gap never closes).
   */
  readonly gapAvailable?: boolean;
  /**
   * The penalty of the same problem with the target divided by σ (a power of two):
   * g_σ(w) = g(σ·w)/σ², so that w solves the squared-loss problem with y/σ iff σ·w solves
   * the one with y. The engine solves problems with huge targets in those units.
   */
  scaledForTarget?(sigma: number): Penalty;
  /**
   * When present, g(w) = ½·quadraticStrength·‖w‖², so with a squared loss the problem
   * is solved exactly by the normal equations.
   */
  readonly quadraticStrength?: number;
  /**
   * The smallest strength at which w = 0 is optimal, given ∇_w F at w = 0 (with the
   * best intercept): present for penalties with an L1 part.
   */
  alphaMax?(gradientAtZero: Float64Array): number;
}

/** Coordinate-wise vector prox shared by every separable penalty. */
export function proxByCoordinate(penalty: Penalty, x: Float64Array, step: number, out: Float64Array): void {
  for (let j = 0; j < x.length; j++) out[j] = penalty.proxCoordinate(x[j], step, j);
}
