import type { Design } from '../data/design.js';
import { axpyColumn, dot, dotColumn, matTVec, matVec, sum } from '../linalg/kernels.js';
import type { Datafit } from './types.js';

/** State of {@link Quadratic}: the targets and the residual r = y − Xw − b. */
export interface QuadraticState {
  y: Float64Array;
  residual: Float64Array;
}

/**
 * Squared loss, scaled by a weight s:
 *
 *     F(z) = (s/2) · Σᵢ (yᵢ − zᵢ)²,   z = Xw + b
 *
 * With s = 1/n this is the datafit of scikit-learn's `Lasso`/`ElasticNet`
 * (`1/(2n)·‖y − Xw − b‖²`) and of glmnet's `family = "gaussian"`; with s = 2 it is
 * scikit-learn's `Ridge` datafit `‖y − Xw − b‖²` (written as `(2/2)·‖·‖²`).
 * In skglm it is `Quadratic()` (s = 1/n).
 */
export class Quadratic implements Datafit<QuadraticState> {
  readonly name = 'Quadratic';
  readonly smoothness: number;
  readonly quadraticWeight: number;

  /** @param weight s in (s/2)·‖y − z‖²; must be positive. */
  constructor(readonly weight: number) {
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`Quadratic: weight must be a positive finite number; received ${weight}.`);
    this.smoothness = weight;
    this.quadraticWeight = weight;
  }

  createState(design: Design, y: Float64Array): QuadraticState {
    return { y, residual: Float64Array.from(y) };
  }

  setIterate(state: QuadraticState, design: Design, w: Float64Array, b: number): void {
    matVec(design, w, b, state.residual);
    const { y, residual } = state;
    for (let i = 0; i < y.length; i++) residual[i] = y[i] - residual[i];
  }

  setLinearPredictor(state: QuadraticState, z: Float64Array): void {
    const { y, residual } = state;
    for (let i = 0; i < y.length; i++) residual[i] = y[i] - z[i];
  }

  value(state: QuadraticState): number {
    return 0.5 * this.weight * dot(state.residual, state.residual);
  }

  partialGradient(state: QuadraticState, design: Design, j: number): number {
    const n = design.nSamples;
    return -this.weight * dotColumn(design.values, j * n, state.residual, n);
  }

  moveCoordinate(state: QuadraticState, design: Design, j: number, delta: number): void {
    const n = design.nSamples;
    axpyColumn(-delta, design.values, j * n, state.residual, n);
  }

  interceptGradient(state: QuadraticState): number {
    return -this.weight * sum(state.residual);
  }

  interceptStep(state: QuadraticState): number {
    return sum(state.residual) / state.residual.length; // exact minimizer over b
  }

  moveIntercept(state: QuadraticState, delta: number): void {
    const r = state.residual;
    for (let i = 0; i < r.length; i++) r[i] -= delta;
  }

  gradient(state: QuadraticState, design: Design, out: Float64Array): number {
    matTVec(design, state.residual, out);
    for (let j = 0; j < out.length; j++) out[j] *= -this.weight;
    return this.interceptGradient(state);
  }

  dualPoint(state: QuadraticState, out: Float64Array): void {
    const r = state.residual;
    for (let i = 0; i < r.length; i++) out[i] = this.weight * r[i];
  }

  /** F*(u) = uᵀy + ‖u‖²/(2s), evaluated at u = −θ. */
  conjugateAtNegative(state: QuadraticState, theta: Float64Array): number {
    return -dot(theta, state.y) + dot(theta, theta) / (2 * this.weight);
  }

  gapScale(state: QuadraticState, fitIntercept: boolean): number {
    const y = state.y;
    const mean = fitIntercept ? sum(y) / y.length : 0;
    let s = 0;
    for (let i = 0; i < y.length; i++) s += (y[i] - mean) * (y[i] - mean);
    return this.weight * s;
  }
}
