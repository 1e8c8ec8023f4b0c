/**
 * What the property suites share: random problems (fast-check arbitraries), the five
 * objectives written out again from the README table (not imported from src), their
 * gradients, an independent duality gap, and the bounds that turn "converged" into
 * checkable statements.
 *
 * Everything here is computed from the user-facing arrays (uncentered X, original y),
 * so a wrong centering, intercept or scaling inside the library shows up as a failure.
 */
import fc from 'fast-check';
import { ElasticNet, Lasso, Linear, LogisticL2, Ridge } from '../../src/index.js';
import { rng } from '../helpers/fixtures.js';

export const EPS = Number.EPSILON;

// ------------------------------------------------------------------ problems

/** A regression or classification problem as a user would pass it. */
export interface Problem {
  X: number[][];
  /** Regression target (also the source of the labels for classification). */
  y: number[];
  /** ±1 labels, both present, for LogisticL2. */
  labels: number[];
  /** How it was made, for readable counterexamples. */
  recipe: Recipe;
}

export interface Recipe {
  n: number;
  p: number;
  seed: number;
  /** AR(1) correlation between neighbouring columns. */
  rho: number;
  /** Column scales are 10^u with u uniform in [−spread, spread]. */
  spread: number;
  /** Added to every entry of X (uncentered data). */
  offset: number;
  /** Column p−1 is a copy of column 0 (needs p ≥ 2). */
  duplicate: boolean;
  /** Column 0 is constant. */
  constant: boolean;
  /** Noise level of y around the linear truth. */
  noise: number;
}

/** Builds the data a recipe describes (deterministic). */
export function makeProblem(recipe: Recipe): Problem {
  const { n, p, seed, rho, spread, offset, duplicate, constant, noise } = recipe;
  const r = rng(seed);
  const scales = Array.from({ length: p }, () => 10 ** (spread * (2 * r.uniform() - 1)));
  const truth = Array.from({ length: p }, (_, j) => (j % 3 === 2 ? 0 : r.normal()));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    let prev = r.normal();
    for (let j = 0; j < p; j++) {
      const z = j === 0 ? prev : rho * prev + Math.sqrt(1 - rho * rho) * r.normal();
      prev = z;
      row[j] = z;
    }
    if (constant) row[0] = 1.5;
    if (duplicate && p >= 2) row[p - 1] = row[0];
    let t = 0.7;
    for (let j = 0; j < p; j++) t += truth[j] * row[j];
    y.push(t + noise * r.normal());
    X.push(row.map((v, j) => (v + offset) * scales[j]));
  }
  // labels: the sign of y around its median, so both classes are present when n ≥ 2
  const sorted = y.slice().sort((a, b) => a - b);
  const median = sorted[Math.floor((n - 1) / 2)];
  const labels: number[] = y.map((v) => (v > median ? 1 : -1));
  if (n >= 2 && labels.every((l) => l === labels[0])) labels[0] = -labels[0];
  return { X, y, labels, recipe };
}

const shape = fc.oneof(
  // small, both ways: 1×1 up to 12×12
  fc.record({ n: fc.integer({ min: 1, max: 12 }), p: fc.integer({ min: 1, max: 12 }) }),
  // tall
  fc.record({ n: fc.integer({ min: 20, max: 150 }), p: fc.integer({ min: 1, max: 6 }) }),
  // wide
  fc.record({ n: fc.integer({ min: 2, max: 12 }), p: fc.integer({ min: 15, max: 80 }) }),
);

/** Random recipes: shapes from 1×1 to wide and tall, correlated and badly scaled columns. */
export function recipes(options: { maxSpread?: number; minSamples?: number } = {}): fc.Arbitrary<Recipe> {
  const spreads = [0, 0, 1, 2, 3].filter((s) => s <= (options.maxSpread ?? 3));
  return fc
    .record({
      shape,
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      rho: fc.constantFrom(0, 0.5, 0.9, 0.999),
      spread: fc.constantFrom(...spreads),
      offset: fc.constantFrom(0, 0, 3, 100),
      duplicate: fc.boolean(),
      constant: fc.boolean(),
      noise: fc.constantFrom(0.1, 1),
    })
    .map(({ shape: { n, p }, ...rest }) => ({ n: Math.max(n, options.minSamples ?? 1), p, ...rest }));
}

// ------------------------------------------------------------------ estimators

export type EstimatorName = 'Linear' | 'Ridge' | 'Lasso' | 'ElasticNet' | 'LogisticL2';

/** A model as the properties use it. */
export interface AnyModel {
  fit(X: unknown, y: unknown): AnyModel;
  predict(X: unknown): Float64Array | (number | string)[];
  toJSON(): unknown;
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly converged: boolean;
  readonly nIter: number;
}

export interface Config {
  estimator: EstimatorName;
  options: Record<string, unknown>;
}

export function make(config: Config): AnyModel {
  const o = config.options as never;
  switch (config.estimator) {
    case 'Linear':
      return new Linear(o) as unknown as AnyModel;
    case 'Ridge':
      return new Ridge(o) as unknown as AnyModel;
    case 'Lasso':
      return new Lasso(o) as unknown as AnyModel;
    case 'ElasticNet':
      return new ElasticNet(o) as unknown as AnyModel;
    case 'LogisticL2':
      return new LogisticL2(o) as unknown as AnyModel;
  }
}

export function fromJSON(estimator: EstimatorName, json: unknown): AnyModel {
  switch (estimator) {
    case 'Linear':
      return Linear.fromJSON(json) as unknown as AnyModel;
    case 'Ridge':
      return Ridge.fromJSON(json) as unknown as AnyModel;
    case 'Lasso':
      return Lasso.fromJSON(json) as unknown as AnyModel;
    case 'ElasticNet':
      return ElasticNet.fromJSON(json) as unknown as AnyModel;
    case 'LogisticL2':
      return LogisticL2.fromJSON(json) as unknown as AnyModel;
  }
}

/** The target fit() receives for this estimator. */
export function targetOf(estimator: EstimatorName, problem: Problem): number[] {
  return estimator === 'LogisticL2' ? problem.labels : problem.y;
}

/** The continuous output: predict for regressors, the decision function for LogisticL2. */
export function raw(estimator: EstimatorName, model: AnyModel, X: unknown): Float64Array {
  return estimator === 'LogisticL2' ? (model as unknown as LogisticL2).decisionFunction(X) : (model.predict(X) as Float64Array);
}

// ------------------------------------------------------------------ the objectives, written out

/**
 * Every regressor's objective in one form, read off the README table:
 *
 *     (s/2)·‖y − Xw − b‖² + l1·‖w‖₁ + (l2/2)·‖w‖²
 *
 * Linear: s = 1/n. Lasso: s = 1/n, l1 = alpha. ElasticNet: s = 1/n, l1 = alpha·l1Ratio,
 * l2 = alpha·(1 − l1Ratio). Ridge: ‖y − Xw − b‖² + alpha·‖w‖², i.e. s = 2, l2 = 2·alpha.
 *
 * LogisticL2: C·Σ log(1 + exp(−ỹ(xᵢ·w + b))) + ½‖w‖², i.e. c = C, l2 = 1.
 */
export interface Form {
  kind: 'quadratic' | 'logistic';
  /** s for the squared loss, C for the logistic loss. */
  weight: number;
  l1: number;
  l2: number;
  fitIntercept: boolean;
}

export function formOf(config: Config, n: number): Form {
  const o = config.options;
  const fitIntercept = o.fitIntercept !== false;
  const alpha = (o.alpha as number | undefined) ?? 1;
  switch (config.estimator) {
    case 'Linear':
      return { kind: 'quadratic', weight: 1 / n, l1: 0, l2: 0, fitIntercept };
    case 'Lasso':
      return { kind: 'quadratic', weight: 1 / n, l1: alpha, l2: 0, fitIntercept };
    case 'ElasticNet': {
      const r = (o.l1Ratio as number | undefined) ?? 0.5;
      return { kind: 'quadratic', weight: 1 / n, l1: alpha * r, l2: alpha * (1 - r), fitIntercept };
    }
    case 'Ridge':
      return { kind: 'quadratic', weight: 2, l1: 0, l2: 2 * alpha, fitIntercept };
    case 'LogisticL2':
      return { kind: 'logistic', weight: (o.C as number | undefined) ?? 1, l1: 0, l2: 1, fitIntercept };
  }
}

/** Neumaier-compensated sum: the objective is compared across tiny perturbations. */
export class Sum {
  private s = 0;
  private c = 0;
  /** Σ|terms|, for round-off bounds. */
  magnitude = 0;
  add(v: number): void {
    const t = this.s + v;
    this.c += Math.abs(this.s) >= Math.abs(v) ? this.s - t + v : v - t + this.s;
    this.s = t;
    this.magnitude += Math.abs(v);
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** log(1 + e^(−t)) without overflow. */
export function log1pExpNeg(t: number): number {
  return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
}

/** σ(t) = 1/(1 + e^(−t)) without overflow. */
export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** z = Xw + b, compensated. */
export function linearPredictor(X: number[][], w: ArrayLike<number>, b: number): Float64Array {
  const z = new Float64Array(X.length);
  for (let i = 0; i < X.length; i++) {
    const s = new Sum();
    s.add(b);
    for (let j = 0; j < w.length; j++) s.add(X[i][j] * w[j]);
    z[i] = s.value;
  }
  return z;
}

/**
 * The objective at (w, b), and a bound on the absolute error of that value: the
 * compensated sum is exact to a few ulps of Σ|terms|, but each residual yᵢ − zᵢ carries
 * the round-off eᵢ ≈ (p + 2)·EPS·(|yᵢ| + |b| + Σⱼ|xᵢⱼwⱼ|) of forming zᵢ, which enters
 * s·rᵢ²/2 as s·|rᵢ|·eᵢ + s·eᵢ²/2 (the second term dominates at an interpolating solution,
 * where the exact objective is 0 and the computed one is pure round-off).
 */
export function objective(form: Form, X: number[][], t: number[], w: ArrayLike<number>, b: number): { value: number; error: number } {
  const z = linearPredictor(X, w, b);
  const p = w.length;
  const total = new Sum();
  let propagated = 0;
  for (let i = 0; i < t.length; i++) {
    let rowScale = Math.abs(b);
    for (let j = 0; j < p; j++) rowScale += Math.abs(X[i][j] * w[j]);
    if (form.kind === 'quadratic') {
      const r = t[i] - z[i];
      const e = (p + 2) * EPS * (Math.abs(t[i]) + rowScale);
      total.add(0.5 * form.weight * r * r);
      propagated += form.weight * (Math.abs(r) * e + 0.5 * e * e);
    } else {
      total.add(form.weight * log1pExpNeg(t[i] * z[i]));
      propagated += form.weight * (p + 2) * EPS * rowScale;
    }
  }
  for (let j = 0; j < p; j++) {
    total.add(form.l1 * Math.abs(w[j]));
    total.add(0.5 * form.l2 * w[j] * w[j]);
  }
  return { value: total.value, error: 8 * EPS * total.magnitude + 2 * propagated };
}

/**
 * ∇ of the smooth part (datafit + (l2/2)‖w‖²) with respect to w, and ∂/∂b; plus, for
 * each coordinate, a magnitude m such that the gradient's round-off (ours or the
 * library's, at the same point) is a small multiple of EPS·m.
 */
export function gradient(
  form: Form,
  X: number[][],
  t: number[],
  w: ArrayLike<number>,
  b: number,
): { g: Float64Array; gb: number; magnitude: Float64Array; magnitudeB: number } {
  const n = X.length;
  const p = w.length;
  const z = linearPredictor(X, w, b);
  const d = new Float64Array(n); // ∂F/∂zᵢ
  // the scale of ∂F/∂zᵢ's own round-off, in units of EPS: zᵢ = xᵢ·w + b is only known to
  // EPS·(|b| + Σⱼ|xᵢⱼwⱼ|), and ∂F/∂zᵢ moves by weight (squared loss) or ≤ weight/4
  // (logistic) per unit of z
  const dScale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let rowScale = Math.abs(b);
    for (let j = 0; j < p; j++) rowScale += Math.abs(X[i][j] * w[j]);
    if (form.kind === 'quadratic') {
      d[i] = -form.weight * (t[i] - z[i]);
      dScale[i] = Math.abs(d[i]) + form.weight * (Math.abs(t[i]) + rowScale);
    } else {
      d[i] = -form.weight * t[i] * sigmoid(-t[i] * z[i]);
      dScale[i] = Math.abs(d[i]) + 0.25 * form.weight * rowScale;
    }
  }
  const g = new Float64Array(p);
  const magnitude = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const s = new Sum();
    let m = 0;
    for (let i = 0; i < n; i++) {
      s.add(X[i][j] * d[i]);
      m += Math.abs(X[i][j]) * dScale[i];
    }
    s.add(form.l2 * w[j]);
    g[j] = s.value;
    magnitude[j] = m + Math.abs(form.l2 * w[j]);
  }
  const sb = new Sum();
  let magnitudeB = 0;
  for (let i = 0; i < n; i++) {
    sb.add(d[i]);
    magnitudeB += dScale[i];
  }
  return { g, gb: form.fitIntercept ? sb.value : 0, magnitude, magnitudeB: form.fitIntercept ? magnitudeB : 0 };
}

/**
 * The gradient in the engine's parametrization when an intercept is fitted: columns
 * centered, so ∂/∂wⱼ becomes gⱼ − x̄ⱼ·g_b (the intercept's derivative is unchanged).
 * The relative-KKT rule of LogisticL2 is stated in these coordinates.
 */
export function centeredGradient(X: number[][], g: Float64Array, gb: number, fitIntercept: boolean): Float64Array {
  if (!fitIntercept) return g.slice();
  const n = X.length;
  return g.map((v, j) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += X[i][j];
    return v - (m / n) * gb;
  });
}

/** Distance from 0 to the subdifferential of the objective in coordinate j (KKT residual). */
export function kktCoordinate(form: Form, wj: number, gj: number): number {
  if (form.l1 === 0) return Math.abs(gj);
  if (wj === 0) return Math.max(0, Math.abs(gj) - form.l1);
  return Math.abs(gj + form.l1 * Math.sign(wj));
}

/**
 * The duality gap of a squared-loss problem at (w, b), computed here with the dual point
 * the stopping rule documents (src/solvers/stopping.ts): θ = s·r, centered when an
 * intercept is fitted, rescaled into the dual domain when l2 = 0. For any such θ
 *
 *     D(θ) = θᵀy − ‖θ‖²/(2s) − Σⱼ h*(xⱼᵀθ),   h*(u) = (|u| − l1)₊²/(2·l2)   (l2 > 0)
 *                                              h*(u) = 0 if |u| ≤ l1, else +∞  (l2 = 0)
 *
 * is a lower bound of the optimum, so P(w, b) − D(θ) bounds the suboptimality of (w, b).
 */
export function dualityGap(form: Form, X: number[][], y: number[], w: ArrayLike<number>, b: number): { gap: number; slack: number } {
  if (form.kind !== 'quadratic') throw new Error('dualityGap: squared loss only');
  const n = X.length;
  const p = w.length;
  const z = linearPredictor(X, w, b);
  const theta = new Float64Array(n);
  for (let i = 0; i < n; i++) theta[i] = form.weight * (y[i] - z[i]);
  if (form.fitIntercept) {
    const s = new Sum();
    for (let i = 0; i < n; i++) s.add(theta[i]);
    const mean = s.value / n;
    for (let i = 0; i < n; i++) theta[i] -= mean;
  }
  // u = Xᵀθ. With an intercept Σθ = 0, so xⱼᵀθ = (xⱼ − x̄ⱼ)ᵀθ; the centered form is the
  // accurate one (a constant column gives exactly 0 instead of |x̄ⱼ|·(round-off of Σθ))
  const u = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    if (form.fitIntercept) {
      const m = new Sum();
      for (let i = 0; i < n; i++) m.add(X[i][j]);
      mean = m.value / n;
      if (X.every((row) => row[j] === X[0][j])) mean = X[0][j];
    }
    const s = new Sum();
    for (let i = 0; i < n; i++) s.add((X[i][j] - mean) * theta[i]);
    u[j] = s.value;
  }
  if (form.l2 === 0) {
    let m = 0;
    for (let j = 0; j < p; j++) m = Math.max(m, Math.abs(u[j]));
    const scale = m > form.l1 ? form.l1 / m : 1;
    for (let i = 0; i < n; i++) theta[i] *= scale;
    for (let j = 0; j < p; j++) u[j] *= scale;
  }
  const dual = new Sum();
  for (let i = 0; i < n; i++) {
    dual.add(theta[i] * y[i]);
    dual.add(-(theta[i] * theta[i]) / (2 * form.weight));
  }
  if (form.l2 > 0) {
    for (let j = 0; j < p; j++) {
      const e = Math.abs(u[j]) - form.l1;
      if (e > 0) dual.add(-(e * e) / (2 * form.l2));
    }
  }
  const primal = objective(form, X, y, w, b);
  // round-off of P − D: both are sums of O(n + p) terms of these magnitudes
  let xScale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) xScale += Math.abs(X[i][j] * theta[i]);
  const slack = primal.error + 64 * EPS * (dual.magnitude + xScale * (form.l1 + 1e-300) + (n + p) * Math.abs(primal.value));
  return { gap: primal.value - dual.value, slack };
}

/** The threshold the documented duality-gap rule compares with: tol·s·‖y − ȳ‖² (or ‖y‖²). */
export function gapThreshold(form: Form, y: number[], tol: number): number {
  const n = y.length;
  const mean = form.fitIntercept ? y.reduce((a, v) => a + v, 0) / n : 0;
  let s = 0;
  for (const v of y) s += (v - mean) ** 2;
  return tol * form.weight * s;
}

/**
 * From a suboptimality ε (P(w, b) − P* ≤ ε), what the KKT residual of each coordinate can
 * be at most. Along coordinate j the smooth part has curvature at most
 * aⱼ = weight·‖xⱼ‖² (·¼ for the logistic loss) + l2, so moving wⱼ alone to where the
 * residual ρ points lowers the objective by at least min(ρ²/(2aⱼ), ρ·|wⱼ|/2) (the second
 * when the kink at 0 comes first). Neither can exceed ε:
 *
 *     ρⱼ ≤ max(√(2aⱼε), 2ε/|wⱼ|)   (wⱼ ≠ 0),      ρⱼ ≤ √(2aⱼε)   (wⱼ = 0)
 *
 * and for the intercept (curvature weight·n) |∂/∂b| ≤ √(2·weight·n·ε).
 */
export function kktBudget(form: Form, X: number[][], w: ArrayLike<number>, epsilon: number): { coordinate: Float64Array; intercept: number } {
  const n = X.length;
  const curvatureFactor = form.kind === 'logistic' ? 0.25 : 1;
  const e = Math.max(epsilon, 0);
  const coordinate = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    let sq = 0;
    for (let i = 0; i < n; i++) sq += X[i][j] * X[i][j];
    const a = curvatureFactor * form.weight * sq + form.l2;
    const smooth = Math.sqrt(2 * a * e);
    coordinate[j] = w[j] === 0 ? smooth : Math.max(smooth, (2 * e) / Math.abs(w[j]));
  }
  return { coordinate, intercept: Math.sqrt(2 * curvatureFactor * form.weight * n * e) };
}

// ------------------------------------------------------------------ choosing hyperparameters

/** alphaMax of the Lasso, from the data: max |xⱼᵀ(y − ȳ)|/n (the smallest alpha giving w = 0). */
export function lassoAlphaMax(X: number[][], y: number[], fitIntercept: boolean): number {
  const n = X.length;
  const p = X[0].length;
  const ym = fitIntercept ? y.reduce((a, v) => a + v, 0) / n : 0;
  let best = 0;
  for (let j = 0; j < p; j++) {
    const xm = fitIntercept ? X.reduce((a, r) => a + r[j], 0) / n : 0;
    let s = 0;
    for (let i = 0; i < n; i++) s += (X[i][j] - xm) * (y[i] - ym);
    best = Math.max(best, Math.abs(s) / n);
  }
  return best;
}

/** Mean squared column norm of X, the scale a Ridge alpha is compared with. */
export function ridgeScale(X: number[][]): number {
  let s = 0;
  for (const row of X) for (const v of row) s += v * v;
  return s / X[0].length;
}

/** Elementwise Object.is with a readable failure. */
export function bitIdentical(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

export function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

export function diffNorm(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}

/** Eigenvalues of a small symmetric matrix (cyclic Jacobi; for n ≤ ~50). */
export function symmetricEigenvalues(matrix: number[][]): number[] {
  const m = matrix.length;
  const A = matrix.map((row) => row.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < m; i++) for (let k = i + 1; k < m; k++) off += A[i][k] * A[i][k];
    if (off === 0 || !(off > 1e-300)) break;
    for (let i = 0; i < m; i++) {
      for (let k = i + 1; k < m; k++) {
        if (A[i][k] === 0) continue;
        const theta = (A[k][k] - A[i][i]) / (2 * A[i][k]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < m; r++) {
          const ari = A[r][i];
          const ark = A[r][k];
          A[r][i] = c * ari - s * ark;
          A[r][k] = s * ari + c * ark;
        }
        for (let r = 0; r < m; r++) {
          const air = A[i][r];
          const akr = A[k][r];
          A[i][r] = c * air - s * akr;
          A[k][r] = s * air + c * akr;
        }
      }
    }
  }
  return A.map((row, i) => row[i]);
}

/**
 * Condition number of the matrix the exact solver factors when p > n: the kernel
 * s·X̃X̃ᵀ + λI (X̃ centered when an intercept is fitted), after the unit-diagonal
 * equilibration the solver applies. Infinity when singular.
 */
export function kernelCondition(form: Form, X: number[][]): number {
  const n = X.length;
  const p = X[0].length;
  const means = Array.from({ length: p }, (_, j) => (form.fitIntercept ? X.reduce((a, r) => a + r[j], 0) / n : 0));
  const K = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, k) => {
      let v = 0;
      for (let j = 0; j < p; j++) v += (X[i][j] - means[j]) * (X[k][j] - means[j]);
      return form.weight * v + (i === k ? form.l2 : 0);
    }),
  );
  const d = K.map((row, i) => (row[i] > 0 ? 1 / Math.sqrt(row[i]) : 1));
  const scaled = K.map((row, i) => row.map((v, k) => v * d[i] * d[k]));
  const eig = symmetricEigenvalues(scaled).map(Math.abs);
  const lo = Math.min(...eig);
  return lo > 0 ? Math.max(...eig) / lo : Infinity;
}

/**
 * Condition number of the system the exact solver factors — the p×p Gram s·X̃ᵀX̃ + λI
 * when n ≥ p, the n×n kernel s·X̃X̃ᵀ + λI when p > n — after unit-diagonal equilibration,
 * as the solver does. Infinity when singular.
 */
export function systemCondition(form: Form, X: number[][]): number {
  const n = X.length;
  const p = X[0].length;
  if (p > n) return kernelCondition(form, X);
  const means = Array.from({ length: p }, (_, j) => (form.fitIntercept ? X.reduce((a, r) => a + r[j], 0) / n : 0));
  const G = Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, k) => {
      let v = 0;
      for (let i = 0; i < n; i++) v += (X[i][j] - means[j]) * (X[i][k] - means[k]);
      return form.weight * v + (j === k ? form.l2 : 0);
    }),
  );
  const d = G.map((row, j) => (row[j] > 0 ? 1 / Math.sqrt(row[j]) : 1));
  const eig = symmetricEigenvalues(G.map((row, j) => row.map((v, k) => v * d[j] * d[k]))).map(Math.abs);
  const lo = Math.min(...eig);
  return lo > 0 ? Math.max(...eig) / lo : Infinity;
}

/** A permutation of 0..m−1 drawn from a seed (Fisher–Yates). */
export function permutation(m: number, seed: number): number[] {
  const r = rng(seed);
  const out = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const k = Math.floor(r.uniform() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}
