/**
 * {@link RidgeCV}: ridge regression with alpha chosen by efficient leave-one-out
 * cross-validation, as scikit-learn's `RidgeCV` (its default, `cv=None`).
 *
 * With the columns centered (on weighted means), the intercept is unpenalized and
 * separates: the hat matrix of the rescaled problem (rows times √swᵢ) is
 *
 *     H = q·qᵀ + X'(X'ᵀX' + alpha·I)⁻¹X'ᵀ,   X' = √sw ∘ X̃,   q = √sw / ‖√sw‖
 *
 * and the leave-one-out residual of sample i is eᵢ / (1 − Hᵢᵢ), eᵢ the residual of
 * the fit on all the data. One Householder tridiagonalization of a Gram matrix,
 * Q·T·Qᵀ, serves every alpha: (Q·T·Qᵀ + alpha·I)⁻¹ = Q·(T + alpha·I)⁻¹·Qᵀ, and T + alpha·I
 * is tridiagonal, factored in O(m) per alpha (`tridiagonalize`, `factorShiftedTridiagonal`):
 * - p ≤ n: X'ᵀX' = Q·T·Qᵀ (p × p); with Z = X̃Q (row zᵢ), Hᵢᵢ = swᵢ·(1/Σsw + zᵢᵀ(T + alpha·I)⁻¹zᵢ)
 *   and the fitted values are Z·(T + alpha·I)⁻¹·Zᵀ(sw ∘ (y − ȳ)): O(n·p) per alpha;
 * - p > n: X'X'ᵀ = Q·T·Qᵀ (n × n); the residual is computed in the dual as
 *   scikit-learn does, eᵢ/(1 − Hᵢᵢ) = cᵢ / dᵢ with c = (G⁻¹ − qqᵀ/alpha)·y' and
 *   d = diag(G⁻¹ − qqᵀ/alpha), G = X'X'ᵀ + alpha·I — no cancellation when the fit
 *   nearly interpolates: O(n²) per alpha.
 *
 * The one-time work is the Gram matrix (n·min(n,p)²/2 multiply-adds), its
 * tridiagonalization (~8/3·min(n,p)³ flops, where the eigendecomposition used before
 * needed ~9·min(n,p)³) and, for p ≤ n, Z (n·p² multiply-adds): a
 * 5000×1000 fit takes 9–12 s (the Gram matrix ~1.5 s, the tridiagonalization ~3 s, Z
 * ~4.5 s), against 12–14 s with the eigendecomposition used before and 79 s with the
 * Jacobi SVD before that.
 *
 * @module
 */
import { type Design, toDesign, toTargets } from '../data/design.js';
import { Quadratic } from '../datafits/quadratic.js';
import { ModelJSONError, NotFittedError } from '../errors.js';
import { LinearModel, type ModelJSON, type Objective, type ObjectiveContext } from '../estimators/base.js';
import { param } from '../estimators/params.js';
import { rSquared } from '../estimators/regressor.js';
import { type Tridiagonal, type TridiagonalFactor, factorShiftedTridiagonal, solveFactoredTridiagonal, tridiagonalize } from '../linalg/dense.js';
import { gramMatrix, outerGramMatrix } from '../linalg/gram.js';
import { dotColumn, matVec, weightedMean } from '../linalg/kernels.js';
import { L2 } from '../penalties/l2.js';
import { readNumberList, splitOptions } from '../path/validate.js';
import { conjugateGradient } from '../solvers/conjugateGradient.js';
import { directSolve } from '../solvers/direct.js';
import { type StrategyTable, solveWith } from '../solvers/engine.js';
import { type CVFitOptions, readCVFitOptions, readJSONNumber, readJSONNumbers, readJSONRows, readSelection } from './common.js';

const parameters = {
  /** See {@link RidgeCVOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
};

/** Options of {@link RidgeCV}; every one is optional. */
export interface RidgeCVOptions {
  /** The alphas to try, each > 0, in any order (default [0.1, 1, 10], scikit-learn's). */
  alphas?: ArrayLike<number>;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
}

interface Selection {
  alpha: number;
  alpha1se: number;
  /** [alpha][sample]: squared leave-one-out residual. */
  msePath: Float64Array[];
  /** Σsw-weighted mean of each row of msePath. */
  mseMean: Float64Array;
}

/** The serialized form of a {@link RidgeCV}: a {@link ModelJSON} plus what selection found. */
export interface RidgeCVJSON extends ModelJSON {
  /** Present once the model is fitted. */
  selection?: Record<string, unknown>;
}

/**
 * Ridge regression with alpha chosen by leave-one-out cross-validation. For each alpha
 * the model minimizes over w and b
 *
 *     ‖y − Xw − b‖²  +  alpha · ‖w‖²        (with weights: Σᵢ swᵢ(yᵢ − xᵢw − b)² + alpha·‖w‖²)
 *
 * scikit-learn's `Ridge(alpha)` objective (no 1/n, no ½; see {@link Ridge} for glmnet's
 * equivalent). Every sample is predicted by the model fitted without it — in closed
 * form, from one factorization, not n fits — and the alpha with the smallest
 * mean squared leave-one-out error (sw-weighted with weights) is kept ({@link alpha});
 * the model is then refit with it on all the data, exactly as `new Ridge({ alpha })`.
 *
 * scikit-learn: `RidgeCV(alphas, store_cv_values=True)`; `cv_values_[i, a]` is
 * `swᵢ · msePath[a][i]` (scikit-learn stores the errors of the √sw-rescaled problem).
 *
 * @example
 * ```ts
 * import { RidgeCV } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const model = new RidgeCV({ alphas: [0.001, 0.01, 0.1, 1, 10] }).fit(X, y);
 * model.alpha;      // 0.01
 * model.alpha1se;   // 0.1
 * model.predict(X.slice(0, 2));
 * ```
 */
export class RidgeCV extends LinearModel<typeof parameters> {
  /** The scalar hyperparameter table; `alphas` is a list. */
  static readonly parameters = parameters;
  /** The alphas to try, as given (validated, read-only). */
  readonly alphaGrid: Float64Array;
  private selection: Selection | undefined;

  constructor(options: RidgeCVOptions = {}) {
    const split = splitOptions('RidgeCV', parameters, ['alphas'], options);
    super('RidgeCV', parameters, split.scalars);
    this.alphaGrid =
      split.lists.alphas === undefined ? Float64Array.of(0.1, 1, 10) : readNumberList('RidgeCV', 'alphas', split.lists.alphas, { min: 0, exclusiveMin: true });
  }

  /** Fits every alpha by leave-one-out, keeps the best and refits it on all of (X, y). Returns `this`. */
  fit(X: unknown, y: unknown, options?: CVFitOptions): this {
    const weightsInput = readCVFitOptions('RidgeCV', options);
    this.fitted = undefined;
    this.selection = undefined;
    const fitIntercept = this.params.fitIntercept;
    const design = toDesign(X, { center: fitIntercept, weights: weightsInput });
    const n = design.nSamples;
    const targets = toTargets(y, n);
    const sw = design.sampleWeights;
    const msePath = leaveOneOutErrors(design, targets, sw, fitIntercept, this.alphaGrid);
    const total = sw ? sw.reduce((a, b) => a + b, 0) : n;
    const mseMean = Float64Array.from(msePath, (errors) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (sw ? sw[i] : 1) * errors[i];
      return s / total;
    });
    // scikit-learn keeps the first best in the order the alphas were given
    let best = 0;
    for (let a = 1; a < mseMean.length; a++) if (mseMean[a] < mseMean[best]) best = a;
    const threshold = mseMean[best] + looStandardError(msePath[best], mseMean[best], sw, total);
    let alpha1se = this.alphaGrid[best];
    for (let a = 0; a < mseMean.length; a++) if (mseMean[a] <= threshold && this.alphaGrid[a] > alpha1se) alpha1se = this.alphaGrid[a];
    const alpha = this.alphaGrid[best];

    // the refit: what Ridge does at this alpha (the exact direct solve, or CG when large)
    const result = solveWith(
      { design, y: targets, datafit: new Quadratic(2, sw), penalty: new L2(2 * alpha), fitIntercept },
      { strategy: 'auto', maxIter: 1000, tol: 1e-4 },
      { direct: directSolve, cg: conjugateGradient },
    );
    let intercept = 0;
    if (fitIntercept) {
      intercept = result.b;
      for (let j = 0; j < result.w.length; j++) intercept -= design.columnMeans[j] * result.w[j];
    }
    this.selection = { alpha, alpha1se, msePath, mseMean };
    this.fitted = { coef: result.w, intercept, nIter: result.nIter, converged: result.converged, optimality: result.optimality, criterion: result.criterion };
    return this;
  }

  /** Predictions X·coef + intercept of the refit model, one per row of X. */
  predict(X: unknown): Float64Array {
    return this.linear(X);
  }

  /** R² of the refit model on (X, y), as scikit-learn's `score`. */
  score(X: unknown, y: unknown): number {
    const predicted = this.predict(X);
    return rSquared(toTargets(y, predicted.length), predicted);
  }

  private requireSelection(what: string): Selection {
    this.require(what);
    if (!this.selection) throw new NotFittedError('RidgeCV', what);
    return this.selection;
  }

  /** The alpha with the smallest mean leave-one-out error (scikit-learn's `alpha_`). */
  get alpha(): number {
    return this.requireSelection('alpha').alpha;
  }

  /**
   * The largest alpha whose mean leave-one-out error is within one standard error of
   * the minimum (glmnet's `lambda.1se` rule with the n samples as folds: the standard
   * error is √(Σswᵢ(eᵢ² − m)²/Σsw / (n − 1)), i.e. sd/√n without weights). ≥ {@link alpha}.
   */
  get alpha1se(): number {
    return this.requireSelection('alpha1se').alpha1se;
  }

  /** The alphas tried, in the order given. */
  get alphas(): Float64Array {
    this.requireSelection('alphas');
    return this.alphaGrid.slice();
  }

  /**
   * Squared leave-one-out residuals: `msePath[a][i]` = (yᵢ − ŷ₍₋ᵢ₎)² at `alphas[a]`
   * (scikit-learn's `cv_values_[i, a]` is swᵢ times this).
   */
  get msePath(): Float64Array[] {
    return this.requireSelection('msePath').msePath.map((row) => row.slice());
  }

  /** Mean (sw-weighted) of each row of {@link msePath}: what {@link alpha} minimizes. */
  get mseMean(): Float64Array {
    return this.requireSelection('mseMean').mseMean.slice();
  }

  /** @internal */
  protected objective({ sampleWeights }: ObjectiveContext): Objective {
    return { datafit: new Quadratic(2, sampleWeights), penalty: new L2(2 * this.requireSelection('objective').alpha) };
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return { direct: directSolve, cg: conjugateGradient };
  }

  /** A plain-JSON snapshot: hyperparameters (with `alphas`), the refit model and the leave-one-out results. */
  override toJSON(): RidgeCVJSON {
    const json: RidgeCVJSON = super.toJSON();
    json.params.alphas = Array.from(this.alphaGrid);
    if (this.selection) {
      const s = this.selection;
      json.selection = { alpha: s.alpha, alpha1se: s.alpha1se, msePath: s.msePath.map((r) => Array.from(r)), mseMean: Array.from(s.mseMean) };
    }
    return json;
  }

  /** Rebuilds a model from {@link RidgeCV.toJSON} output, validating every field. */
  static fromJSON(json: RidgeCVJSON | unknown): RidgeCV {
    const model = RidgeCV.restore('RidgeCV', json, (params) => new RidgeCV(params as RidgeCVOptions));
    if (model.isFitted) {
      const raw = readSelection('RidgeCV', json);
      const msePath = readJSONRows('RidgeCV', raw.msePath, 'selection.msePath');
      const mseMean = readJSONNumbers('RidgeCV', raw.mseMean, 'selection.mseMean');
      if (msePath.length !== model.alphaGrid.length || mseMean.length !== model.alphaGrid.length || msePath.some((r) => r.length !== msePath[0].length)) {
        throw new ModelJSONError('RidgeCV', 'selection.msePath and selection.mseMean must have one row per alpha, each with one error per sample');
      }
      model.selection = {
        alpha: readJSONNumber('RidgeCV', raw.alpha, 'selection.alpha'),
        alpha1se: readJSONNumber('RidgeCV', raw.alpha1se, 'selection.alpha1se'),
        msePath,
        mseMean,
      };
    }
    return model;
  }
}

/** Glmnet's standard error with the n samples as folds, weighted by sw. */
function looStandardError(errors: Float64Array, m: number, sw: Float64Array | undefined, total: number): number {
  const n = errors.length;
  if (n < 2) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (sw ? sw[i] : 1) * (errors[i] - m) ** 2;
  return Math.sqrt(s / total / (n - 1));
}

/** Squared leave-one-out residuals for every alpha (rows), from one tridiagonalization. */
function leaveOneOutErrors(design: Design, y: Float64Array, sw: Float64Array | undefined, fitIntercept: boolean, alphas: Float64Array): Float64Array[] {
  const n = design.nSamples;
  const ybar = fitIntercept ? weightedMean(y, sw) : 0;
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = sw ? Math.sqrt(sw[i]) : 1;
  // y' = √sw ∘ (y − ȳ)
  const yScaled = new Float64Array(n);
  for (let i = 0; i < n; i++) yScaled[i] = root[i] * (y[i] - ybar);
  const total = sw ? sw.reduce((a, b) => a + b, 0) : n;
  const solve = design.nFeatures <= n ? primal : dual;
  return solve(design, y, ybar, sw, root, yScaled, total, fitIntercept, alphas);
}

/** p ≤ n: X'ᵀX' = Q·T·Qᵀ (p × p). */
function primal(
  design: Design,
  y: Float64Array,
  ybar: number,
  sw: Float64Array | undefined,
  root: Float64Array,
  yScaled: Float64Array,
  total: number,
  fitIntercept: boolean,
  alphas: Float64Array,
): Float64Array[] {
  const { nSamples: n, nFeatures: p, values } = design;
  // G = X'ᵀX' = X̃ᵀ·diag(sw)·X̃
  const T = tridiagonalize(gramMatrix(values, n, p, sw), p);
  // Z = X̃Q (n × p, column-major: Z's column k is X̃ times Q's column k): row i is x̃ᵢ in
  // T's basis, and x̃ᵢᵀ(G + alpha·I)⁻¹x̃ⱼ = zᵢᵀ(T + alpha·I)⁻¹zⱼ. And r = Zᵀ(sw ∘ (y − ȳ)) = Qᵀ·X'ᵀy'
  const Z = new Float64Array(n * p);
  for (let k = 0; k < p; k++) matVec(design, T.Q.subarray(k * p, (k + 1) * p), 0, Z.subarray(k * n, (k + 1) * n));
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = root[i] * yScaled[i];
  const r = new Float64Array(p);
  for (let k = 0; k < p; k++) r[k] = dotColumn(Z, k * n, t, n);
  return Array.from(alphas, (alpha) => {
    // the fitted values X̃w = Z·(T + alpha·I)⁻¹·r (w itself is not needed) and the leverages
    const { quadratic: leverage, linear: fitted } = rowForms(Z, n, shiftedFactor(T, alpha), r);
    const errors = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const h = (sw ? sw[i] : 1) * ((fitIntercept ? 1 / total : 0) + leverage[i]);
      const e = (y[i] - ybar - fitted[i]) / (1 - h);
      errors[i] = e * e;
    }
    return errors;
  });
}

/** p > n: X'X'ᵀ = Q·T·Qᵀ (n × n), residuals in the dual (scikit-learn's `eigen` mode). */
function dual(
  design: Design,
  y: Float64Array,
  ybar: number,
  sw: Float64Array | undefined,
  root: Float64Array,
  yScaled: Float64Array,
  total: number,
  fitIntercept: boolean,
  alphas: Float64Array,
): Float64Array[] {
  const { nSamples: n, nFeatures: p, values } = design;
  // K = X'X'ᵀ = diag(√sw)·X̃X̃ᵀ·diag(√sw) (the products are symmetric, so K stays exactly so)
  const K = outerGramMatrix(values, n, p);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) K[i * n + k] *= root[i] * root[k];
  // With an intercept, q = √sw/‖√sw‖ is in K's null space (the columns are centered on
  // weighted means) and must be removed from G⁻¹, whose q-term is qqᵀ/alpha: computed
  // where K is singular, that subtraction amplifies the factorization's rounding by
  // 1/alpha (on the 25×120 test: 1e-5 relative off at alpha 1e-4). Adding Γ·qqᵀ, Γ the
  // mean diagonal, moves q to the eigenvalue Γ: the solution is unchanged (qᵀy' = 0),
  // and G⁻¹ − qqᵀ/alpha = (K + Γqqᵀ + alpha·I)⁻¹ − qqᵀ/(Γ + alpha), a small correction
  let deflation = 0;
  if (fitIntercept) {
    let trace = 0;
    for (let i = 0; i < n; i++) trace += K[i * n + i];
    deflation = trace / n > 0 ? trace / n : 1;
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) K[i * n + k] += (deflation * root[i] * root[k]) / total;
  }
  const T = tridiagonalize(K, n);
  // row i of Q is sample i in T's basis; Qᵀy'
  const qty = new Float64Array(n);
  for (let k = 0; k < n; k++) qty[k] = dotColumn(T.Q, k * n, yScaled, n);
  return Array.from(alphas, (alpha) => {
    // c = G⁻¹y' and d = diag(G⁻¹), before the intercept's correction
    const { quadratic: d, linear: c } = rowForms(T.Q, n, shiftedFactor(T, alpha), qty);
    const errors = new Float64Array(n);
    let fullResidual: Float64Array | undefined;
    for (let i = 0; i < n; i++) {
      // the intercept direction q = √sw/‖√sw‖ is unpenalized: remove it (see above)
      if (fitIntercept) d[i] -= (root[i] * root[i]) / total / (deflation + alpha);
      if (sw && !(sw[i] > 0)) {
        // a zero-weight sample is not in the fit: its leave-one-out residual is its residual
        fullResidual ??= residuals(design, y, ybar, root, c);
        errors[i] = fullResidual[i] * fullResidual[i];
      } else {
        const e = c[i] / d[i] / root[i];
        errors[i] = e * e;
      }
    }
    return errors;
  });
}

/**
 * The factor of T + alpha·I. T holds the Gram matrix's eigenvalues only to within
 * ~m·ε·‖T‖, so a zero eigenvalue can come out slightly negative or positive, and with a
 * tiny alpha, T + alpha·I is then singular to working precision (a pivot at that level
 * would divide rounding errors by rounding errors). alpha is then raised past that
 * level (doubled and quadrupled until the factor exists), as clamping the eigenvalue at
 * 0 would: the directions of X'ᵀX' that are zero stay out of every fitted value.
 */
function shiftedFactor(T: Tridiagonal, alpha: number): TridiagonalFactor {
  const { diagonal: d, offDiagonal: e } = T;
  const m = d.length;
  // Gershgorin: every eigenvalue of T is within `bound` of 0
  let bound = 0;
  for (let k = 0; k < m; k++) bound = Math.max(bound, Math.abs(d[k]) + Math.abs(e[k]) + (k > 0 ? Math.abs(e[k - 1]) : 0));
  const floor = m * Number.EPSILON * bound;
  let factor = factorShiftedTridiagonal(T, alpha, floor);
  for (let lift = 2 * floor; !factor; lift *= 4) factor = factorShiftedTridiagonal(T, alpha + lift, floor);
  return factor;
}

/**
 * For each row bᵢ of the column-major n×m matrix B: quadratic[i] = bᵢᵀ·S⁻¹·bᵢ and
 * linear[i] = bᵢᵀ·S⁻¹·t, where S = L·D·Lᵀ is `factor`. With vᵢ = L⁻¹bᵢ, a forward
 * substitution run for every row at once (column k of B updates every vᵢₖ),
 * bᵢᵀS⁻¹bᵢ = Σₖ vᵢₖ²/Dₖ: O(n·m) per alpha, a sum of positive terms.
 */
function rowForms(B: Float64Array, n: number, factor: TridiagonalFactor, t: Float64Array): { quadratic: Float64Array; linear: Float64Array } {
  const { pivots, multipliers } = factor;
  const s = solveFactoredTridiagonal(factor, t);
  const quadratic = new Float64Array(n);
  const linear = new Float64Array(n);
  const v = new Float64Array(n);
  for (let k = 0; k < pivots.length; k++) {
    const o = k * n;
    const l = multipliers[k];
    const inverse = 1 / pivots[k];
    const sk = s[k];
    for (let i = 0; i < n; i++) {
      const b = B[o + i];
      const vi = b - l * v[i];
      v[i] = vi;
      quadratic[i] += vi * vi * inverse;
      linear[i] += b * sk;
    }
  }
  return { quadratic, linear };
}

/** y − ȳ − X̃w with w = X'ᵀ·c, c = (X'X'ᵀ + alpha·I)⁻¹·y' the dual coefficients. */
function residuals(design: Design, y: Float64Array, ybar: number, root: Float64Array, c: Float64Array): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = y[i] - ybar;
  for (let j = 0; j < p; j++) {
    const off = j * n;
    let wj = 0;
    for (let i = 0; i < n; i++) wj += values[off + i] * c[i] * root[i];
    for (let i = 0; i < n; i++) out[i] -= values[off + i] * wj;
  }
  return out;
}
