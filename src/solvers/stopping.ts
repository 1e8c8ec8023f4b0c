/**
 * The stopping rule, in one place for every strategy.
 *
 * - **Duality gap** (when the datafit and the penalty both have conjugates, e.g. the
 *   Lasso and elastic net): stop when `P(w) − D(θ) ≤ tol · gapScale`, where θ is the
 *   dual point −∇F(Xw + b), centered when an intercept is fitted and rescaled into
 *   the dual domain. For the Lasso this is scikit-learn's rule exactly:
 *   `gap ≤ tol · ‖y − ȳ‖² / n` in the `1/(2n)` objective, up to one refinement: each
 *   uⱼ = xⱼᵀθ is first moved toward 0 by its rounding bound γ·√n·ε·‖xⱼ‖·‖θ‖. A column
 *   in huge units has a computed xⱼᵀθ ≈ ε·‖xⱼ‖·‖θ‖ ≫ alpha even at the optimum, which
 *   would shrink θ to nothing; on ordinary data the bound is ~1e-13 of alpha and moves
 *   the gap by about bound·‖w‖₁, no more than the gap's own round-off.
 * - **KKT residual** otherwise: stop when `max(|∂F/∂b|/√L_b, maxⱼ dist(−∂F/∂wⱼ, ∂gⱼ(wⱼ))/√Lⱼ)`
 *   falls to `tol` times its value at w = 0, b = 0. Each coordinate's violation is
 *   measured in equilibrated units (divided by √ of its curvature Lⱼ), so a feature in
 *   large units cannot dominate the rule while small-unit ones are still wrong; the
 *   rule is then invariant to rescaling any column or the whole problem. With an L2
 *   penalty on a non-quadratic loss (LogisticL2) the rule also asks for
 *   {@link strongConvexityGuard}: the objective certified within √tol of its minimum in w.
 * - Strategies ask {@link StoppingRule.met}, which applies both.
 *
 * @module
 */
import { Quadratic } from '../datafits/quadratic.js';
import type { QuadraticGram } from '../datafits/quadraticGram.js';
import { dot, matTVec, maxAbs, sum } from '../linalg/kernels.js';
import { L1 } from '../penalties/l1.js';
import type { Penalty } from '../penalties/types.js';
import type { Problem } from './types.js';

/**
 * γ in the rounding bound γ·√n·ε·‖xⱼ‖·‖θ‖ of a computed xⱼᵀθ: the error of a sum of n
 * products grows like √n·ε times their magnitudes (Σᵢ|xᵢⱼθᵢ| ≤ ‖xⱼ‖·‖θ‖), and γ = 4
 * covers the spread of that random walk with margin.
 */
const ROUNDING_FACTOR = 4;

export class StoppingRule {
  /**
   * Keeps V8's hidden class for StoppingRule alive across GCs, so the solvers' compiled
   * code that uses it survives them (see `Quadratic` in datafits/quadratic.ts): a rule
   * for a 2×1 Lasso.
   */
  static readonly #keepsMapAlive = /* @__PURE__ */ new StoppingRule(
    {
      design: { nSamples: 2, nFeatures: 1, values: /* @__PURE__ */ Float64Array.of(-0.5, 0.5), columnMeans: /* @__PURE__ */ Float64Array.of(0.5), centered: true, columnSquaredNorms: /* @__PURE__ */ Float64Array.of(0.5) },
      y: /* @__PURE__ */ Float64Array.of(0.25, 0.75),
      datafit: /* @__PURE__ */ new Quadratic(0.5),
      penalty: /* @__PURE__ */ new L1(0.5),
      fitIntercept: true,
    },
    0.5,
  );
  readonly criterion: 'duality-gap' | 'kkt';
  readonly threshold: number;
  private readonly theta: Float64Array;
  private readonly u: Float64Array;
  /** 1/√Lⱼ for the KKT rule's equilibrated units (1 for a constant column). */
  private readonly units: Float64Array;
  private readonly interceptUnit: number;
  /** ‖xⱼ‖, for the rounding bound of xⱼᵀθ (duality gap only). */
  private readonly columnNorms: Float64Array;
  /** Whether {@link strongConvexityGuard} has something to certify (see {@link met}). */
  private readonly certifies: boolean;

  constructor(
    private readonly problem: Problem,
    private readonly tol: number,
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
    this.columnNorms = gap ? design.columnSquaredNorms.map(Math.sqrt) : new Float64Array(0);
    // for a squared loss Lⱼ is the curvature itself, not a bound, and the KKT rule can be trusted
    this.certifies = !gap && penalty.smooth && penalty.gradientCoordinate !== undefined && datafit.quadraticWeight === undefined;
    if (gap) {
      this.criterion = 'duality-gap';
      this.threshold = tol * datafit.gapScale!(atZero, fitIntercept);
    } else {
      this.criterion = 'kkt';
      this.threshold = tol * this.kktResidual(atZero, new Float64Array(design.nFeatures));
    }
  }

  /**
   * Whether the strategy may stop at the state's iterate (w, b): `optimality`, the measure
   * there, is at most the threshold and, with an L2 penalty on a non-quadratic loss, the
   * objective is certified within √tol of its minimum in w ({@link strongConvexityGuard}).
   * `datafitGradient` returns ∇_w F at the iterate; it is called only for the certificate.
   */
  met(optimality: number, state: unknown, w: Float64Array, datafitGradient: () => Float64Array): boolean {
    return (
      optimality <= this.threshold &&
      (!this.certifies || strongConvexityGuard(this.problem, state, w, datafitGradient(), objectiveValue(this.problem, state, w), this.tol))
    );
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
    // of θ before centering: it bounds the centered θ too, and u from the gradient is computed from it
    const thetaNorm = norm(theta);
    if (fitIntercept) {
      // the intercept's dual constraint is Σθ = 0; the sum is removed in proportion to the
      // sample weights, so θᵢ stays 0 where swᵢ = 0 (outside that, F* is +∞ and a plain
      // mean shift made the gap read negative) and Xᵀθ is unchanged (weighted-centered columns)
      const sw = datafit.sampleWeights;
      const shift = sum(theta) / (sw ? sum(sw) : theta.length);
      for (let i = 0; i < theta.length; i++) theta[i] -= (sw ? sw[i] : 1) * shift;
    }
    if (!uReady) matTVec(design, theta, this.u);
    this.discountRounding(thetaNorm);
    const scale = penalty.dualScale!(this.u);
    if (scale !== 1) {
      for (let i = 0; i < theta.length; i++) theta[i] *= scale;
      for (let j = 0; j < this.u.length; j++) this.u[j] *= scale;
    }
    const primal = datafit.value(state) + penalty.value(w);
    const dual = -datafit.conjugateAtNegative!(state, theta) - penalty.conjugate!(this.u);
    return primal - dual;
  }

  /**
   * Moves each uⱼ toward 0 by its rounding bound (to 0 when |uⱼ| is within it): the
   * dual point is then feasible up to a perturbation of θ of relative size ~√n·ε, and
   * D(θ) moves by about bound·‖w‖₁. Without it a column in units of 1e120 (an
   * effectively unpenalized feature) reads |xⱼᵀθ| ≈ 1e103 ≫ alpha at the optimum, θ is
   * scaled to ~1e-105 and the gap never closes.
   */
  private discountRounding(thetaNorm: number): void {
    const u = this.u;
    const perUnitNorm = roundingBound(this.problem.design.nSamples, thetaNorm);
    for (let j = 0; j < u.length; j++) {
      const bound = perUnitNorm * this.columnNorms[j];
      const a = Math.abs(u[j]);
      u[j] = a > bound ? Math.sign(u[j]) * (a - bound) : 0;
    }
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

/**
 * The duality gap of {@link StoppingRule.dualityGap} for a squared loss in covariance form
 * ({@link QuadraticGram}), from the moments alone. The dual point is the same, θ = s·W·r
 * for r = ỹ − X̃w (already centered: the form has the optimal intercept built in), so
 * u = X̃ᵀθ = c − q with q = Hw, and κ = dualScale(u) makes κθ feasible. Written in the
 * moments,
 *
 *     P(w) − D(κθ) = ½·(1 − κ)²·ρ − κ·wᵀu + g(w) + g*(κ·u),   ρ = s·rᵀWr = 2F(w),
 *
 * so ρ, the one quantity the moments give only to about ε·a, enters multiplied by
 * (1 − κ)², which vanishes as θ becomes feasible. Unlike the sample-space gap, uⱼ needs
 * no rounding discount: it is the very qⱼ − cⱼ that coordinate descent drives to its
 * optimality condition, so a column in units of 1e120 reads its noise-free value (the
 * tests certify such problems in a few epochs). The threshold is `tol · a`,
 * scikit-learn's. `u` is scratch of length p.
 */
export function gramDualityGap(datafit: QuadraticGram, penalty: Penalty, w: Float64Array, q: Float64Array, u: Float64Array): number {
  const { linear: c, nFeatures: p } = datafit;
  let wu = 0;
  for (let j = 0; j < p; j++) {
    u[j] = c[j] - q[j];
    if (w[j] !== 0) wu += w[j] * u[j];
  }
  const kappa = penalty.dualScale!(u);
  if (kappa !== 1) for (let j = 0; j < p; j++) u[j] *= kappa;
  const rho = datafit.residualSquares(w, q);
  return 0.5 * (1 - kappa) * (1 - kappa) * rho - kappa * wu + penalty.value(w) + penalty.conjugate!(u);
}

/**
 * A guard on the KKT rule for a penalty that is strongly convex in w (L2 with every
 * feature penalized). The KKT rule measures violations relative to their value at w = 0,
 * in units of the datafit's global curvature bound Lⱼ; where the curvature near the
 * solution is far below that bound (the logistic loss on separable data with a large C)
 * it can be met far from the optimum: C = 1e4 on a 50 × 5000 design stopped after one
 * iteration at 158 times the optimal objective. So a strategy also asks for a certificate.
 * In equilibrated coordinates vⱼ = √(Lⱼ + λⱼ)·wⱼ (λⱼ the penalty's curvature) P is
 * μ-strongly convex with μ = minⱼ λⱼ/(Lⱼ + λⱼ), so P(w, b) − min_w′ P(w′, b) ≤
 * Σⱼ (∂P/∂wⱼ)²/(Lⱼ + λⱼ) / (2μ); the guard asks that bound to be at most √tol·|P(w)|. Each
 * ∂P/∂wⱼ is first moved toward 0 by the rounding bound of xⱼᵀθ (θ = −∇_z F at `state`), as
 * the duality gap does, so that data in extreme units can meet it. Rescaling a column (with
 * its penalty factor) changes nothing. On ordinary problems the bound is far below √tol·P
 * once the KKT rule holds (the 20000 × 200 benchmark: 2.9e-4·P at tol 1e-4). `true` (no
 * certificate, the KKT rule alone decides) when the penalty is not strongly convex, and for
 * a squared loss, whose curvature is Lⱼ everywhere.
 */
function strongConvexityGuard(problem: Problem, state: unknown, w: Float64Array, datafitGrad: Float64Array, objective: number, tol: number): boolean {
  const { penalty, datafit, design } = problem;
  if (!penalty.gradientCoordinate) return true;
  const theta = new Float64Array(design.nSamples);
  datafit.dualPoint(state, theta);
  const perUnitNorm = roundingBound(design.nSamples, norm(theta));
  const curvatures = datafit.lipschitzConstants(design);
  let mu = Infinity;
  const scaled = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    const lambda = penalty.gradientCoordinate(1, j) - penalty.gradientCoordinate(0, j);
    const curvature = curvatures[j] + lambda;
    mu = Math.min(mu, lambda / curvature);
    const g = Math.abs(datafitGrad[j] + penalty.gradientCoordinate(w[j], j));
    scaled[j] = Math.max(0, g - perUnitNorm * Math.sqrt(design.columnSquaredNorms[j])) / Math.sqrt(curvature);
  }
  // an objective of 0 (or below the normal range) has nothing left to certify
  if (!(mu > 0) || !(Math.abs(objective) >= 2.2250738585072014e-308)) return true;
  // ‖∇ᵥP‖ ≤ √(2μ·√tol·|P|), each factor's root taken apart so that none overflows
  return norm(scaled) <= Math.sqrt(2 * mu) * Math.sqrt(Math.sqrt(tol)) * Math.sqrt(Math.abs(objective));
}

/** The rounding bound of a computed xⱼᵀθ per unit of ‖xⱼ‖: γ·√n·ε·‖θ‖ (γ = {@link ROUNDING_FACTOR}). */
export function roundingBound(nSamples: number, thetaNorm: number): number {
  return ROUNDING_FACTOR * Math.sqrt(nSamples) * Number.EPSILON * thetaNorm;
}

/** ‖v‖, without overflow or underflow of the squares (targets beyond 1e154 or below 1e-154). */
export function norm(v: Float64Array): number {
  const squares = dot(v, v);
  if (squares > 1e-290 && squares < Infinity) return Math.sqrt(squares);
  const m = maxAbs(v);
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    // a division, not a product with 1/m: 1/m overflows for a subnormal m
    const t = v[i] / m;
    s += t * t;
  }
  return m * Math.sqrt(s);
}

/** F + g at the state's iterate. */
export function objectiveValue(problem: Problem, state: unknown, w: Float64Array): number {
  return problem.datafit.value(state) + problem.penalty.value(w);
}

