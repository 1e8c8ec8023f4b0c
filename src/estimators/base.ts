/**
 * What every estimator shares: hyperparameters (validated once, in the constructor),
 * `fit` through the engine, fitted state, and JSON round trips. An estimator itself
 * only says which datafit and penalty it minimizes ({@link LinearModel.objective}).
 *
 * @module
 */
import { type Design, linearPredictor, releaseDesign, standardizeColumns, toDesign } from '../data/design.js';
import type { Datafit } from '../datafits/types.js';
import { DataError, ModelJSONError, NotFittedError, ParameterError, describe } from '../errors.js';
import type { PenaltyOptions } from '../penalties/l1l2.js';
import type { Penalty } from '../penalties/types.js';
import { solveWith, type StrategyTable } from '../solvers/engine.js';
import type { Strategy } from '../solvers/types.js';
import { warn } from '../warnings.js';
import { type ParamTable, type ParamValues, resolveParams } from './params.js';

/** What {@link FitOptions.onIteration} receives after each solver iteration. */
export interface FitProgress {
  /** 1-based iteration (epoch) count. */
  iteration: number;
  /** The coefficients at this iteration (a fresh copy, safe to keep). */
  coef: Float64Array;
  /** The intercept at this iteration, on the original feature scale. */
  intercept: number;
}

/** Options of `fit`, beyond X and y. */
export interface FitOptions {
  /**
   * Called after every solver iteration with the current coefficients: record a
   * trajectory, draw a progress bar, or return `false` to stop early (the model then
   * reports `converged === false`). Not called by the exact direct solve.
   */
  onIteration?: (progress: FitProgress) => void | boolean;
  /**
   * One weight ≥ 0 per sample, with scikit-learn's meaning (`sample_weight`): an
   * integer weight k counts the row k times. Not mutated.
   */
  sampleWeight?: ArrayLike<number>;
}

/** What a fit leaves behind. */
interface Fitted {
  coef: Float64Array;
  intercept: number;
  nIter: number;
  converged: boolean;
  /** Final duality gap or KKT residual, in the objective's units. */
  optimality: number;
  criterion: 'duality-gap' | 'kkt' | 'exact' | 'residual';
}

/** The serialized form of a model: plain JSON, safe to `JSON.stringify`. */
export interface ModelJSON {
  /** Always `'penalized-model'`: tells a model from other JSON. */
  format: 'penalized-model';
  /** The format's version (1); a future format would change it. */
  version: 1;
  /** The class name (`'Lasso'`, …): `fromJSON` of another class refuses the model. */
  estimator: string;
  /** Every hyperparameter, defaults included. */
  params: Record<string, unknown>;
  /** Present once the model is fitted. */
  fitted?: {
    /** The coefficients, one per feature. */
    coef: number[];
    /** The intercept. */
    intercept: number;
    /** Iterations the solver ran. */
    nIter: number;
    /** Whether the solver reached its tolerance. */
    converged: boolean;
    /** The final value of the stopping measure (`null` in JSON stands for NaN). */
    optimality: number;
    /** Which stopping measure `optimality` is. */
    criterion: 'duality-gap' | 'kkt' | 'exact' | 'residual';
    /** Class labels (classifiers only), sorted. */
    classes?: (number | string)[];
  };
}

/** What an estimator needs to build its datafit and penalty for one fit. */
export interface ObjectiveContext {
  /** Rows of X. */
  nSamples: number;
  /** Per-sample weights from `fit(X, y, { sampleWeight })`, if any. */
  sampleWeights?: Float64Array;
  /** Σ sample weights (n without weights): scikit-learn's normalizer for 1/(2n). */
  totalWeight: number;
  /**
   * The penalty options from the estimator's own `positive` and `penaltyFactor`
   * (rescaled to sum to p, as glmnet does), ready for the penalty's constructor.
   */
  penalty: PenaltyOptions;
}

/** The pair an estimator minimizes. */
export interface Objective {
  /** The loss F(Xw + b). */
  datafit: Datafit<any>;
  /** The penalty g(w). */
  penalty: Penalty;
}

/** Base of every estimator. Not constructed directly. */
export abstract class LinearModel<T extends ParamTable> {
  /** The hyperparameters, validated and with defaults filled in (read-only). */
  readonly params: ParamValues<T>;
  /** @internal */
  protected fitted: Fitted | undefined;

  /** @internal */
  protected constructor(
    /** The class name, used in messages and in JSON. */
    readonly estimatorName: string,
    table: T,
    options: unknown,
  ) {
    this.params = resolveParams(estimatorName, table, options);
  }

  /** @internal The datafit and penalty this estimator minimizes on n samples. */
  protected abstract objective(context: ObjectiveContext): Objective;

  /** @internal The engine strategies this estimator may use (its `solver` choices). */
  protected abstract strategies(): StrategyTable;

  /** @internal `maxIter` and `tol` for an estimator whose options do not set them. */
  protected iterationDefaults(): { maxIter: number; tol: number } {
    return { maxIter: 1000, tol: 1e-4 };
  }

  /** Coefficients, one per feature (a copy). */
  get coef(): Float64Array {
    return this.require('coef').coef.slice();
  }

  /** The intercept b (0 when `fitIntercept` is false). */
  get intercept(): number {
    return this.require('intercept').intercept;
  }

  /** Iterations (epochs) the solver ran; 1 for an exact direct solve. */
  get nIter(): number {
    return this.require('nIter').nIter;
  }

  /** Whether the solver reached `tol` within `maxIter`. */
  get converged(): boolean {
    return this.require('converged').converged;
  }

  /** Number of features seen in fit. */
  get nFeatures(): number {
    return this.require('nFeatures').coef.length;
  }

  /** Whether `fit` (or `fromJSON` of a fitted model) has run. */
  get isFitted(): boolean {
    return this.fitted !== undefined;
  }

  /** @internal */
  protected require(what: string): Fitted {
    if (!this.fitted) throw new NotFittedError(this.estimatorName, what);
    return this.fitted;
  }

  /**
   * @internal Validates X, encodes the target once the row count is known, runs the
   * engine and stores the result on the original (uncentered) feature scale.
   */
  protected fitWith(X: unknown, encodeTarget: (nSamples: number) => Float64Array, fitOptions?: FitOptions): void {
    const params = this.params as Record<string, unknown>;
    const { onIteration, sampleWeight } = readFitOptions(this.estimatorName, fitOptions);
    const fitIntercept = params.fitIntercept !== false;
    const previous = params.warmStart === true ? this.fitted : undefined;
    // a failed fit (invalid X or y, solver error) must not leave the previous model
    // behind: clear it before validating, so any throw below leaves the model unfitted
    this.fitted = undefined;
    const design: Design = toDesign(X, { center: fitIntercept, weights: sampleWeight });
    // glmnet's standardize: solve on unit-variance columns, report on the original scale
    const scales = params.standardize === true ? standardizeColumns(design) : undefined;
    const y = encodeTarget(design.nSamples);
    const sw = design.sampleWeights;
    let totalWeight = design.nSamples;
    if (sw) totalWeight = sw.reduce((a, v) => a + v, 0);
    const { datafit, penalty } = this.objective({
      nSamples: design.nSamples,
      sampleWeights: sw,
      totalWeight,
      penalty: penaltyOptions(this.estimatorName, params, design.nFeatures),
    });
    // design-scale coefficients ↔ original-scale coefficients
    const toDesignScale = (coef: Float64Array) => (scales ? coef.map((v, j) => v * scales[j]) : coef.slice());
    const toOriginalScale = (w: Float64Array) => (scales ? w.map((v, j) => v / scales[j]) : Float64Array.from(w));
    let initial: { w: Float64Array; b: number } | undefined;
    if (previous && previous.coef.length === design.nFeatures) {
      let b = previous.intercept;
      for (let j = 0; j < previous.coef.length; j++) b += design.columnMeans[j] * previous.coef[j];
      initial = { w: toDesignScale(previous.coef), b };
    }
    // the intercept on the original scale: b − Σⱼ x̄ⱼ·coefⱼ (the means are original-scale)
    const interceptOf = (b: number, coef: Float64Array) => {
      if (!fitIntercept) return 0;
      let intercept = b;
      for (let j = 0; j < coef.length; j++) intercept -= design.columnMeans[j] * coef[j];
      return intercept;
    };
    const defaults = this.iterationDefaults();
    const result = solveWith(
      { design, y, datafit, penalty, fitIntercept },
      {
        strategy: (params.solver as Strategy | undefined) ?? 'auto',
        maxIter: (params.maxIter as number | undefined) ?? defaults.maxIter,
        tol: (params.tol as number | undefined) ?? defaults.tol,
        initial,
        onIteration: onIteration
          ? ({ iteration, w, b }) => {
              const coef = toOriginalScale(w);
              return onIteration({ iteration, coef, intercept: interceptOf(b, coef) });
            }
          : undefined,
      },
      this.strategies(),
    );
    const coef = toOriginalScale(result.w);
    // nothing kept from here on reads the copy of X (the model holds coef and the means)
    releaseDesign(design);
    this.fitted = {
      coef,
      intercept: interceptOf(result.b, coef),
      nIter: result.nIter,
      converged: result.converged,
      optimality: result.optimality,
      criterion: result.criterion,
    };
    if (!result.converged) {
      const measure = result.criterion === 'duality-gap' ? 'duality gap' : 'optimality residual';
      warn({
        code: 'CONVERGENCE',
        message:
          `${this.estimatorName} did not converge in ${result.nIter} iterations ` +
          `(${measure} ${result.optimality.toExponential(2)} > tolerance ${result.threshold.toExponential(2)}). ` +
          `The model is usable but less accurate than asked: increase maxIter, loosen tol, or scale the features.`,
      });
    }
  }

  /** @internal X·coef + intercept, with X validated against the fitted feature count. */
  protected linear(X: unknown): Float64Array {
    const fitted = this.require('predict');
    return linearPredictor(X, fitted.coef, fitted.intercept, this.estimatorName);
  }

  /** A plain-JSON snapshot of the hyperparameters and (if fitted) the learned model. */
  toJSON(): ModelJSON {
    const json: ModelJSON = {
      format: 'penalized-model',
      version: 1,
      estimator: this.estimatorName,
      params: { ...(this.params as Record<string, unknown>) },
    };
    if (this.fitted) {
      const f = this.fitted;
      json.fitted = {
        coef: Array.from(f.coef),
        intercept: f.intercept,
        nIter: f.nIter,
        converged: f.converged,
        optimality: f.optimality,
        criterion: f.criterion,
        ...this.extraJSON(),
      };
    }
    return json;
  }

  /** @internal Extra fitted fields (classifiers add `classes`). */
  protected extraJSON(): { classes?: (number | string)[] } {
    return {};
  }

  /** @internal Reads the extra fitted fields back; throws ModelJSONError when malformed. */
  protected readExtraJSON(_fitted: Record<string, unknown>): void {}

  /** @internal Used by each class's static `fromJSON`. */
  protected static restore<M extends LinearModel<any>>(
    name: string,
    json: unknown,
    create: (params: Record<string, unknown>) => M,
  ): M {
    const obj = asRecord(json, name, 'the JSON');
    if (obj.format !== 'penalized-model' || obj.version !== 1) {
      throw new ModelJSONError(name, `expected format 'penalized-model' version 1, found format ${describe(obj.format)} version ${describe(obj.version)}`);
    }
    if (obj.estimator !== name) {
      throw new ModelJSONError(name, `this is a ${describe(obj.estimator)} model, not ${name}`);
    }
    const params = asRecord(obj.params, name, 'params');
    let model: M;
    try {
      model = create({ ...params });
    } catch (error) {
      throw new ModelJSONError(name, `params are invalid (${(error as Error).message})`);
    }
    if (!has(obj, 'fitted') || obj.fitted === undefined) return model;
    const fitted = asRecord(obj.fitted, name, 'fitted');
    const coef = fitted.coef;
    if (!Array.isArray(coef) || coef.length === 0 || !coef.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new ModelJSONError(name, 'fitted.coef must be a non-empty array of finite numbers');
    }
    const intercept = fitted.intercept;
    if (typeof intercept !== 'number' || !Number.isFinite(intercept)) throw new ModelJSONError(name, 'fitted.intercept must be a finite number');
    if (typeof fitted.nIter !== 'number' || !Number.isInteger(fitted.nIter) || fitted.nIter < 0) throw new ModelJSONError(name, 'fitted.nIter must be a non-negative integer');
    if (typeof fitted.converged !== 'boolean') throw new ModelJSONError(name, 'fitted.converged must be a boolean');
    const criterion = fitted.criterion;
    if (criterion !== 'duality-gap' && criterion !== 'kkt' && criterion !== 'exact' && criterion !== 'residual') throw new ModelJSONError(name, "fitted.criterion must be 'duality-gap', 'kkt', 'exact' or 'residual'");
    // JSON.stringify writes NaN and ±Infinity as null: a fit that stopped at maxIter with
    // an unrepresentable measure must still round-trip, as "not known" (NaN)
    const optimality = fitted.optimality === null ? NaN : fitted.optimality;
    if (typeof optimality !== 'number') throw new ModelJSONError(name, 'fitted.optimality must be a number (or null, which JSON writes for NaN and ±Infinity)');
    model.readExtraJSON(fitted);
    model.fitted = {
      coef: Float64Array.from(coef as number[]),
      intercept,
      nIter: fitted.nIter,
      converged: fitted.converged,
      optimality,
      criterion,
    };
    return model;
  }
}

/** Validates the third argument of `fit`. */
function readFitOptions(estimator: string, options: unknown): FitOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ParameterError('INVALID_PARAMETER', `${estimator}.fit: the third argument must be an options object such as { sampleWeight }; received ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'onIteration' && key !== 'sampleWeight') {
      throw new ParameterError('UNKNOWN_OPTION', `${estimator}.fit: unknown option '${key}'; the fit options are sampleWeight and onIteration.`);
    }
  }
  const { onIteration, sampleWeight } = options as FitOptions;
  if (onIteration !== undefined && typeof onIteration !== 'function') {
    throw new ParameterError('INVALID_PARAMETER', `${estimator}.fit: option 'onIteration' must be a function; received ${describe(onIteration)}.`);
  }
  return { onIteration, sampleWeight };
}

/**
 * The penalty options from an estimator's `positive` and `penaltyFactor` parameters.
 * Penalty factors are rescaled to sum to p, as glmnet's `penalty.factor` is, so that
 * `alpha` keeps its meaning; a length other than p is an error.
 */
function penaltyOptions(estimator: string, params: Record<string, unknown>, nFeatures: number): PenaltyOptions {
  const options: PenaltyOptions = { positive: params.positive === true };
  const factors = params.penaltyFactor as readonly number[] | null | undefined;
  if (factors) {
    if (factors.length !== nFeatures) {
      throw new DataError('SHAPE_MISMATCH', `${estimator}: penaltyFactor has ${factors.length} values but X has ${nFeatures} features; pass one factor per feature.`);
    }
    const total = factors.reduce((a, v) => a + v, 0);
    options.factors = Float64Array.from(factors, (v) => (v * nFeatures) / total);
  }
  return options;
}

function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** A plain object, read through own properties only (no prototype tricks). */
function asRecord(value: unknown, name: string, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelJSONError(name, `${what} must be an object, received ${describe(value)}`);
  }
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new ModelJSONError(name, `${what} has a forbidden key '${key}'`);
    }
    out[key] = (value as Record<string, unknown>)[key];
  }
  return out;
}
