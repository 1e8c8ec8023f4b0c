/**
 * {@link LogisticL2CV}: L2-penalized logistic regression with C chosen by stratified
 * K-fold cross-validation on accuracy, as scikit-learn's `LogisticRegressionCV`.
 *
 * @module
 */
import { designOfRows, encodeBinaryLabels, releaseDesign, toDesign } from '../data/design.js';
import { Logistic } from '../datafits/logistic.js';
import { DataError, ModelJSONError, NotFittedError, ParameterError } from '../errors.js';
import { LinearModel, type ModelJSON, type Objective, type ObjectiveContext } from '../estimators/base.js';
import { accuracy, labelsOf, probabilities, type Label } from '../estimators/logisticL2.js';
import { param } from '../estimators/params.js';
import { L2 } from '../penalties/l2.js';
import { logspace, originalIntercept } from '../path/solvePath.js';
import { readNumberList, splitOptions } from '../path/validate.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import { type StrategyTable, solveWith } from '../solvers/engine.js';
import { fista } from '../solvers/fista.js';
import { lbfgs } from '../solvers/lbfgs.js';
import type { SolveResult } from '../solvers/types.js';
import { warn } from '../warnings.js';
import { type CVFitOptions, gather, mean, readCVFitOptions, readJSONNumber, readJSONNumbers, readJSONRows, readSelection, standardError } from './common.js';
import { type Fold, checkShuffle, foldsFromIds, readCv, stratifiedFoldIds } from './folds.js';
import { seedParam } from './pathCV.js';


const parameters = {
  /** See {@link LogisticL2CVOptions.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link LogisticL2CVOptions.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link LogisticL2CVOptions.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link LogisticL2CVOptions.shuffle}. */
  shuffle: param.flag(false),
  /** See {@link LogisticL2CVOptions.seed}. */
  seed: seedParam,
  /** See {@link LogisticL2CVOptions.solver}. */
  solver: param.choice('auto', ['auto', 'lbfgs', 'cd', 'fista'] as const),
};

/** Options of {@link LogisticL2CV}; every one is optional. */
export interface LogisticL2CVOptions {
  /**
   * The Cs to try: a count m (default 10) for scikit-learn's `logspace(−4, 4, m)`, or
   * the values themselves (each > 0; tried in the order given, each fit warm-started
   * from the previous one, so increasing order is fastest).
   */
  Cs?: number | ArrayLike<number>;
  /**
   * The folds: a number k ≥ 2 (default 5) for scikit-learn's `StratifiedKFold(k)` (each
   * fold keeps the class proportions), or a fold id 0..k−1 per sample.
   */
  cv?: number | ArrayLike<number>;
  /** Shuffle within each class before cutting the folds (default false). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). */
  seed?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /** Iteration cap of each fit (default 1000). */
  maxIter?: number;
  /** Tolerance of each fit, as {@link LogisticL2}'s (default 1e-4). */
  tol?: number;
  /** The engine strategy of each fit, as {@link LogisticL2}'s (default `'auto'`: L-BFGS). */
  solver?: 'auto' | 'lbfgs' | 'cd' | 'fista';
}

/** The list-valued options of {@link LogisticL2CV}, as validated. */
export interface LogisticL2CVSettings {
  /** The Cs to try, in the order tried. */
  Cs: Float64Array;
  /** The count, when `Cs` was given as one (kept for toJSON). */
  CsCount?: number;
  /** A number of folds, or the fold id of every sample. */
  cv: number | Int32Array;
}

interface Selection {
  Cs: Float64Array;
  /** [C][fold]: held-out accuracy. */
  scorePath: Float64Array[];
  C: number;
  C1se: number;
  classes: Label[];
}

/** The serialized form of a {@link LogisticL2CV}: a {@link ModelJSON} plus what selection found. */
export interface LogisticL2CVJSON extends ModelJSON {
  /** Present once the model is fitted. */
  selection?: Record<string, unknown>;
}

const STRATEGIES: StrategyTable = { lbfgs, cd: coordinateDescent, fista };

/**
 * Binary logistic regression with a squared L2 penalty, C chosen by cross-validation.
 * For each C of a grid the model minimizes over w and b
 *
 *     C · Σᵢ swᵢ · log(1 + exp(−ỹᵢ (xᵢ·w + b)))  +  ½ · ‖w‖²
 *
 * (swᵢ = 1 without weights; ỹᵢ = ±1 for `classes[1]` / `classes[0]`) on all folds but
 * one, and is scored by its accuracy on the held-out fold (sw-weighted with weights).
 * The C with the best accuracy summed over folds is kept ({@link C}, the first of
 * ties, as scikit-learn), and the model is refit with it on all the data exactly as
 * `new LogisticL2({ C })` would: `predict`, `predictProba`, `classes`, … then work.
 *
 * scikit-learn: `LogisticRegressionCV(Cs=10, cv=5, scoring=None)` (accuracy, stratified
 * folds); it refits from the folds' average solution, this class from zero — the same
 * minimizer. glmnet: `cv.glmnet(x, y, family = "binomial", alpha = 0,
 * type.measure = "class")` with lambda = 1/(n·C).
 *
 * @example
 * ```ts
 * import { LogisticL2CV } from 'penalized';
 * import { loadBreastCancer } from 'penalized/datasets';
 *
 * const { X, y, targetNames } = loadBreastCancer();
 * // standardize each column (mean 0, standard deviation 1): L-BFGS converges much faster
 * const mean = X[0].map((_, j) => X.reduce((s, row) => s + row[j], 0) / X.length);
 * const sd = X[0].map((_, j) => Math.sqrt(X.reduce((s, row) => s + (row[j] - mean[j]) ** 2, 0) / X.length));
 * const Z = X.map((row) => row.map((v, j) => (v - mean[j]) / sd[j]));
 * const labels = y.map((v) => targetNames![v]);   // 'malignant' / 'benign'
 *
 * const model = new LogisticL2CV({ Cs: 10 }).fit(Z, labels);
 * model.C;                    // 0.36, as scikit-learn's LogisticRegressionCV(Cs=10)
 * model.predict(Z.slice(0, 3));   // ['malignant', 'malignant', 'malignant']
 * ```
 */
export class LogisticL2CV extends LinearModel<typeof parameters> {
  /** The scalar hyperparameter table; `Cs` and `cv` are lists (or counts). */
  static readonly parameters = parameters;
  /** The list-valued options, as validated (read-only). */
  readonly settings: Readonly<LogisticL2CVSettings>;
  private selection: Selection | undefined;

  constructor(options: LogisticL2CVOptions = {}) {
    const split = splitOptions('LogisticL2CV', parameters, ['Cs', 'cv'], options);
    super('LogisticL2CV', parameters, split.scalars);
    const given = split.lists.Cs;
    let Cs: Float64Array;
    let CsCount: number | undefined;
    if (given === undefined || typeof given === 'number') {
      CsCount = given ?? 10;
      if (!Number.isSafeInteger(CsCount) || CsCount < 1) {
        throw new ParameterError('INVALID_PARAMETER', `LogisticL2CV: option 'Cs' must be a count (an integer ≥ 1) or a non-empty array of numbers > 0; received ${CsCount}.`);
      }
      Cs = logspace(-4, 4, CsCount);
    } else {
      Cs = readNumberList('LogisticL2CV', 'Cs', given, { min: 0, exclusiveMin: true });
    }
    const cv = readCv('LogisticL2CV', split.lists.cv);
    checkShuffle('LogisticL2CV', cv, this.params.shuffle);
    this.settings = Object.freeze({ Cs, CsCount, cv });
  }

  /**
   * Cross-validates the Cs on (X, y) — y holds two distinct labels, numbers or strings —
   * and refits the best on all of it. Returns `this`. Nothing passed in is modified.
   */
  fit(X: unknown, y: unknown, options?: CVFitOptions): this {
    const weightsInput = readCVFitOptions('LogisticL2CV', options);
    this.fitted = undefined;
    this.selection = undefined;
    const { fitIntercept, maxIter, tol, solver } = this.params;
    const raw = toDesign(X, { center: false, weights: weightsInput });
    const n = raw.nSamples;
    const { classes, signs } = encodeBinaryLabels(y, n, 'LogisticL2CV');
    const sw = raw.sampleWeights;
    const folds = this.folds(signs, n);
    const { Cs } = this.settings;
    const scorePath = Array.from(Cs, () => new Float64Array(folds.length));
    let unconverged = 0;
    folds.forEach((fold, f) => {
      const trainSigns = gather(signs, fold.train);
      if (!trainSigns.includes(1) || !trainSigns.includes(-1)) {
        throw new DataError(
          'INVALID_LABELS',
          `LogisticL2CV: the training rows of fold ${f} hold only the class ${JSON.stringify(trainSigns[0] > 0 ? classes[1] : classes[0])}; every fold's training rows need both classes (use fewer folds).`,
        );
      }
      if (sw && !fold.test.some((i) => sw[i] > 0)) {
        throw new DataError('INVALID_DATA', `LogisticL2CV.fit: the test rows of fold ${f} all have sample weight 0, so their weighted accuracy is undefined; change the folds or the weights.`);
      }
      const swTrain = sw && gather(sw, fold.train);
      const design = designOfRows(raw, fold.train, { center: fitIntercept, weights: swTrain });
      let initial: { w: Float64Array; b: number } | undefined;
      Cs.forEach((C, c) => {
        const result: SolveResult = solveWith(
          { design, y: trainSigns, datafit: new Logistic(C, swTrain), penalty: new L2(1), fitIntercept },
          { strategy: solver as 'auto', maxIter, tol, initial },
          STRATEGIES,
        );
        initial = { w: result.w, b: result.b };
        if (!result.converged) unconverged++;
        scorePath[c][f] = foldAccuracy(raw, fold.test, signs, sw, result.w, originalIntercept(design, result.w, result.b, fitIntercept));
      });
      // the fold's results hold their own arrays: the next fold's conversion may reuse this copy
      releaseDesign(design);
    });
    if (unconverged > 0) {
      warn({
        code: 'CONVERGENCE',
        message: `LogisticL2CV: ${unconverged} of ${Cs.length * folds.length} fits along the cross-validation paths did not converge within maxIter; increase maxIter, loosen tol, or scale the features.`,
      });
    }
    // scikit-learn: argmax of the accuracy summed over folds (first of ties)
    const totals = Float64Array.from(scorePath, (row) => row.reduce((a, b) => a + b, 0));
    let best = 0;
    for (let c = 1; c < totals.length; c++) if (totals[c] > totals[best]) best = c;
    const threshold = mean(scorePath[best]) - standardError(scorePath[best]);
    let C1se = Cs[best];
    for (let c = 0; c < Cs.length; c++) if (mean(scorePath[c]) >= threshold && Cs[c] < C1se) C1se = Cs[c];
    const C = Cs[best];

    // the refit: what LogisticL2 does at this C (from zero)
    const design = designOfRows(raw, Int32Array.from({ length: n }, (_, i) => i), { center: fitIntercept, weights: sw });
    const result = solveWith(
      { design, y: signs, datafit: new Logistic(C, sw), penalty: new L2(1), fitIntercept },
      { strategy: solver as 'auto', maxIter, tol },
      STRATEGIES,
    );
    if (!result.converged) {
      warn({
        code: 'CONVERGENCE',
        message: `LogisticL2CV did not converge in ${result.nIter} iterations when refitting at C ${C}; the model is usable but less accurate than asked: increase maxIter, loosen tol, or scale the features.`,
      });
    }
    this.selection = { Cs: Cs.slice(), scorePath, C, C1se, classes };
    this.fitted = {
      coef: result.w,
      intercept: originalIntercept(design, result.w, result.b, fitIntercept),
      nIter: result.nIter,
      converged: result.converged,
      optimality: result.optimality,
      criterion: result.criterion,
    };
    return this;
  }

  private folds(signs: Float64Array, n: number): Fold[] {
    const { cv } = this.settings;
    if (typeof cv !== 'number') {
      if (cv.length !== n) {
        throw new DataError('SHAPE_MISMATCH', `LogisticL2CV: X has ${n} rows but the fold ids in option 'cv' have ${cv.length}; give one fold id per row of X.`);
      }
      return foldsFromIds(cv);
    }
    let positives = 0;
    for (let i = 0; i < n; i++) if (signs[i] > 0) positives++;
    if (cv > Math.max(positives, n - positives)) {
      throw new DataError('INVALID_DATA', `LogisticL2CV: cannot make ${cv} stratified folds when the larger class has only ${Math.max(positives, n - positives)} samples; use fewer folds.`);
    }
    return foldsFromIds(stratifiedFoldIds(signs, cv, this.params.shuffle, this.params.seed));
  }

  private requireSelection(what: string): Selection {
    this.require(what);
    if (!this.selection) throw new NotFittedError('LogisticL2CV', what);
    return this.selection;
  }

  /** The C with the best cross-validated accuracy (scikit-learn's `C_`). */
  get C(): number {
    return this.requireSelection('C').C;
  }

  /**
   * The smallest C (the most regularized model) whose mean accuracy is within one
   * standard error of the best (glmnet's `lambda.1se` rule; the standard error is the
   * sample standard deviation of the best C's fold accuracies over √k). ≤ {@link C}.
   */
  get C1se(): number {
    return this.requireSelection('C1se').C1se;
  }

  /** The Cs tried, in the order tried (scikit-learn's `Cs_`). */
  get Cs(): Float64Array {
    return this.requireSelection('Cs').Cs.slice();
  }

  /** Held-out accuracy: `scorePath[c][f]` for `Cs[c]` on fold f (scikit-learn's `scores_[label]`, transposed). */
  get scorePath(): Float64Array[] {
    return this.requireSelection('scorePath').scorePath.map((row) => row.slice());
  }

  /** The mean over folds of {@link scorePath}, one per C. */
  get scoreMean(): Float64Array {
    return Float64Array.from(this.requireSelection('scoreMean').scorePath, mean);
  }

  /** The two class labels, sorted; `classes[1]` is the positive class. */
  get classes(): Label[] {
    return this.requireSelection('classes').classes.slice();
  }

  /** The logit X·w + b of the refit model for each row (positive means `classes[1]`). */
  decisionFunction(X: unknown): Float64Array {
    return this.linear(X);
  }

  /** Probability of `classes[1]` for each row: σ(X·w + b). */
  predictProba(X: unknown): Float64Array {
    return probabilities(this.linear(X));
  }

  /** The predicted label of each row (`classes[1]` where the logit is positive). */
  predict(X: unknown): Label[] {
    return labelsOf(this.linear(X), this.requireSelection('predict').classes);
  }

  /** Accuracy of the refit model: the fraction of rows whose predicted label equals y. */
  score(X: unknown, y: unknown): number {
    return accuracy('LogisticL2CV', this.predict(X), y);
  }

  /** @internal */
  protected objective({ sampleWeights }: ObjectiveContext): Objective {
    return { datafit: new Logistic(this.requireSelection('objective').C, sampleWeights), penalty: new L2(1) };
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return STRATEGIES;
  }

  /** @internal */
  protected override extraJSON(): { classes?: Label[] } {
    return { classes: this.requireSelection('classes').classes.slice() };
  }

  /** A plain-JSON snapshot: hyperparameters (with `Cs` and `cv`), the refit model and the cross-validation results. */
  override toJSON(): LogisticL2CVJSON {
    const json: LogisticL2CVJSON = super.toJSON();
    const { Cs, CsCount, cv } = this.settings;
    json.params.Cs = CsCount ?? Array.from(Cs);
    json.params.cv = typeof cv === 'number' ? cv : Array.from(cv);
    if (this.selection) {
      const s = this.selection;
      json.selection = { C: s.C, C1se: s.C1se, Cs: Array.from(s.Cs), scorePath: s.scorePath.map((r) => Array.from(r)) };
    }
    return json;
  }

  /** Rebuilds a model from {@link LogisticL2CV.toJSON} output, validating every field. */
  static fromJSON(json: LogisticL2CVJSON | unknown): LogisticL2CV {
    const model = LogisticL2CV.restore('LogisticL2CV', json, (params) => new LogisticL2CV(params as LogisticL2CVOptions));
    if (model.isFitted) {
      const fitted = (json as { fitted: { classes?: unknown } }).fitted;
      const c = fitted.classes;
      const valid =
        Array.isArray(c) &&
        c.length === 2 &&
        c[0] !== c[1] &&
        ((typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) || (typeof c[0] === 'string' && typeof c[1] === 'string'));
      if (!valid) throw new ModelJSONError('LogisticL2CV', 'fitted.classes must be two distinct labels of one type (numbers or strings)');
      const classes = (c as Label[]).slice();
      const raw = readSelection('LogisticL2CV', json);
      const Cs = readJSONNumbers('LogisticL2CV', raw.Cs, 'selection.Cs');
      const scorePath = readJSONRows('LogisticL2CV', raw.scorePath, 'selection.scorePath');
      if (scorePath.length !== Cs.length || scorePath.some((r) => r.length !== scorePath[0].length || r.length < 2)) {
        throw new ModelJSONError('LogisticL2CV', 'selection.scorePath must have one row per C, each with one accuracy per fold (≥ 2 folds)');
      }
      model.selection = {
        Cs,
        scorePath,
        C: readJSONNumber('LogisticL2CV', raw.C, 'selection.C'),
        C1se: readJSONNumber('LogisticL2CV', raw.C1se, 'selection.C1se'),
        classes,
      };
    }
    return model;
  }
}

/** Σ swᵢ·[sign(ẑᵢ) = ỹᵢ] / Σ swᵢ over the test rows (ẑ > 0 predicts the positive class). */
function foldAccuracy(raw: ReturnType<typeof toDesign>, rows: Int32Array, signs: Float64Array, sw: Float64Array | undefined, w: Float64Array, intercept: number): number {
  const { nSamples: n, values } = raw;
  const z = new Float64Array(rows.length).fill(intercept);
  for (let j = 0; j < w.length; j++) {
    const wj = w[j];
    if (wj === 0) continue;
    for (let i = 0; i < rows.length; i++) z[i] += wj * values[j * n + rows[i]];
  }
  let correct = 0;
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const weight = sw ? sw[rows[i]] : 1;
    total += weight;
    if ((z[i] > 0 ? 1 : -1) === signs[rows[i]]) correct += weight;
  }
  return correct / total;
}
