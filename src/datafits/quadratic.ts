import type { Design } from '../data/design.js';
import { axpyColumn, axpyDotColumns, dot, dotColumn, matTVec, matVec, sum } from '../linalg/kernels.js';
import type { Datafit } from './types.js';

/**
 * State of {@link Quadratic}: the targets, the residual r = y − Xw − b, and the
 * weighted residual sw∘r (the same array when there are no sample weights).
 */
export interface QuadraticState {
  /** The targets. */
  y: Float64Array;
  /** r = y − Xw − b at the current iterate. */
  residual: Float64Array;
  /** sw∘r, or `residual` itself when there are no sample weights. */
  weightedResidual: Float64Array;
}

/**
 * Squared loss, scaled by a weight s and optional per-sample weights swᵢ ≥ 0:
 *
 *     F(z) = (s/2) · Σᵢ swᵢ·(yᵢ − zᵢ)²,   z = Xw + b
 *
 * With s = 1/n (or 1/Σswᵢ) this is the datafit of scikit-learn's `Lasso` and
 * `ElasticNet` (`1/(2n)·‖y − Xw − b‖²`) and of glmnet's `family = "gaussian"`; with
 * s = 2 it is scikit-learn's `Ridge` datafit `‖y − Xw − b‖²` (written as `(2/2)·‖·‖²`).
 * In skglm it is `Quadratic()` (s = 1/n). Integer swᵢ equal repeating row i swᵢ times.
 */
export class Quadratic implements Datafit<QuadraticState> {
  /**
   * One instance kept for the program's lifetime, so that V8 keeps this class's hidden
   * class (map). A map whose instances are all garbage is freed at the next full GC,
   * and every optimized function compiled against it is thrown away: a fit started
   * after a GC then runs unoptimized until V8 recompiles, which measured 26 ms instead
   * of 15 for a 5000×200 Lasso. Built from non-integers, so each numeric field already
   * has the general (double) representation later instances need. The penalties, the
   * other datafit and the stopping rule keep one the same way.
   */
  static readonly #keepsMapAlive = /* @__PURE__ */ new Quadratic(0.5);
  readonly name = 'Quadratic';
  readonly smoothness: number;
  readonly quadraticWeight: number;

  /**
   * @param weight s in (s/2)·Σ swᵢ(yᵢ − zᵢ)²; must be positive.
   * @param sampleWeights swᵢ ≥ 0, one per sample (all 1 when omitted).
   */
  constructor(
    readonly weight: number,
    readonly sampleWeights?: Float64Array,
  ) {
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`Quadratic: weight must be a positive finite number; received ${weight}.`);
    this.smoothness = weight * (sampleWeights ? maxOf(sampleWeights) : 1);
    this.quadraticWeight = weight;
  }

  createState(design: Design, y: Float64Array): QuadraticState {
    const residual = Float64Array.from(y);
    const sw = this.sampleWeights;
    return { y, residual, weightedResidual: sw ? residual.map((r, i) => sw[i] * r) : residual };
  }

  lipschitzConstants(design: Design): Float64Array {
    return columnCurvatures(design, this.weight, this.sampleWeights);
  }

  setIterate(state: QuadraticState, design: Design, w: Float64Array, b: number): void {
    matVec(design, w, b, state.residual);
    this.setLinearPredictor(state, state.residual);
  }

  setLinearPredictor(state: QuadraticState, z: Float64Array): void {
    const { y, residual, weightedResidual } = state;
    const sw = this.sampleWeights;
    for (let i = 0; i < y.length; i++) residual[i] = y[i] - z[i];
    if (sw) for (let i = 0; i < y.length; i++) weightedResidual[i] = sw[i] * residual[i];
  }

  value(state: QuadraticState): number {
    return 0.5 * this.weight * dot(state.residual, state.weightedResidual);
  }

  partialGradient(state: QuadraticState, design: Design, j: number): number {
    const n = design.nSamples;
    return -this.weight * dotColumn(design.values, j * n, state.weightedResidual, n);
  }

  moveCoordinate(state: QuadraticState, design: Design, j: number, delta: number): void {
    const n = design.nSamples;
    const { values } = design;
    axpyColumn(-delta, values, j * n, state.residual, n);
    const sw = this.sampleWeights;
    if (sw) {
      const out = state.weightedResidual;
      const o = j * n;
      for (let i = 0; i < n; i++) out[i] -= delta * sw[i] * values[o + i];
    }
  }

  /** Without sample weights both calls use the residual alone: one pass over it. */
  moveThenPartialGradient(state: QuadraticState, design: Design, j: number, delta: number, k: number): number {
    const n = design.nSamples;
    if (this.sampleWeights) {
      this.moveCoordinate(state, design, j, delta);
      return this.partialGradient(state, design, k);
    }
    return -this.weight * axpyDotColumns(-delta, design.values, j * n, k * n, state.residual, n);
  }

  interceptGradient(state: QuadraticState): number {
    return -this.weight * sum(state.weightedResidual);
  }

  /** The exact minimizer over b: the (weighted) mean residual. */
  interceptStep(state: QuadraticState): number {
    const sw = this.sampleWeights;
    return sum(state.weightedResidual) / (sw ? sum(sw) : state.residual.length);
  }

  moveIntercept(state: QuadraticState, delta: number): void {
    const { residual: r, weightedResidual: wr } = state;
    const sw = this.sampleWeights;
    for (let i = 0; i < r.length; i++) r[i] -= delta;
    if (sw) for (let i = 0; i < r.length; i++) wr[i] -= delta * sw[i];
  }

  gradient(state: QuadraticState, design: Design, out: Float64Array): number {
    matTVec(design, state.weightedResidual, out);
    for (let j = 0; j < out.length; j++) out[j] *= -this.weight;
    return this.interceptGradient(state);
  }

  dualPoint(state: QuadraticState, out: Float64Array): void {
    const wr = state.weightedResidual;
    for (let i = 0; i < wr.length; i++) out[i] = this.weight * wr[i];
  }

  /** F*(u) = Σᵢ uᵢyᵢ + uᵢ²/(2·s·swᵢ), evaluated at u = −θ (θᵢ = 0 where swᵢ = 0). */
  conjugateAtNegative(state: QuadraticState, theta: Float64Array): number {
    const sw = this.sampleWeights;
    // Σ(θᵢ/√(2·s·swᵢ))², scaled before squaring so tiny θ (data scaled by 1e-150) does not underflow
    let quadratic = 0;
    for (let i = 0; i < theta.length; i++) {
      const v = sw ? sw[i] : 1;
      if (v > 0) {
        const t = theta[i] / Math.sqrt(2 * this.weight * v);
        quadratic += t * t;
      }
    }
    return -dot(theta, state.y) + quadratic;
  }

  /** s·Σ swᵢ(yᵢ − ȳ)² (ȳ the weighted mean, or 0 without intercept): scikit-learn's scale. */
  gapScale(state: QuadraticState, fitIntercept: boolean): number {
    const { y } = state;
    const sw = this.sampleWeights;
    let mean = 0;
    if (fitIntercept) {
      let total = 0;
      for (let i = 0; i < y.length; i++) {
        const v = sw ? sw[i] : 1;
        mean += v * y[i];
        total += v;
      }
      mean /= total;
    }
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (sw ? sw[i] : 1) * (y[i] - mean) * (y[i] - mean);
    return this.weight * s;
  }
}

/** max of a non-empty array. */
export function maxOf(v: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
  return m;
}

/**
 * Per-coordinate curvature bounds c·Σᵢ swᵢ·xᵢⱼ² (c·‖xⱼ‖² without sample weights), the
 * Lipschitz constants coordinate descent steps with.
 */
export function columnCurvatures(design: Design, c: number, sampleWeights?: Float64Array): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!sampleWeights) {
      out[j] = c * design.columnSquaredNorms[j];
      continue;
    }
    let s = 0;
    const o = j * n;
    for (let i = 0; i < n; i++) s += sampleWeights[i] * values[o + i] * values[o + i];
    out[j] = c * s;
  }
  return out;
}
