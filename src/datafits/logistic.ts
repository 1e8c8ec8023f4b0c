import type { Design } from '../data/design.js';
import { axpyColumn, dotColumn, matTVec, matVec, sum } from '../linalg/kernels.js';
import { columnCurvatures, maxOf } from './quadratic.js';
import type { Datafit } from './types.js';

/**
 * State of {@link Logistic}: labels ±1, z = Xw + b and the per-sample gradient ∂F/∂zᵢ,
 * recomputed only when a gradient is asked for (a line search's trial points need
 * only the value).
 */
export interface LogisticState {
  /** The labels, as ±1. */
  signs: Float64Array;
  /** The linear predictor z = Xw + b at the current iterate. */
  z: Float64Array;
  /** ∂F/∂zᵢ for each sample (valid when `gradientIsCurrent`). */
  sampleGradient: Float64Array;
  /** Whether `sampleGradient` matches `z`. */
  gradientIsCurrent: boolean;
}

/** log(1 + e^(−t)), exact for every finite t (no overflow, no cancellation). */
export function logOnePlusExpNeg(t: number): number {
  return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
}

/** σ(−t) = 1/(1 + e^t), stable for every finite t. */
export function sigmoidNeg(t: number): number {
  if (t >= 0) {
    const e = Math.exp(-t);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(t));
}

/**
 * Logistic loss on labels ỹᵢ ∈ {−1, +1}, scaled by a weight c:
 *
 *     F(z) = c · Σᵢ swᵢ · log(1 + exp(−ỹᵢ zᵢ)),   z = Xw + b
 *
 * with optional per-sample weights swᵢ ≥ 0 (in the sum as c·Σ swᵢ·…).
 * With c = C this is the datafit of scikit-learn's `LogisticRegression(C)`
 * (`C·Σ log(1 + exp(−ỹᵢ(xᵢ·w + b)))`); glmnet's `family = "binomial"` uses
 * c = 1/n. In skglm it is `Logistic()` (c = 1/n).
 */
export class Logistic implements Datafit<LogisticState> {
  /** Keeps V8's hidden class for Logistic alive across GCs (see {@link Quadratic}). */
  static readonly #keepsMapAlive = /* @__PURE__ */ new Logistic(0.5);
  readonly name = 'Logistic';
  /** σ'(t) ≤ 1/4, so ∇F is (c/4)-Lipschitz per sample. */
  readonly smoothness: number;

  /**
   * @param weight c in c·Σ swᵢ·log(1 + exp(−ỹᵢzᵢ)); must be positive.
   * @param sampleWeights swᵢ ≥ 0, one per sample (all 1 when omitted).
   */
  constructor(
    readonly weight: number,
    readonly sampleWeights?: Float64Array,
  ) {
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`Logistic: weight must be a positive finite number; received ${weight}.`);
    this.smoothness = (weight / 4) * (sampleWeights ? maxOf(sampleWeights) : 1);
  }

  lipschitzConstants(design: Design): Float64Array {
    return columnCurvatures(design, this.weight / 4, this.sampleWeights);
  }

  /** `y` holds the labels as ±1. */
  createState(design: Design, y: Float64Array): LogisticState {
    const n = design.nSamples;
    return { signs: y, z: new Float64Array(n), sampleGradient: new Float64Array(n), gradientIsCurrent: false };
  }

  /** The per-sample gradient −c·ỹᵢ·σ(−ỹᵢzᵢ), brought up to date with z. */
  private current(state: LogisticState): Float64Array {
    if (!state.gradientIsCurrent) {
      const { signs, z, sampleGradient } = state;
      const c = this.weight;
      const sw = this.sampleWeights;
      for (let i = 0; i < z.length; i++) sampleGradient[i] = -c * (sw ? sw[i] : 1) * signs[i] * sigmoidNeg(signs[i] * z[i]);
      state.gradientIsCurrent = true;
    }
    return state.sampleGradient;
  }

  setIterate(state: LogisticState, design: Design, w: Float64Array, b: number): void {
    matVec(design, w, b, state.z);
    state.gradientIsCurrent = false;
  }

  setLinearPredictor(state: LogisticState, z: Float64Array): void {
    state.z.set(z);
    state.gradientIsCurrent = false;
  }

  value(state: LogisticState): number {
    const { signs, z } = state;
    const sw = this.sampleWeights;
    let s = 0;
    for (let i = 0; i < z.length; i++) s += (sw ? sw[i] : 1) * logOnePlusExpNeg(signs[i] * z[i]);
    return this.weight * s;
  }

  partialGradient(state: LogisticState, design: Design, j: number): number {
    const n = design.nSamples;
    return dotColumn(design.values, j * n, this.current(state), n);
  }

  moveCoordinate(state: LogisticState, design: Design, j: number, delta: number): void {
    const n = design.nSamples;
    axpyColumn(delta, design.values, j * n, state.z, n);
    state.gradientIsCurrent = false;
  }

  interceptGradient(state: LogisticState): number {
    return sum(this.current(state));
  }

  /**
   * The step that minimizes F over b, to 1e-10 in log-odds (at most 8 Newton steps). F is
   * (c/4)·Σswᵢ-smooth in b, but on well separated classes its curvature c·Σ swᵢσ(1 − σ) is
   * far below that bound, and the majorization step −g/((c/4)·Σswᵢ) crawls: coordinate
   * descent at C = 100 on separable data stopped with b far behind, where the certificate
   * of strongConvexityGuard (for the current b) does not hold. Each Newton step is halved
   * while it fails Armijo's sufficient decrease, down to the majorization step, which
   * always lowers F.
   */
  interceptStep(state: LogisticState): number {
    const { signs, z } = state;
    const sw = this.sampleWeights;
    const c = this.weight;
    const total = sw ? sum(sw) : z.length;
    const valueAt = (shift: number) => {
      let s = 0;
      for (let i = 0; i < z.length; i++) s += (sw ? sw[i] : 1) * logOnePlusExpNeg(signs[i] * (z[i] + shift));
      return c * s;
    };
    let delta = 0;
    let value = valueAt(0);
    for (let k = 0; k < 8; k++) {
      let g = 0;
      let curvature = 0;
      for (let i = 0; i < z.length; i++) {
        const s = sigmoidNeg(signs[i] * (z[i] + delta));
        const weight = sw ? sw[i] : 1;
        g -= weight * signs[i] * s;
        curvature += weight * s * (1 - s);
      }
      if (g === 0) break;
      const majorization = -g / (total / 4);
      // Newton's step is the majorization step times total/(4·curvature) ≥ 1 (∞ where every σ
      // saturates); from at most 2³⁰ times it, halved: at most 30 trials, each O(n)
      let step = majorization * Math.min(total / (4 * curvature), 2 ** 30);
      let next = valueAt(delta + step);
      while (next > value + 0.5 * c * g * step && Math.abs(step) > Math.abs(majorization)) next = valueAt(delta + (step /= 2));
      if (!(Math.abs(step) > Math.abs(majorization))) next = valueAt(delta + (step = majorization));
      if (next > value) break; // round-off: b is at its minimum
      delta += step;
      value = next;
      if (Math.abs(step) <= 1e-10) break;
    }
    return delta;
  }

  moveIntercept(state: LogisticState, delta: number): void {
    const z = state.z;
    for (let i = 0; i < z.length; i++) z[i] += delta;
    state.gradientIsCurrent = false;
  }

  gradient(state: LogisticState, design: Design, out: Float64Array): number {
    matTVec(design, this.current(state), out);
    return this.interceptGradient(state);
  }

  dualPoint(state: LogisticState, out: Float64Array): void {
    const g = this.current(state);
    for (let i = 0; i < g.length; i++) out[i] = -g[i];
  }
}
