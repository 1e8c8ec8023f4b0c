import { encodeBinaryLabels } from '../data/design.js';
import { Logistic, sigmoidNeg } from '../datafits/logistic.js';
import { DataError, ModelJSONError, describe } from '../errors.js';
import { L2 } from '../penalties/l2.js';
import { coordinateDescent } from '../solvers/coordinateDescent.js';
import type { StrategyTable } from '../solvers/engine.js';
import { fista } from '../solvers/fista.js';
import { lbfgs } from '../solvers/lbfgs.js';
import { type FitOptions, LinearModel, type ModelJSON, type Objective, type ObjectiveContext } from './base.js';
import { param } from './params.js';

const parameters = {
  /** See {@link LogisticL2Options.C}. */
  C: param.positive(1),
  /** See {@link LogisticL2Options.fitIntercept}. */
  fitIntercept: param.flag(true),
  /** See {@link LogisticL2Options.maxIter}. */
  maxIter: param.iterations(1000),
  /** See {@link LogisticL2Options.tol}. */
  tol: param.nonNegative(1e-4),
  /** See {@link LogisticL2Options.solver}. */
  solver: param.choice('auto', ['auto', 'lbfgs', 'cd', 'fista'] as const),
  /** See the options' `penaltyFactor`. */
  penaltyFactor: param.weights(),
  /** See the options' `standardize`. */
  standardize: param.flag(false),
};

/** Options of {@link LogisticL2}; every one is optional. */
export interface LogisticL2Options {
  /** Inverse penalty strength, > 0 (default 1). scikit-learn `C`. */
  C?: number;
  /** Fit an unpenalized intercept (default true). */
  fitIntercept?: boolean;
  /** Maximum iterations (default 1000). */
  maxIter?: number;
  /**
   * Stop when the largest gradient component has fallen to `tol` times its value at
   * w = 0, b = 0 (default 1e-4), and (L-BFGS, the default) the objective is certified
   * within √tol of its minimum over w.
   */
  tol?: number;
  /** `'auto'` (L-BFGS, as scikit-learn's default), `'lbfgs'`, `'cd'` or `'fista'` (default `'auto'`). */
  solver?: 'auto' | 'lbfgs' | 'cd' | 'fista';
  /**
   * One multiplier ≥ 0 per feature on the penalty; 0 leaves a feature unpenalized
   * (default none). glmnet's `penalty.factor`, rescaled like glmnet's to sum to p.
   */
  penaltyFactor?: ArrayLike<number> | null;
  /**
   * Penalize on unit-variance columns and report coefficients on the original scale
   * (default false): glmnet's `standardize = TRUE` (its default).
   */
  standardize?: boolean;
}

/** A class label: a number or a string. */
export type Label = number | string;

/**
 * Binary logistic regression with a squared L2 penalty. Minimizes over w and b
 *
 *     C · Σᵢ log(1 + exp(−ỹᵢ (xᵢ·w + b)))  +  ½ · ‖w‖²
 *
 * with ỹᵢ = +1 for `classes[1]` and −1 for `classes[0]`: scikit-learn's
 * `LogisticRegression(C, penalty='l2')`. glmnet's `family = "binomial", alpha = 0`
 * minimizes `(1/n)·Σ log-loss + ½·lambda·‖w‖²`: the same model for `lambda = 1/(n·C)`.
 * The intercept is not penalized.
 *
 * @example
 * ```ts
 * import { LogisticL2 } from 'penalized';
 *
 * const X = [[1, 0.2], [0.9, 0.1], [0.8, 0.4], [0.2, 0.9], [0.1, 1.1], [0.3, 0.7]];
 * const model = new LogisticL2({ C: 1 }).fit(X, ['spam', 'spam', 'spam', 'ham', 'ham', 'ham']);
 * model.classes;                          // ['ham', 'spam']: sorted, classes[1] is positive
 * model.predictProba([[1, 0], [0, 1]]);   // Float64Array [0.68, 0.32]: P('spam') per row
 * model.predict([[1, 0], [0, 1]]);        // ['spam', 'ham']
 * ```
 */
export class LogisticL2 extends LinearModel<typeof parameters> {
  /** The hyperparameter table (defaults and allowed ranges). */
  static readonly parameters = parameters;
  private labels: Label[] | undefined;

  constructor(options: LogisticL2Options = {}) {
    super('LogisticL2', parameters, options);
  }

  /** @internal */
  protected strategies(): StrategyTable {
    return { lbfgs, cd: coordinateDescent, fista };
  }

  /** @internal */
  protected objective({ sampleWeights, penalty }: ObjectiveContext): Objective {
    return { datafit: new Logistic(this.params.C, sampleWeights), penalty: new L2(1, penalty) };
  }

  /**
   * Fits to X (n rows × p features) and labels y (n numbers or strings, exactly two
   * distinct values). Returns `this`. Neither X nor y is modified.
   */
  fit(X: unknown, y: unknown, options?: FitOptions): this {
    let classes: Label[] = [];
    this.fitWith(
      X,
      (n) => {
        const encoded = encodeBinaryLabels(y, n, 'LogisticL2');
        classes = encoded.classes;
        return encoded.signs;
      },
      options,
    );
    this.labels = classes;
    return this;
  }

  /** The two class labels, sorted; `classes[1]` is the positive class. */
  get classes(): Label[] {
    this.require('classes');
    return this.labels!.slice();
  }

  /** The logit X·w + b for each row (positive means `classes[1]`). */
  decisionFunction(X: unknown): Float64Array {
    return this.linear(X);
  }

  /** Probability of `classes[1]` for each row: σ(X·w + b), computed without overflow. */
  predictProba(X: unknown): Float64Array {
    return probabilities(this.linear(X));
  }

  /** The predicted label of each row (`classes[1]` where the logit is positive). */
  predict(X: unknown): Label[] {
    return labelsOf(this.linear(X), this.labels!);
  }

  /** Accuracy: the fraction of rows whose predicted label equals y. */
  score(X: unknown, y: unknown): number {
    return accuracy('LogisticL2', this.predict(X), y);
  }

  /** @internal */
  protected override extraJSON(): { classes?: Label[] } {
    return { classes: this.labels!.slice() };
  }

  /** @internal */
  protected override readExtraJSON(fitted: Record<string, unknown>): void {
    const classes = fitted.classes;
    const valid =
      Array.isArray(classes) &&
      classes.length === 2 &&
      classes[0] !== classes[1] &&
      ((typeof classes[0] === 'number' && typeof classes[1] === 'number' && Number.isFinite(classes[0]) && Number.isFinite(classes[1])) ||
        (typeof classes[0] === 'string' && typeof classes[1] === 'string'));
    if (!valid) throw new ModelJSONError('LogisticL2', 'fitted.classes must be two distinct labels of one type (numbers or strings)');
    this.labels = (classes as Label[]).slice();
  }

  /** Rebuilds a model from {@link LinearModel.toJSON} output, validating every field. */
  static fromJSON(json: ModelJSON | unknown): LogisticL2 {
    return LogisticL2.restore('LogisticL2', json, (params) => new LogisticL2(params));
  }
}

/** σ(z) in place for every logit: the probability of `classes[1]`, without overflow. */
export function probabilities(z: Float64Array): Float64Array {
  for (let i = 0; i < z.length; i++) z[i] = sigmoidNeg(-z[i]);
  return z;
}

/** `classes[1]` where the logit is positive, `classes[0]` elsewhere. */
export function labelsOf(z: Float64Array, classes: readonly Label[]): Label[] {
  const [negative, positive] = classes;
  return Array.from(z, (v) => (v > 0 ? positive : negative));
}

/**
 * The fraction of `predicted` equal to `y`, with y validated as fit validates labels: an
 * object label would never equal a prediction, and a silently low accuracy is worse than
 * an error.
 */
export function accuracy(estimator: string, predicted: Label[], y: unknown): number {
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) {
    throw new DataError('INVALID_LABELS', `${estimator}.score: y must be an array of labels, one per row of X.`);
  }
  const labels = y as ArrayLike<unknown>;
  if (labels.length !== predicted.length) {
    throw new DataError('SHAPE_MISMATCH', `${estimator}.score: X has ${predicted.length} rows but y has ${labels.length} labels.`);
  }
  let correct = 0;
  for (let i = 0; i < predicted.length; i++) {
    const label = labels[i];
    if (!((typeof label === 'number' && Number.isFinite(label)) || typeof label === 'string')) {
      throw new DataError('INVALID_LABELS', `${estimator}.score: y[${i}] is ${describe(label)}; labels must be finite numbers or strings, as in fit.`);
    }
    if (predicted[i] === label) correct++;
  }
  return correct / predicted.length;
}
