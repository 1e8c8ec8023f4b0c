/**
 * {@link LassoCV} and {@link ElasticNetCV}: choose alpha (and l1Ratio) by K-fold
 * cross-validation along regularization paths, then refit on all the data.
 *
 * Each fold is solved along the whole alpha grid with warm starts (the path engine of
 * `src/path`), so the cross-validation costs K paths plus one fit, not K × nAlphas cold
 * fits. On tall data the paths run in covariance form on each fold's Gram matrix, all of
 * them from one pass over the data (`path/covariance.ts`); otherwise each fold's rows
 * are converted once and read a few times per alpha. The selection follows scikit-learn's `LassoCV` /
 * `ElasticNetCV` exactly (one grid per l1Ratio, computed on all the data; the mean of
 * the per-fold errors; the first minimum); `alpha1se` adds glmnet's `lambda.1se`.
 *
 * @module
 */
import { type Design, designOfRows, releaseDesign, toDesign, toTargets } from '../data/design.js';
import { Quadratic } from '../datafits/quadratic.js';
import { DataError, ModelJSONError, NotFittedError, ParameterError } from '../errors.js';
import { LinearModel, type ModelJSON, type Objective, type ObjectiveContext } from '../estimators/base.js';
import { param } from '../estimators/params.js';
import { rSquared } from '../estimators/regressor.js';
import { matVec, sum } from '../linalg/kernels.js';
import { L1L2 } from '../penalties/l1l2.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import { type StrategyTable, solveWith } from '../solvers/engine.js';
import { warn } from '../warnings.js';
import { combineMoments, covarianceFormPays, gramPathData, rowMoments, solveGramPath, weightedMean } from '../path/covariance.js';
import { type PathData, type RegularizationPath, defaultAlphas, originalIntercept, pathDatafit, solvePath } from '../path/solvePath.js';
import { readNumberList, splitOptions } from '../path/validate.js';
import {
  type CVFitOptions,
  argmin,
  gather,
  mean,
  oneStandardErrorIndex,
  readCVFitOptions,
  readJSONNumber,
  readJSONRows,
  readSelection,
} from './common.js';
import { type Fold, checkShuffle, foldIdsFor, foldsFromIds, readCv } from './folds.js';

/** The seed option: a 32-bit unsigned integer. */
export const seedParam = {
  /** A number. */
  kind: 'number',
  /** The value used when the option is not given. */
  default: 0,
  /** Smallest allowed value, inclusive. */
  min: 0,
  /** Largest allowed value, inclusive. */
  max: 4294967295,
  /** The value must be an integer. */
  integer: true,
} as const;

const parameters = {
  /** See {@link LassoCVOptions.nAlphas}. */
  nAlphas: param.iterations(100),
  /** See {@link LassoCVOptions.eps}. */
  eps: param.positive(1e-3),
  /** See {@link LassoCVOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link LassoCVOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link LassoCVOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link LassoCVOptions.positive}. */
  positive: param.flag(false),
  /** See {@link LassoCVOptions.shuffle}. */
  shuffle: param.flag(false),
  /** See {@link LassoCVOptions.seed}. */
  seed: seedParam,
};

/** Options of {@link LassoCV}; every one is optional. */
export interface LassoCVOptions {
  /**
   * The alphas to try (any order; used in decreasing order). Default: scikit-learn's
   * grid of `nAlphas` values from alphaMax (computed on all the data) down to alphaMax·eps.
   */
  alphas?: ArrayLike<number>;
  /** Length of the default grid (default 100). */
  nAlphas?: number;
  /** alpha_min / alphaMax of the default grid (default 1e-3). */
  eps?: number;
  /**
   * The folds: a number k ≥ 2 (default 5) for scikit-learn's `KFold(k)` — contiguous
   * folds, the first n % k one sample larger — or a fold id 0..k−1 per sample (as
   * scikit-learn's `PredefinedSplit`; every fold must be non-empty).
   */
  cv?: number | ArrayLike<number>;
  /** Shuffle the samples before cutting them into folds (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0): the same seed gives the same folds on every platform. */
  seed?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /** Epoch cap of each solve (default 1000). */
  maxIter?: number;
  /** Tolerance of each solve (default 1e-4): duality gap ≤ tol·Σswᵢ(yᵢ − ȳ)²/Σswᵢ, as scikit-learn. */
  tol?: number;
  /** Constrain the coefficients to be ≥ 0 (default false), scikit-learn's `positive`. */
  positive?: boolean;
}

/** Options of {@link ElasticNetCV}: those of {@link LassoCV} plus `l1Ratio`. */
export interface ElasticNetCVOptions extends LassoCVOptions {
  /**
   * The share(s) of L1 to try, each in [0, 1] (default 0.5): a number or a list, each
   * with its own alpha grid. scikit-learn `l1_ratio`, glmnet `alpha`. 0 needs `alphas`.
   */
  l1Ratio?: number | ArrayLike<number>;
}

/** What cross-validation found, besides the refit model. */
interface Selection {
  /** One grid per l1Ratio, decreasing. */
  alphas: Float64Array[];
  /** [l1Ratio][alpha][fold]: the held-out mean squared error. */
  msePath: Float64Array[][];
  alpha: number;
  alpha1se: number;
  l1Ratio: number;
}

/** The list-valued options of {@link LassoCV} and {@link ElasticNetCV}, as validated. */
export interface PathCVSettings {
  /** The given alphas, in decreasing order (undefined: the default grid). */
  alphas?: Float64Array;
  /** The l1Ratio values to try (LassoCV: [1]). */
  l1Ratios: Float64Array;
  /** Whether l1Ratio was given as a list (kept for toJSON). */
  l1RatioList: boolean;
  /** A number of folds, or the fold id of every sample. */
  cv: number | Int32Array;
}

/** The serialized form of a cross-validated model: a {@link ModelJSON} plus what selection found. */
export interface CVModelJSON extends ModelJSON {
  /** Present once the model is fitted. */
  selection?: Record<string, unknown>;
}

/** @internal Shared by LassoCV and ElasticNetCV: the constructor, fit, getters and JSON. */
abstract class PathCV extends LinearModel<typeof parameters> {
  /** The list-valued options (alphas, l1Ratio, cv) as validated, read-only. */
  readonly settings: Readonly<PathCVSettings>;
  /** @internal */
  protected selection: Selection | undefined;

  /** @internal */
  protected constructor(name: string, options: unknown, withL1Ratio: boolean) {
    const split = splitOptions(name, parameters, withL1Ratio ? ['alphas', 'cv', 'l1Ratio'] : ['alphas', 'cv'], options);
    super(name, parameters, split.scalars);
    const { lists } = split;
    const alphas = lists.alphas === undefined ? undefined : readNumberList(name, 'alphas', lists.alphas, { min: 0 }).sort().reverse();
    const l1Ratios = withL1Ratio && lists.l1Ratio !== undefined ? readNumberList(name, 'l1Ratio', lists.l1Ratio, { min: 0, max: 1, scalar: true }) : Float64Array.of(withL1Ratio ? 0.5 : 1);
    if (!alphas && l1Ratios.includes(0)) {
      throw new ParameterError(
        'INVALID_PARAMETER',
        `${name}: l1Ratio 0 (a pure ridge penalty) has no alphaMax to start the default grid from; pass the grid as the option 'alphas', or use l1Ratio > 0.`,
      );
    }
    const cv = readCv(name, lists.cv);
    checkShuffle(name, cv, this.params.shuffle);
    this.settings = Object.freeze({ alphas, l1Ratios, l1RatioList: withL1Ratio && typeof lists.l1Ratio !== 'number' && lists.l1Ratio !== undefined, cv });
  }

  /**
   * Cross-validates the grid on (X, y) and refits the best model on all of it. Returns
   * `this`. Neither X, y nor the weights are modified.
   */
  fit(X: unknown, y: unknown, options?: CVFitOptions): this {
    const name = this.estimatorName;
    const weights = readCVFitOptions(name, options);
    this.fitted = undefined;
    this.selection = undefined;
    const outcome = crossValidatePath(name, X, y, weights, { ...this.params, ...this.settings });
    this.selection = outcome.selection;
    this.fitted = outcome.refit;
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

  /** @internal */
  protected requireSelection(what: string): Selection {
    this.require(what);
    if (!this.selection) throw new NotFittedError(this.estimatorName, what);
    return this.selection;
  }

  /** The alpha chosen by cross-validation (smallest mean held-out error), scikit-learn's `alpha_`. */
  get alpha(): number {
    return this.requireSelection('alpha').alpha;
  }

  /**
   * The largest alpha (of the chosen l1Ratio's grid) whose mean held-out error is within
   * one standard error of the minimum — glmnet's `lambda.1se`, a sparser model of about
   * the same accuracy. The standard error is the sample standard deviation of the
   * per-fold errors at the best alpha over √k. Always ≥ {@link alpha}.
   */
  get alpha1se(): number {
    return this.requireSelection('alpha1se').alpha1se;
  }

  /** Duality gap of the refit model, in the units of its objective. */
  get dualGap(): number {
    return this.require('dualGap').optimality;
  }

  /** @internal The objective of the refit model. */
  protected objective({ totalWeight, sampleWeights }: ObjectiveContext): Objective {
    const s = this.requireSelection('objective');
    return { datafit: new Quadratic(1 / totalWeight, sampleWeights), penalty: new L1L2(s.alpha, s.l1Ratio, { positive: this.params.positive }) };
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return { cd: coordinateDescent };
  }

  /** A plain-JSON snapshot: hyperparameters (including the lists), the refit model and the cross-validation results. */
  override toJSON(): CVModelJSON {
    const json: CVModelJSON = super.toJSON();
    const { alphas, l1Ratios, l1RatioList, cv } = this.settings;
    if (alphas) json.params.alphas = Array.from(alphas);
    json.params.cv = typeof cv === 'number' ? cv : Array.from(cv);
    if (this.estimatorName === 'ElasticNetCV') json.params.l1Ratio = l1RatioList ? Array.from(l1Ratios) : l1Ratios[0];
    if (this.selection) {
      const s = this.selection;
      json.selection = {
        alpha: s.alpha,
        alpha1se: s.alpha1se,
        l1Ratio: s.l1Ratio,
        alphas: s.alphas.map((a) => Array.from(a)),
        msePath: s.msePath.map((rows) => rows.map((r) => Array.from(r))),
      };
    }
    return json;
  }

  /** @internal Reads `selection` back (fromJSON of a fitted model), checking its shape. */
  protected restoreSelection(json: unknown): void {
    if (!this.isFitted) return;
    const name = this.estimatorName;
    const raw = readSelection(name, json);
    const alphas = readJSONRows(name, raw.alphas, 'selection.alphas');
    if (alphas.length !== this.settings.l1Ratios.length) throw new ModelJSONError(name, 'selection.alphas must have one grid per l1Ratio');
    if (!Array.isArray(raw.msePath) || raw.msePath.length !== alphas.length) throw new ModelJSONError(name, 'selection.msePath must have one table per l1Ratio');
    const msePath = (raw.msePath as unknown[]).map((rows, r) => readJSONRows(name, rows, `selection.msePath[${r}]`));
    const folds = msePath[0][0].length;
    msePath.forEach((rows, r) => {
      if (rows.length !== alphas[r].length || rows.some((row) => row.length !== folds) || folds < 2) {
        throw new ModelJSONError(name, `selection.msePath[${r}] must have one row per alpha, each with one error per fold (≥ 2 folds)`);
      }
    });
    const l1Ratio = readJSONNumber(name, raw.l1Ratio, 'selection.l1Ratio');
    if (!this.settings.l1Ratios.includes(l1Ratio)) throw new ModelJSONError(name, 'selection.l1Ratio must be one of the l1Ratio values in params');
    this.selection = {
      alphas,
      msePath,
      alpha: readJSONNumber(name, raw.alpha, 'selection.alpha'),
      alpha1se: readJSONNumber(name, raw.alpha1se, 'selection.alpha1se'),
      l1Ratio,
    };
  }

  /** @internal For the subclasses' getters. */
  protected chosenIndex(): number {
    const s = this.requireSelection('msePath');
    return this.settings.l1Ratios.indexOf(s.l1Ratio);
  }
}

/**
 * Lasso with alpha chosen by K-fold cross-validation. For each alpha of a grid, the
 * Lasso
 *
 *     minimize over w, b   1/(2n) · ‖y − Xw − b‖²  +  alpha · ‖w‖₁
 *
 * (with sample weights 1/(2·Σsw) · Σᵢ swᵢ(yᵢ − xᵢw − b)²) is fitted on all folds but
 * one and scored by its mean squared error on the held-out fold (sw-weighted with
 * weights). The alpha with the smallest error averaged over folds is kept
 * ({@link alpha}), and the model is refit with it on all the data: the fitted
 * object is then a Lasso (`coef`, `intercept`, `predict`, `score`, …).
 *
 * scikit-learn: `LassoCV(alphas, n_alphas, eps, cv)` — same grid, same folds for
 * `cv: k` (`KFold(k)`), same choice. glmnet: `cv.glmnet(x, y, alpha = 1,
 * standardize = FALSE)` (`lambda.min` is {@link alpha}, `lambda.1se` is
 * {@link alpha1se}; glmnet's default folds are random).
 *
 * @example
 * ```ts
 * import { LassoCV } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const model = new LassoCV({ cv: 5 }).fit(X, y);
 * model.alpha;      // 0.0038, as scikit-learn's LassoCV(cv=5): 9 of 10 features kept
 * model.alpha1se;   // 0.19: a sparser model within one standard error of the best
 * model.predict(X.slice(0, 2));
 * ```
 */
export class LassoCV extends PathCV {
  /** The scalar hyperparameter table (defaults and allowed ranges); `alphas` and `cv` are lists. */
  static readonly parameters = parameters;

  constructor(options: LassoCVOptions = {}) {
    super('LassoCV', options, false);
  }

  /** The alphas tried, decreasing: scikit-learn's `alphas_`. */
  get alphas(): Float64Array {
    return this.requireSelection('alphas').alphas[0].slice();
  }

  /**
   * The held-out mean squared errors: `msePath[i][f]` at `alphas[i]` on fold f
   * (scikit-learn's `mse_path_`, alphas × folds).
   */
  get msePath(): Float64Array[] {
    return this.requireSelection('msePath').msePath[0].map((row) => row.slice());
  }

  /** The mean over folds of {@link msePath}, one per alpha (what {@link alpha} minimizes). */
  get mseMean(): Float64Array {
    return Float64Array.from(this.requireSelection('mseMean').msePath[0], mean);
  }

  /** Rebuilds a model from {@link LassoCV.toJSON} output, validating every field. */
  static fromJSON(json: CVModelJSON | unknown): LassoCV {
    const model = LassoCV.restore('LassoCV', json, (params) => new LassoCV(params as LassoCVOptions));
    model.restoreSelection(json);
    return model;
  }
}

/**
 * Elastic net with alpha and l1Ratio chosen by K-fold cross-validation. For each
 * l1Ratio of a list, and each alpha of that l1Ratio's grid, the elastic net
 *
 *     minimize over w, b   1/(2n) · ‖y − Xw − b‖²  +  alpha · l1Ratio · ‖w‖₁  +  ½ · alpha · (1 − l1Ratio) · ‖w‖²
 *
 * (with sample weights 1/(2·Σsw) · Σᵢ swᵢ(yᵢ − xᵢw − b)²) is scored by its held-out
 * mean squared error; the pair with the smallest error averaged over folds is kept
 * and refit on all the data (an ElasticNet: `coef`, `predict`, …).
 *
 * scikit-learn: `ElasticNetCV(l1_ratio=[…], alphas, n_alphas, eps, cv)` — one grid per
 * l1Ratio from its own alphaMax = ‖X̃ᵀ(y − ȳ)‖∞/(n·l1Ratio), same choice. glmnet:
 * `cv.glmnet(x, y, alpha = l1Ratio, standardize = FALSE)` for one l1Ratio at a time.
 *
 * @example
 * ```ts
 * import { ElasticNetCV } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y } = loadDiabetes();
 * const model = new ElasticNetCV({ l1Ratio: [0.1, 0.5, 0.9, 1] }).fit(X, y);
 * model.l1Ratio;   // 1: on these data the pure Lasso predicts best
 * model.alpha;     // 0.0038
 * ```
 */
export class ElasticNetCV extends PathCV {
  /** The scalar hyperparameter table (defaults and allowed ranges); `alphas`, `l1Ratio` and `cv` are lists. */
  static readonly parameters = parameters;

  constructor(options: ElasticNetCVOptions = {}) {
    super('ElasticNetCV', options, true);
  }

  /** The l1Ratio chosen by cross-validation, scikit-learn's `l1_ratio_`. */
  get l1Ratio(): number {
    return this.requireSelection('l1Ratio').l1Ratio;
  }

  /** The alphas tried, one decreasing grid per l1Ratio (in the order of the `l1Ratio` option). */
  get alphas(): Float64Array[] {
    return this.requireSelection('alphas').alphas.map((a) => a.slice());
  }

  /**
   * The held-out mean squared errors: `msePath[r][i][f]` for l1Ratio r, alpha i, fold f
   * (scikit-learn's `mse_path_` of shape l1Ratios × alphas × folds).
   */
  get msePath(): Float64Array[][] {
    return this.requireSelection('msePath').msePath.map((rows) => rows.map((row) => row.slice()));
  }

  /** The mean over folds of {@link msePath}: one array per l1Ratio, one value per alpha. */
  get mseMean(): Float64Array[] {
    return this.requireSelection('mseMean').msePath.map((rows) => Float64Array.from(rows, mean));
  }

  /** Rebuilds a model from {@link ElasticNetCV.toJSON} output, validating every field. */
  static fromJSON(json: CVModelJSON | unknown): ElasticNetCV {
    const model = ElasticNetCV.restore('ElasticNetCV', json, (params) => new ElasticNetCV(params as ElasticNetCVOptions));
    model.restoreSelection(json);
    return model;
  }
}

interface PathCVConfig extends PathCVSettings {
  nAlphas: number;
  eps: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  positive: boolean;
  shuffle: boolean;
  seed: number;
  /** @internal Forces the route (tests): true in covariance form, false on the folds' rows; chosen by {@link preferGram} otherwise. */
  gram?: boolean;
}

/**
 * Whether to solve the folds' paths in covariance form (see {@link covarianceFormPays}): the
 * held-out rows' moments are all kept, (k + 2) matrices of (p + 2)², so this asks that they
 * take no more room than X or than 32 MB.
 */
function preferGram(p: number, folds: Fold[], grids: Float64Array[]): boolean {
  const n = folds.reduce((rows, fold) => rows + fold.test.length, 0);
  const alphas = grids.reduce((count, grid) => count + grid.length, 0);
  const positive = grids.every((grid) => grid.every((alpha) => alpha > 0));
  return (
    positive &&
    (folds.length + 2) * (p + 2) * (p + 2) <= Math.max(n * p, 2 ** 22) &&
    covarianceFormPays(p, folds.map((fold) => fold.train.length), alphas, 0.5 * n * p * p)
  );
}

/** The fitted state LinearModel keeps for the refit model. */
interface Refit {
  coef: Float64Array;
  intercept: number;
  nIter: number;
  converged: boolean;
  optimality: number;
  criterion: 'duality-gap' | 'kkt' | 'exact' | 'residual';
}

/** Runs the cross-validation and the refit. */
/** @internal Exported for the tests. */
export function crossValidatePath(
  where: string,
  X: unknown,
  y: unknown,
  weightsInput: unknown,
  config: PathCVConfig,
): { selection: Selection; refit: Refit } {
  // converted once, uncentered (toDesign also validates the weights); folds are views of it
  const raw = toDesign(X, { center: false, weights: weightsInput });
  const n = raw.nSamples;
  const targets = toTargets(y, n);
  const sw = raw.sampleWeights;
  const { fitIntercept, positive, l1Ratios } = config;
  const everyRow = Int32Array.from({ length: n }, (_, i) => i);
  const full = fitIntercept ? designOfRows(raw, everyRow, { center: true, weights: sw }) : raw;
  const data: PathData = { design: full, y: targets, sampleWeight: sw, fitIntercept };
  const grids = Array.from(l1Ratios, (l1Ratio) => config.alphas ?? defaultAlphas(data, l1Ratio, config.nAlphas, config.eps));

  const folds = foldsFromIds(foldIdsFor(where, config.cv, n, config.shuffle, config.seed));
  const k = folds.length;
  const msePath = grids.map((grid) => Array.from(grid, () => new Float64Array(k)));
  let solves = 0;
  let unconverged = 0;
  const gram = config.gram ?? preferGram(raw.nFeatures, folds, grids);
  // the shift of the moments: the data's weighted means (see path/covariance.ts)
  const shift = new Float64Array(raw.nFeatures + 1);
  if (gram && fitIntercept) {
    shift.set(full.columnMeans);
    shift[raw.nFeatures] = weightedMean(targets, sw);
  }
  // every fold's held-out moments, from one pass over the data; a fold trains on the rest
  const heldOut = gram ? folds.map((fold) => rowMoments(raw, targets, fold.test, shift, sw)) : [];
  const total = gram ? heldOut.reduce((a, b) => combineMoments(a, b, 1)) : undefined;
  folds.forEach((fold, f) => {
    const swTrain = sw && gather(sw, fold.train);
    const swTest = sw && gather(sw, fold.test);
    if (sw && !(sum(swTrain!) > 0)) {
      throw new DataError('INVALID_DATA', `${where}.fit: the training rows of fold ${f} all have sample weight 0; every fold needs weighted training rows.`);
    }
    if (sw && !(sum(swTest!) > 0)) {
      throw new DataError('INVALID_DATA', `${where}.fit: the test rows of fold ${f} all have sample weight 0, so their weighted error is undefined; change the folds or the weights.`);
    }
    const yTest = gather(targets, fold.test);
    // the held-out rows, contiguous: predicting every alpha from them reads X in order
    const test = designOfRows(raw, fold.test, { center: false });
    const predicted = new Float64Array(fold.test.length);
    let solveFold: (l1Ratio: number, alphas: Float64Array) => RegularizationPath;
    let design: Design | undefined;
    if (total) {
      const train = gramPathData(combineMoments(total, heldOut[f], -1), shift, fitIntercept);
      solveFold = (l1Ratio, alphas) => solveGramPath(train, { l1Ratio, positive }, alphas, config);
    } else {
      design = designOfRows(raw, fold.train, { center: fitIntercept, weights: fitIntercept ? swTrain : undefined });
      const train: PathData = { design, y: gather(targets, fold.train), sampleWeight: swTrain, fitIntercept };
      solveFold = (l1Ratio, alphas) => solvePath(train, { l1Ratio, positive }, alphas, config);
    }
    l1Ratios.forEach((l1Ratio, r) => {
      const path = solveFold(l1Ratio, grids[r]);
      for (let i = 0; i < grids[r].length; i++) {
        matVec(test, path.coefs[i], path.intercepts[i], predicted);
        msePath[r][i][f] = meanSquaredError(yTest, predicted, swTest);
      }
      solves += path.converged.length;
      unconverged += path.converged.filter((ok) => !ok).length;
    });
    // the fold's paths hold their own arrays: the next fold's conversion may reuse this copy
    if (design) releaseDesign(design);
  });
  if (unconverged > 0) {
    warn({
      code: 'CONVERGENCE',
      message:
        `${where}: ${unconverged} of ${solves} fits along the cross-validation paths did not converge within maxIter; ` +
        `their held-out errors are less accurate than asked: increase maxIter, loosen tol, or scale the features.`,
    });
  }

  // scikit-learn: per l1Ratio the first minimum of the fold-averaged error; across l1Ratios a strict improvement
  let bestR = 0;
  let bestI = 0;
  let bestMse = Infinity;
  const means = msePath.map((rows) => Float64Array.from(rows, mean));
  means.forEach((m, r) => {
    const i = argmin(m);
    if (m[i] < bestMse) {
      bestMse = m[i];
      bestR = r;
      bestI = i;
    }
  });
  const oneSE = oneStandardErrorIndex(means[bestR], msePath[bestR], bestI);
  const alpha = grids[bestR][bestI];
  const l1Ratio = l1Ratios[bestR];

  // the refit: exactly what Lasso / ElasticNet do at the chosen alpha (a cold start)
  const result = solveWith(
    { design: full, y: targets, datafit: pathDatafit(data), penalty: new L1L2(alpha, l1Ratio, { positive }), fitIntercept },
    { strategy: 'cd', maxIter: config.maxIter, tol: config.tol },
    { cd: coordinateDescent },
  );
  if (!result.converged) {
    warn({
      code: 'CONVERGENCE',
      message:
        `${where} did not converge in ${result.nIter} iterations when refitting at alpha ${alpha} ` +
        `(duality gap ${result.optimality.toExponential(2)} > tolerance ${result.threshold.toExponential(2)}). ` +
        `The model is usable but less accurate than asked: increase maxIter, loosen tol, or scale the features.`,
    });
  }
  return {
    selection: { alphas: grids, msePath, alpha, alpha1se: grids[bestR][oneSE], l1Ratio },
    refit: {
      coef: result.w,
      intercept: originalIntercept(full, result.w, result.b, fitIntercept),
      nIter: result.nIter,
      converged: result.converged,
      optimality: result.optimality,
      criterion: result.criterion,
    },
  };
}

/** Σ swᵢ(yᵢ − ŷᵢ)² / Σ swᵢ, or the plain mean without weights (scikit-learn's `np.average`). */
export function meanSquaredError(y: Float64Array, predicted: Float64Array, sw?: Float64Array): number {
  let s = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const r = predicted[i] - y[i];
    const w = sw ? sw[i] : 1;
    s += w * r * r;
    total += w;
  }
  return s / total;
}
