/**
 * The estimator contract: one suite, run over every estimator in `cases`. A new
 * estimator added to the list inherits every check.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ElasticNet,
  Lasso,
  Linear,
  LogisticL2,
  NotFittedError,
  Ridge,
  setWarningHandler,
  type Label,
  type ModelJSON,
  type PenalizedWarning,
  LassoCV,
  ElasticNetCV,
  RidgeCV,
  LogisticL2CV,
} from '../src/index.js';

// ---------------------------------------------------------------- fixture data

interface Data {
  X: number[][];
  y: (number | string)[];
  Xtest: number[][];
  ytest: (number | string)[];
}

const fixtureDir = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url));
function load(name: string): Data {
  const { X, y, Xtest, ytest } = JSON.parse(readFileSync(`${fixtureDir}${name}.json`, 'utf8')) as Data;
  return { X, y, Xtest, ytest };
}

const diabetes = load('lasso-diabetes-alpha0.1'); // 400 × 10, scaled features
const cancerFull = load('logistic-breast-cancer'); // 500 × 30, standardized, labels 0/1
// 150 rows keep each LogisticL2 fit well under 100 ms
const cancer: Data = { X: cancerFull.X.slice(0, 150), y: cancerFull.y.slice(0, 150), Xtest: cancerFull.Xtest, ytest: cancerFull.ytest };

/** Other data for the refit check: other rows and fewer features. */
function otherData(d: Data, rows: [number, number], p: number): { X: number[][]; y: (number | string)[] } {
  return { X: d.X.slice(rows[0], rows[1]).map((r) => r.slice(0, p)), y: d.y.slice(rows[0], rows[1]) };
}

// ---------------------------------------------------------------- the list

/** The surface every estimator shares. */
interface Model {
  fit(X: unknown, y: unknown): this;
  predict(X: unknown): Float64Array | Label[];
  score(X: unknown, y: unknown): number;
  toJSON(): ModelJSON;
  readonly params: Readonly<Record<string, unknown>>;
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly nFeatures: number;
  readonly nIter: number;
  readonly converged: boolean;
  readonly isFitted: boolean;
  readonly estimatorName: string;
}

interface Case {
  name: string;
  kind: 'regressor' | 'classifier';
  /** The estimator with the options the case is tested with. */
  make: () => Model;
  /** The estimator with no options. */
  makeDefault: () => Model;
  /** With arbitrary options (used for warmStart and the non-convergence check). */
  makeWith: (options: Record<string, unknown>) => Model;
  fromJSON: (json: unknown) => Model;
  /** The continuous output behind predict (predict itself for regressors). */
  raw: (model: Model, X: unknown) => Float64Array;
  data: Data;
  other: { X: number[][]; y: (number | string)[] };
  defaults: Record<string, unknown>;
  /** Options under which the solver cannot converge (iterative solvers only). */
  nonConverging?: Record<string, unknown>;
}

const regressorRaw = (model: Model, X: unknown) => model.predict(X) as Float64Array;

const cases: Case[] = [
  {
    name: 'Linear',
    kind: 'regressor',
    make: () => new Linear() as Model,
    makeDefault: () => new Linear() as Model,
    makeWith: (o) => new Linear(o) as Model,
    fromJSON: (json) => Linear.fromJSON(json) as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: { fitIntercept: true, positive: false },
  },
  {
    name: 'Lasso',
    kind: 'regressor',
    make: () => new Lasso({ alpha: 0.1 }) as Model,
    makeDefault: () => new Lasso() as Model,
    makeWith: (o) => new Lasso(o) as Model,
    fromJSON: (json) => Lasso.fromJSON(json) as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: { alpha: 1, fitIntercept: true, maxIter: 1000, tol: 1e-4, warmStart: false, solver: 'auto', positive: false, penaltyFactor: null, standardize: false },
    nonConverging: { alpha: 0.1, maxIter: 1, tol: 1e-12 },
  },
  {
    name: 'Ridge',
    kind: 'regressor',
    make: () => new Ridge({ alpha: 0.5 }) as Model,
    makeDefault: () => new Ridge() as Model,
    makeWith: (o) => new Ridge(o) as Model,
    fromJSON: (json) => Ridge.fromJSON(json) as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: { alpha: 1, fitIntercept: true, solver: 'auto', maxIter: 1000, tol: 1e-4, penaltyFactor: null, standardize: false },
    // the default solve is exact; the iterative ones can stop early
    nonConverging: { alpha: 0.5, solver: 'cd', maxIter: 1, tol: 1e-12 },
  },
  {
    name: 'ElasticNet',
    kind: 'regressor',
    make: () => new ElasticNet({ alpha: 0.01, l1Ratio: 0.5 }) as Model,
    makeDefault: () => new ElasticNet() as Model,
    makeWith: (o) => new ElasticNet(o) as Model,
    fromJSON: (json) => ElasticNet.fromJSON(json) as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: { alpha: 1, l1Ratio: 0.5, fitIntercept: true, maxIter: 1000, tol: 1e-4, warmStart: false, solver: 'auto', positive: false, penaltyFactor: null, standardize: false },
    nonConverging: { alpha: 0.01, maxIter: 1, tol: 1e-12 },
  },
  {
    name: 'LogisticL2',
    kind: 'classifier',
    make: () => new LogisticL2({ C: 1 }) as Model,
    makeDefault: () => new LogisticL2() as Model,
    makeWith: (o) => new LogisticL2(o) as Model,
    fromJSON: (json) => LogisticL2.fromJSON(json) as Model,
    raw: (model, X) => (model as unknown as LogisticL2).decisionFunction(X),
    data: cancer,
    other: otherData(cancerFull, [150, 300], 8),
    defaults: { C: 1, fitIntercept: true, maxIter: 1000, tol: 1e-4, solver: 'auto', penaltyFactor: null, standardize: false },
    nonConverging: { maxIter: 1, tol: 1e-12 },
  },
  // the cross-validated estimators are models too: the same contract, small grids so it stays fast
  {
    name: 'LassoCV',
    kind: 'regressor',
    make: () => new LassoCV({ nAlphas: 8, cv: 3 }) as unknown as Model,
    makeDefault: () => new LassoCV() as unknown as Model,
    makeWith: (o) => new LassoCV(o) as unknown as Model,
    fromJSON: (json) => LassoCV.fromJSON(json) as unknown as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: tableDefaults(LassoCV.parameters),
  },
  {
    name: 'ElasticNetCV',
    kind: 'regressor',
    make: () => new ElasticNetCV({ nAlphas: 6, cv: 3, l1Ratio: [0.5, 0.9] }) as unknown as Model,
    makeDefault: () => new ElasticNetCV() as unknown as Model,
    makeWith: (o) => new ElasticNetCV(o) as unknown as Model,
    fromJSON: (json) => ElasticNetCV.fromJSON(json) as unknown as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: tableDefaults(ElasticNetCV.parameters),
  },
  {
    name: 'RidgeCV',
    kind: 'regressor',
    make: () => new RidgeCV() as unknown as Model,
    makeDefault: () => new RidgeCV() as unknown as Model,
    makeWith: (o) => new RidgeCV(o) as unknown as Model,
    fromJSON: (json) => RidgeCV.fromJSON(json) as unknown as Model,
    raw: regressorRaw,
    data: diabetes,
    other: otherData(diabetes, [0, 200], 6),
    defaults: tableDefaults(RidgeCV.parameters),
  },
  {
    name: 'LogisticL2CV',
    kind: 'classifier',
    make: () => new LogisticL2CV({ Cs: 4, cv: 3 }) as unknown as Model,
    makeDefault: () => new LogisticL2CV() as unknown as Model,
    makeWith: (o) => new LogisticL2CV(o) as unknown as Model,
    fromJSON: (json) => LogisticL2CV.fromJSON(json) as unknown as Model,
    raw: (model, X) => (model as unknown as LogisticL2CV).decisionFunction(X),
    data: cancer,
    other: otherData(cancerFull, [150, 300], 8),
    defaults: tableDefaults(LogisticL2CV.parameters),
  },
];

/** The defaults a parameter table declares (for the CV classes, whose tables are long). */
function tableDefaults(table: Record<string, { default: unknown }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([k, spec]) => [k, spec.default]));
}

// ---------------------------------------------------------------- helpers

/** Elementwise Object.is: bit-identical, including NaN and the sign of zero. */
function expectBitIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      throw new Error(`${what}[${i}]: ${actual[i]} is not bit-identical to ${expected[i]}`);
    }
  }
}

function expectNotFitted(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(NotFittedError);
  expect((thrown as NotFittedError).code).toBe('NOT_FITTED');
}

/** Captures warnings for the duration of a test; restores the previous handler after. */
let restoreHandler: (() => void) | undefined;
function captureWarnings(): PenalizedWarning[] {
  const warnings: PenalizedWarning[] = [];
  const previous = setWarningHandler((w) => warnings.push(w));
  restoreHandler = () => setWarningHandler(previous);
  return warnings;
}
afterEach(() => {
  restoreHandler?.();
  restoreHandler = undefined;
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------- the contract

describe.each(cases.map((c) => [c.name, c] as const))('contract: %s', (name, c) => {
  const { X, y, Xtest, ytest } = c.data;
  const n = X.length;
  const p = X[0].length;

  it('fit returns this', () => {
    const model = c.make();
    expect(model.fit(X, y)).toBe(model);
    expect(model.isFitted).toBe(true);
    expect(model.estimatorName).toBe(name);
  });

  it('throws NotFittedError before fit', () => {
    const model = c.make();
    expect(model.isFitted).toBe(false);
    expectNotFitted(() => model.predict(X));
    expectNotFitted(() => model.score(X, y));
    expectNotFitted(() => model.coef);
    expectNotFitted(() => model.intercept);
    expectNotFitted(() => model.nFeatures);
    expectNotFitted(() => model.nIter);
    expectNotFitted(() => model.converged);
  });

  it('the fit converges on the fixture and is not trivial', () => {
    const model = c.make().fit(X, y);
    expect(model.converged).toBe(true);
    expect(model.nIter).toBeGreaterThanOrEqual(1);
    expect(Array.from(model.coef).filter((v) => v !== 0).length).toBeGreaterThan(1);
  });

  it('refit on other data resets the result', () => {
    const model = c.make().fit(X, y);
    const first = model.coef;
    expect(model.nFeatures).toBe(p);
    const po = c.other.X[0].length;
    expect(po).not.toBe(p);
    model.fit(c.other.X, c.other.y);
    expect(model.nFeatures).toBe(po);
    expect(model.coef).toHaveLength(po);
    // the new coef is the fresh model's on the other data, not a leftover of the first fit
    const fresh = c.make().fit(c.other.X, c.other.y);
    expectBitIdentical(model.coef, fresh.coef, 'refit coef');
    expect(model.intercept).toBe(fresh.intercept);
    expect(Array.from(model.coef)).not.toEqual(Array.from(first.subarray(0, po)));
    // predict follows the new feature count
    expect(model.predict(c.other.X)).toHaveLength(c.other.X.length);
    expect(() => model.predict(X)).toThrow(/features/);
  });

  it('shapes: coef has p entries, predict has n; types by kind', () => {
    const model = c.make().fit(X, y);
    expect(model.coef).toBeInstanceOf(Float64Array);
    expect(model.coef).toHaveLength(p);
    expect(typeof model.intercept).toBe('number');
    const onTrain = model.predict(X);
    const onTest = model.predict(Xtest);
    expect(onTrain).toHaveLength(n);
    expect(onTest).toHaveLength(Xtest.length);
    if (c.kind === 'regressor') {
      expect(onTest).toBeInstanceOf(Float64Array);
    } else {
      expect(Array.isArray(onTest)).toBe(true);
      const classes = new Set(y);
      for (const label of onTest as Label[]) expect(classes.has(label)).toBe(true);
      // both classes are predicted on the test set (the model is not constant)
      expect(new Set(onTest as Label[]).size).toBe(2);
    }
    // coef is a copy: writing to it does not change the model
    const coef = model.coef;
    coef[0] += 1000;
    expect(model.coef[0]).not.toBe(coef[0]);
  });

  it('toJSON → stringify → parse → fromJSON predicts bit-identically', () => {
    const model = c.make().fit(X, y);
    const json = JSON.parse(JSON.stringify(model.toJSON())) as ModelJSON;
    const restored = c.fromJSON(json);
    expect(restored.isFitted).toBe(true);
    expect(restored.estimatorName).toBe(name);
    expect(restored.params).toStrictEqual(model.params);
    expect(Object.isFrozen(restored.params)).toBe(true);
    expectBitIdentical(restored.coef, model.coef, 'coef');
    expect(Object.is(restored.intercept, model.intercept)).toBe(true);
    expect(restored.nIter).toBe(model.nIter);
    expect(restored.converged).toBe(model.converged);
    expectBitIdentical(c.raw(restored, Xtest), c.raw(model, Xtest), 'raw prediction');
    if (c.kind === 'regressor') {
      expectBitIdentical(restored.predict(Xtest) as Float64Array, model.predict(Xtest) as Float64Array, 'predict');
    } else {
      expect(restored.predict(Xtest)).toStrictEqual(model.predict(Xtest));
    }
    expect(Object.is(restored.score(Xtest, ytest), model.score(Xtest, ytest))).toBe(true);
    // and the serialization is a fixed point
    expect(JSON.parse(JSON.stringify(restored.toJSON()))).toStrictEqual(json);
  });

  it('toJSON of an unfitted model round-trips to an unfitted model', () => {
    const model = c.make();
    const json = JSON.parse(JSON.stringify(model.toJSON())) as ModelJSON;
    expect(json).not.toHaveProperty('fitted');
    expect(json.estimator).toBe(name);
    const restored = c.fromJSON(json);
    expect(restored.isFitted).toBe(false);
    expect(restored.params).toStrictEqual(model.params);
    expectNotFitted(() => restored.predict(X));
    // and it can be fitted afterwards, to the same model
    expectBitIdentical(restored.fit(X, y).coef, c.make().fit(X, y).coef, 'coef after fit');
  });

  it('inputs are never mutated (number[][] rows)', () => {
    const Xc = structuredClone(X);
    const yc = structuredClone(y);
    const Xt = structuredClone(Xtest);
    const yt = structuredClone(ytest);
    const model = c.make().fit(Xc, yc);
    model.predict(Xt);
    model.score(Xt, yt);
    model.score(Xc, yc);
    expect(Xc).toStrictEqual(X);
    expect(yc).toStrictEqual(y);
    expect(Xt).toStrictEqual(Xtest);
    expect(yt).toStrictEqual(ytest);
  });

  it('inputs are never mutated (Float64Array rows and Float64Array y)', () => {
    const Xf = X.map((r) => Float64Array.from(r));
    const Xs = structuredClone(Xf);
    const model = c.make();
    if (c.kind === 'regressor') {
      const yf = Float64Array.from(y as number[]);
      const ys = structuredClone(yf);
      model.fit(Xf, yf);
      model.score(Xf, yf);
      expect(yf).toStrictEqual(ys);
    } else {
      model.fit(Xf, y);
    }
    model.predict(Xf);
    expect(Xf).toStrictEqual(Xs);
    expect(Xs[0]).toBeInstanceOf(Float64Array);
    // and the typed rows give the same model as the plain rows
    expectBitIdentical(model.coef, c.make().fit(X, y).coef, 'coef from Float64Array rows');
  });

  it('fitting twice on the same data gives bit-identical results', () => {
    const a = c.make().fit(X, y);
    const b = c.make().fit(X, y);
    expectBitIdentical(b.coef, a.coef, 'coef (fresh model)');
    expect(Object.is(b.intercept, a.intercept)).toBe(true);
    const coef1 = a.coef;
    a.fit(X, y); // same model, second fit
    expectBitIdentical(a.coef, coef1, 'coef (same model refitted)');
    expect(a.nIter).toBe(b.nIter);
  });

  if (c.kind === 'regressor') {
    it('score is R² = 1 − SS_res / SS_tot', () => {
      const model = c.make().fit(X, y);
      const yt = ytest as number[];
      const pred = model.predict(Xtest) as Float64Array;
      const mean = yt.reduce((s, v) => s + v, 0) / yt.length;
      let ssRes = 0;
      let ssTot = 0;
      for (let i = 0; i < yt.length; i++) {
        ssRes += (yt[i] - pred[i]) ** 2;
        ssTot += (yt[i] - mean) ** 2;
      }
      const expected = 1 - ssRes / ssTot;
      // same sums, possibly in another order: agreement to ~1e-14 relative on SS ~1e5;
      // 1e-12 absolute is far below any real error (a wrong formula is off by > 1e-3)
      expect(Math.abs(model.score(Xtest, ytest) - expected)).toBeLessThan(1e-12);
      // not a degenerate case: a useful but imperfect model on held-out data
      expect(expected).toBeGreaterThan(0.2);
      expect(expected).toBeLessThan(1);
      // predicting the target exactly scores 1; a shifted target scores lower
      const exact = Array.from(model.predict(X) as Float64Array);
      expect(model.score(X, exact)).toBe(1);
      expect(model.score(X, exact.map((v) => v + 10))).toBeLessThan(1);
    });
  } else {
    it('score is accuracy (fraction of labels predicted exactly)', () => {
      const model = c.make().fit(X, y);
      const pred = model.predict(Xtest) as Label[];
      const correct = pred.filter((label, i) => label === ytest[i]).length;
      // both sides are the same integer ratio: exact
      expect(model.score(Xtest, ytest)).toBe(correct / ytest.length);
      expect(correct).toBeLessThan(ytest.length + 1);
      expect(correct).toBeGreaterThan(ytest.length / 2);
      // the labels it predicts score 1; the swapped labels score 0
      expect(model.score(Xtest, pred)).toBe(1);
      const [neg, pos] = (model as unknown as LogisticL2).classes;
      expect(model.score(Xtest, pred.map((l) => (l === pos ? neg : pos)))).toBe(0);
    });
  }

  it('params is frozen and holds the defaults', () => {
    const model = c.makeDefault();
    expect(model.params).toStrictEqual(c.defaults);
    expect(Object.isFrozen(model.params)).toBe(true);
    const key = Object.keys(c.defaults)[0];
    // ES modules are strict: writing to a frozen object throws
    expect(() => {
      (model.params as Record<string, unknown>)[key] = 123;
    }).toThrow(TypeError);
    expect(model.params[key]).toBe(c.defaults[key]);
    // given options are kept, the rest defaulted
    const custom = c.makeWith({ fitIntercept: false });
    expect(custom.params).toStrictEqual({ ...c.defaults, fitIntercept: false });
  });

  if ('warmStart' in c.defaults) {
    it('warmStart: true makes the second fit on the same data take fewer iterations', () => {
      const warm = c.makeWith({ ...c.make().params, warmStart: true });
      const first = warm.fit(X, y).nIter;
      const firstCoef = warm.coef;
      const second = warm.fit(X, y).nIter;
      expect(first).toBeGreaterThan(1);
      expect(second).toBeLessThan(first);
      expect(warm.converged).toBe(true);
      // both fits stop within tol (duality gap ≤ 1e-4·‖y−ȳ‖²/n): coef agree to ~1e-3 relative
      const scale = Math.max(...Array.from(firstCoef, Math.abs));
      const coef = warm.coef;
      for (let j = 0; j < coef.length; j++) expect(Math.abs(coef[j] - firstCoef[j])).toBeLessThan(1e-2 * scale);
      // without warmStart the second fit starts from scratch: same count as the first
      const cold = c.make();
      const coldFirst = cold.fit(X, y).nIter;
      expect(cold.fit(X, y).nIter).toBe(coldFirst);
    });
  }

  if (c.nonConverging) {
    const options = c.nonConverging;
    it('non-convergence sets converged = false and calls the warning handler', () => {
      const warnings = captureWarnings();
      const model = c.makeWith(options).fit(X, y);
      expect(model.converged).toBe(false);
      expect(model.nIter).toBe(1);
      expect(model.isFitted).toBe(true); // usable despite the warning
      expect(warnings).toHaveLength(1);
      expect(warnings[0].code).toBe('CONVERGENCE');
      expect(warnings[0].message).toContain(`${name} did not converge in 1 iterations`);
      expect(warnings[0].message).toContain('maxIter');
      // a converging fit warns nothing
      c.make().fit(X, y);
      expect(warnings).toHaveLength(1);
    });

    it('setWarningHandler(null) silences the warning; the default handler uses process.emitWarning', () => {
      const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const collected: PenalizedWarning[] = [];
      const original = setWarningHandler((w) => collected.push(w));
      try {
        const replaced = setWarningHandler(null);
        expect(typeof replaced).toBe('function'); // the collector we set is returned
        const model = c.makeWith(options).fit(X, y);
        expect(model.converged).toBe(false);
        expect(collected).toHaveLength(0);
        expect(emit).not.toHaveBeenCalled();
        expect(consoleWarn).not.toHaveBeenCalled();
        // restore the original (default) handler: it reports through process.emitWarning
        setWarningHandler(original);
        c.makeWith(options).fit(X, y);
        expect(emit).toHaveBeenCalledTimes(1);
        expect(emit.mock.calls[0][0]).toContain(`${name} did not converge`);
        expect(emit.mock.calls[0][1]).toMatchObject({ type: 'PenalizedWarning', code: 'CONVERGENCE' });
      } finally {
        setWarningHandler(original);
      }
    });
  }
});
