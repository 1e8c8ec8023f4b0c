/**
 * The stopping rule, in one place for every strategy.
 *
 * - **Duality gap** (when the datafit and the penalty both have conjugates, e.g. the
 *   Lasso and elastic net): stop when `P(w) − D(θ) ≤ tol · gapScale`, where θ is the
 *   dual point −∇F(Xw + b), centered when an intercept is fitted and rescaled into
 *   the dual domain. For the Lasso this is scikit-learn's rule exactly:
 *   `gap ≤ tol · ‖y − ȳ‖² / n` in the `1/(2n)` objective.
 * - **KKT residual** otherwise: stop when `max(|∂F/∂b|/√L_b, maxⱼ dist(−∂F/∂wⱼ, ∂gⱼ(wⱼ))/√Lⱼ)`
 *   falls to `tol` times its value at w = 0, b = 0. Each coordinate's violation is
 *   measured in equilibrated units (divided by √ of its curvature Lⱼ), so a feature in
 *   large units cannot dominate the rule while small-unit ones are still wrong; the
 *   rule is then invariant to rescaling any column or the whole problem.
 *
 * @module
 */
import { matTVec, sum } from '../linalg/kernels.js';
import type { Problem } from './types.js';

export class StoppingRule {
  readonly criterion: 'duality-gap' | 'kkt';
  readonly threshold: number;
  private readonly theta: Float64Array;
  private readonly u: Float64Array;
  /** 1/√Lⱼ for the KKT rule's equilibrated units (1 for a constant column). */
  private readonly units: Float64Array;
  private readonly interceptUnit: number;

  constructor(
    private readonly problem: Problem,
    tol: number,
  ) {
    const { datafit, penalty, design, y, fitIntercept } = problem;
    this.theta = new Float64Array(design.nSamples);
    this.u = new Float64Array(design.nFeatures);
    const gap =
      datafit.conjugateAtNegative !== undefined &&
      datafit.gapScale !== undefined &&
      penalty.conjugate !== undefined &&
      penalty.dualScale !== undefined &&
      penalty.gapAvailable === true;
    this.units = datafit.lipschitzConstants(design).map((L) => (L > 0 ? 1 / Math.sqrt(L) : 1));
    const interceptCurvature = datafit.smoothness * design.nSamples;
    this.interceptUnit = interceptCurvature > 0 ? 1 / Math.sqrt(interceptCurvature) : 1;
    const atZero = datafit.createState(design, y);
    if (gap) {
      this.criterion = 'duality-gap';
      this.threshold = tol * datafit.gapScale!(atZero, fitIntercept);
    } else {
      this.criterion = 'kkt';
      this.threshold = tol * this.kktResidual(atZero, new Float64Array(design.nFeatures));
    }
  }

  /** The measure at iterate (w, b); `state` must hold that iterate. */
  measure(state: unknown, w: Float64Array): number {
    return this.criterion === 'duality-gap' ? this.dualityGap(state, w) : this.kktResidual(state, w);
  }

  /**
   * The measure from ∇_w F and ∂F/∂b that the caller has just computed at the state's
   * iterate: no extra pass over X, because Xᵀθ = −∇_w F for θ = −∇_z F (and centering
   * θ does not change Xᵀθ when the columns are centered).
   */
  measureFromGradient(state: unknown, w: Float64Array, grad: Float64Array, gb: number): number {
    if (this.criterion === 'kkt') return this.kktFromGradient(w, grad, gb);
    const { design, fitIntercept } = this.problem;
    if (fitIntercept && !design.centered) return this.dualityGap(state, w);
    for (let j = 0; j < grad.length; j++) this.u[j] = -grad[j];
    return this.dualityGap(state, w, true);
  }

  /** P(w) − D(θ) with θ = −∇F made dual-feasible. */
  dualityGap(state: unknown, w: Float64Array, uReady = false): number {
    const { datafit, penalty, design, fitIntercept } = this.problem;
    const theta = this.theta;
    datafit.dualPoint(state, theta);
    if (fitIntercept) {
      // the intercept's dual constraint is Σθ = 0
      const mean = sum(theta) / theta.length;
      for (let i = 0; i < theta.length; i++) theta[i] -= mean;
    }
    if (!uReady) matTVec(design, theta, this.u);
    const scale = penalty.dualScale!(this.u);
    if (scale !== 1) {
      for (let i = 0; i < theta.length; i++) theta[i] *= scale;
      for (let j = 0; j < this.u.length; j++) this.u[j] *= scale;
    }
    const primal = datafit.value(state) + penalty.value(w);
    const dual = -datafit.conjugateAtNegative!(state, theta) - penalty.conjugate!(this.u);
    return primal - dual;
  }

  /** max(|∂F/∂b|/√L_b if fitted, maxⱼ dist(−∂F/∂wⱼ, ∂gⱼ(wⱼ))/√Lⱼ). */
  kktResidual(state: unknown, w: Float64Array): number {
    const { datafit, design } = this.problem;
    const gb = datafit.gradient(state, design, this.u);
    return this.kktFromGradient(w, this.u, gb);
  }

  /** The KKT residual (equilibrated units) from ∇_w F and ∂F/∂b computed by the caller. */
  kktFromGradient(w: Float64Array, grad: Float64Array, gb: number): number {
    const { penalty, fitIntercept } = this.problem;
    let worst = fitIntercept ? Math.abs(gb) * this.interceptUnit : 0;
    for (let j = 0; j < grad.length; j++) {
      const d = penalty.subdifferentialDistance(w[j], grad[j], j) * this.units[j];
      if (d > worst) worst = d;
    }
    return worst;
  }
}

/** F + g at the state's iterate. */
export function objectiveValue(problem: Problem, state: unknown, w: Float64Array): number {
  return problem.datafit.value(state) + problem.penalty.value(w);
}

