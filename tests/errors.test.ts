/**
 * Bad input gives a typed error: an instance of the exported class (all subclasses of
 * PenalizedError), with the stable `code`, and a message that names what was wrong.
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  DataError,
  ElasticNet,
  Lasso,
  Linear,
  LogisticL2,
  ModelJSONError,
  NotFittedError,
  ParameterError,
  PenalizedError,
  Ridge,
  type ErrorCode,
} from '../src/index.js';

type ErrorClass = abstract new (...args: never[]) => PenalizedError;

/**
 * Runs `fn`, requires it to throw an instance of `Cls` (and of PenalizedError) with
 * `code`, whose message contains every one of `parts`. Returns the error.
 */
function expectError(fn: () => unknown, Cls: ErrorClass, code: ErrorCode, ...parts: (string | RegExp)[]): PenalizedError {
  let thrown: unknown;
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected ${Cls.name} ${code}, but the call returned ${String(returned)}`);
  expect(thrown).toBeInstanceOf(Cls);
  expect(thrown).toBeInstanceOf(PenalizedError);
  expect(thrown).toBeInstanceOf(Error);
  const error = thrown as PenalizedError;
  expect(error.code).toBe(code);
  expect(error.name).toBe(Cls.name);
  for (const part of parts) {
    if (typeof part === 'string') expect(error.message).toContain(part);
    else expect(error.message).toMatch(part);
  }
  return error;
}

// Small, well-posed data: 6 rows × 2 features.
const X = [
  [1, 2],
  [2, 1],
  [3, 4],
  [4, 3],
  [5, 6],
  [6, 5],
];
const yReg = [1, 2, 3, 4, 5, 7];
const yCls = [0, 1, 0, 1, 1, 0];

/** X with one cell replaced (a fresh copy every time). */
function withCell(i: number, j: number, value: unknown): unknown[][] {
  const copy: unknown[][] = X.map((row) => row.slice());
  copy[i][j] = value;
  return copy;
}

/** y with one entry replaced. */
function withTarget(y: readonly unknown[], i: number, value: unknown): unknown[] {
  const copy = y.slice();
  copy[i] = value;
  return copy;
}

interface Fittable {
  fit(X: unknown, y: unknown): unknown;
  predict(X: unknown): unknown;
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly isFitted: boolean;
}

interface Case {
  name: string;
  make: (options?: unknown) => Fittable;
  y: readonly unknown[];
  /** Code for a non-finite / non-numeric target: regressors say INVALID_DATA, the classifier INVALID_LABELS. */
  badTargetCode: ErrorCode;
  hasAlpha: boolean;
}

const cases: Case[] = [
  { name: 'Linear', make: (o) => new Linear(o as never), y: yReg, badTargetCode: 'INVALID_DATA', hasAlpha: false },
  { name: 'Lasso', make: (o) => new Lasso(o as never), y: yReg, badTargetCode: 'INVALID_DATA', hasAlpha: true },
  { name: 'Ridge', make: (o) => new Ridge(o as never), y: yReg, badTargetCode: 'INVALID_DATA', hasAlpha: true },
  { name: 'ElasticNet', make: (o) => new ElasticNet(o as never), y: yReg, badTargetCode: 'INVALID_DATA', hasAlpha: true },
  { name: 'LogisticL2', make: (o) => new LogisticL2(o as never), y: yCls, badTargetCode: 'INVALID_LABELS', hasAlpha: false },
];

describe.each(cases.map((c) => [c.name, c] as const))('%s: invalid X and y', (name, c) => {
  it('NaN in X names the cell X[i][j]', () => {
    expectError(() => c.make().fit(withCell(2, 1, NaN), c.y), DataError, 'INVALID_DATA', 'X[2][1]', 'NaN', 'finite number');
  });

  it('±Infinity in X names the cell', () => {
    expectError(() => c.make().fit(withCell(1, 0, Infinity), c.y), DataError, 'INVALID_DATA', 'X[1][0] is Infinity');
    expectError(() => c.make().fit(withCell(5, 1, -Infinity), c.y), DataError, 'INVALID_DATA', 'X[5][1] is -Infinity');
  });

  it('NaN and Infinity in y name the entry', () => {
    expectError(() => c.make().fit(X, withTarget(c.y, 3, NaN)), DataError, c.badTargetCode, 'y[3] is NaN');
    expectError(() => c.make().fit(X, withTarget(c.y, 4, Infinity)), DataError, c.badTargetCode, 'y[4] is Infinity');
  });

  it('non-numeric entries of y are rejected, naming the entry', () => {
    expectError(() => c.make().fit(X, withTarget(c.y, 0, null)), DataError, c.badTargetCode, 'y[0] is null');
    expectError(() => c.make().fit(X, withTarget(c.y, 2, undefined)), DataError, c.badTargetCode, 'y[2] is undefined');
    expectError(() => c.make().fit(X, withTarget(c.y, 1, true)), DataError, c.badTargetCode, 'y[1] is the boolean true');
  });

  it('a hole in y is reported, not read as undefined silently', () => {
    const holey = c.y.slice();
    delete (holey as unknown[])[2];
    expectError(() => c.make().fit(X, holey), DataError, 'INVALID_DATA', 'y[2] is missing');
  });

  it('y that is not an array is rejected', () => {
    expectError(() => c.make().fit(X, 'abc'), DataError, 'INVALID_DATA', 'y must be a 1-D array', 'the string "abc"');
  });

  it('ragged rows name the row and both lengths', () => {
    const ragged = [[1, 2], [3, 4], [5, 6], [7, 8, 9], [1, 1], [2, 2]];
    expectError(() => c.make().fit(ragged, c.y), DataError, 'INVALID_DATA', 'ragged', 'row 0 has 2', 'row 3 has 3');
  });

  it('rows/labels count mismatch names both counts', () => {
    expectError(() => c.make().fit(X, c.y.slice(0, 5)), DataError, 'SHAPE_MISMATCH', 'X has 6 rows', 'has 5');
    expectError(() => c.make().fit(X.slice(0, 4), c.y), DataError, 'SHAPE_MISMATCH', 'X has 4 rows', 'has 6');
  });

  it('empty X', () => {
    expectError(() => c.make().fit([], []), DataError, 'INVALID_DATA', 'X has no rows');
  });

  it('rows with zero features', () => {
    expectError(() => c.make().fit([[], [], []], c.y.slice(0, 3)), DataError, 'INVALID_DATA', '0 features');
  });

  it('a string cell names the cell and suggests Number()', () => {
    expectError(() => c.make().fit(withCell(1, 1, '3'), c.y), DataError, 'INVALID_DATA', 'X[1][1]', 'the string "3"', 'Number()');
  });

  it('null and undefined cells name the cell', () => {
    expectError(() => c.make().fit(withCell(0, 1, null), c.y), DataError, 'INVALID_DATA', 'X[0][1] is null');
    expectError(() => c.make().fit(withCell(4, 0, undefined), c.y), DataError, 'INVALID_DATA', 'X[4][0] is undefined');
  });

  it('a holey row [1, , 3] names the missing cell', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [[1, 2, 3], [1, , 3], [2, 2, 2], [3, 1, 2], [4, 4, 1], [5, 0, 1]];
    expectError(() => c.make().fit(holey, c.y), DataError, 'INVALID_DATA', 'X[1][1]', 'missing');
  });

  it('a missing row (hole in X) is reported', () => {
    const holey: unknown[] = X.map((row) => row.slice());
    delete holey[3];
    expectError(() => c.make().fit(holey, c.y), DataError, 'INVALID_DATA', 'X[3] is missing');
  });

  it('a boolean cell names the cell', () => {
    expectError(() => c.make().fit(withCell(3, 0, true), c.y), DataError, 'INVALID_DATA', 'X[3][0] is the boolean true');
  });

  it('X that is not an array, or whose rows are not arrays', () => {
    expectError(() => c.make().fit('abc', c.y), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'the string "abc"');
    expectError(() => c.make().fit(null, c.y), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'null');
    expectError(() => c.make().fit(undefined, c.y), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'undefined');
    expectError(() => c.make().fit({ length: 6 }, c.y), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'an object');
    expectError(() => c.make().fit([1, 2, 3, 4, 5, 6], c.y), DataError, 'INVALID_DATA', 'X[0] is 1, not a row of numbers');
  });

  it('invalid X in an ml-matrix Matrix names the cell too', () => {
    const m = new Matrix(X);
    m.set(2, 0, NaN);
    expectError(() => c.make().fit(m, c.y), DataError, 'INVALID_DATA', 'X[2][0] is NaN');
    expectError(() => c.make().fit(new Matrix(0, 2), []), DataError, 'INVALID_DATA', 'X has no rows');
  });

  it('wrong feature count at predict names both counts', () => {
    const model = c.make();
    model.fit(X, c.y);
    expectError(() => model.predict([[1, 2, 3]]), DataError, 'SHAPE_MISMATCH', name, 'X has 3 features', 'fitted with 2');
    expectError(() => model.predict([[1]]), DataError, 'SHAPE_MISMATCH', 'X has 1 features', 'fitted with 2');
  });

  it('invalid cells at predict name the cell', () => {
    const model = c.make();
    model.fit(X, c.y);
    expectError(() => model.predict([[1, 2], [3, NaN]]), DataError, 'INVALID_DATA', 'X[1][1] is NaN');
    expectError(() => model.predict([[1, '2']]), DataError, 'INVALID_DATA', 'X[0][1] is the string "2"');
  });

  it('predict / coef / intercept before fit throw NotFittedError naming the estimator and the attribute', () => {
    const model = c.make();
    expect(model.isFitted).toBe(false);
    expectError(() => model.predict(X), NotFittedError, 'NOT_FITTED', name, 'predict', 'fit(X, y)');
    expectError(() => model.coef, NotFittedError, 'NOT_FITTED', name, 'coef');
    expectError(() => model.intercept, NotFittedError, 'NOT_FITTED', name, 'intercept');
  });

  it('a failed fit (bad y) after a successful fit leaves the model not fitted', () => {
    const model = c.make();
    model.fit(X, c.y);
    expect(model.isFitted).toBe(true);
    expectError(() => model.fit(X, withTarget(c.y, 1, NaN)), DataError, c.badTargetCode, 'y[1]');
    expect(model.isFitted).toBe(false);
    expectError(() => model.predict(X), NotFittedError, 'NOT_FITTED');
    expectError(() => model.coef, NotFittedError, 'NOT_FITTED');
  });

  it('a failed fit (bad X) after a successful fit leaves the model not fitted', () => {
    const model = c.make();
    model.fit(X, c.y);
    expectError(() => model.fit(withCell(0, 0, NaN), c.y), DataError, 'INVALID_DATA', 'X[0][0]');
    expect(model.isFitted).toBe(false);
    expectError(() => model.intercept, NotFittedError, 'NOT_FITTED');
  });

  it('accepts an ml-matrix Matrix and Float64Array rows, with bit-identical coef', () => {
    const reference = c.make();
    reference.fit(X, c.y);
    const fromMatrix = c.make();
    fromMatrix.fit(new Matrix(X), c.y);
    const fromTyped = c.make();
    fromTyped.fit(X.map((row) => Float64Array.from(row)), c.y);
    // the same numbers reach the solver in the same order: exact equality, no tolerance
    const ref = Array.from(reference.coef);
    expect(ref.some((v) => v !== 0)).toBe(true);
    expect(Array.from(fromMatrix.coef)).toStrictEqual(ref);
    expect(Array.from(fromTyped.coef)).toStrictEqual(ref);
    expect(fromMatrix.intercept).toBe(reference.intercept);
    expect(fromTyped.intercept).toBe(reference.intercept);
    // predict accepts the same forms
    expect(reference.predict(new Matrix(X))).toStrictEqual(reference.predict(X));
    expect(reference.predict(X.map((row) => Float64Array.from(row)))).toStrictEqual(reference.predict(X));
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('%s: invalid options', (name, c) => {
  it('an unknown option throws UNKNOWN_OPTION and suggests the close name', () => {
    expectError(() => c.make({ fit_intercept: false }), ParameterError, 'UNKNOWN_OPTION', name, "'fit_intercept'", "did you mean 'fitIntercept'");
  });

  it('a misspelt alpha suggests alpha (or lists the options when there is no alpha)', () => {
    if (c.hasAlpha) {
      expectError(() => c.make({ alhpa: 0.1 }), ParameterError, 'UNKNOWN_OPTION', "unknown option 'alhpa'", "did you mean 'alpha'");
    } else {
      const error = expectError(() => c.make({ alhpa: 0.1 }), ParameterError, 'UNKNOWN_OPTION', "unknown option 'alhpa'", 'fitIntercept');
      expect(error.message).not.toContain('did you mean');
    }
  });

  it('fitIntercept of the wrong type', () => {
    expectError(() => c.make({ fitIntercept: 1 }), ParameterError, 'INVALID_PARAMETER', name, "option 'fitIntercept'", 'true or false', 'received 1');
    expectError(() => c.make({ fitIntercept: 'false' }), ParameterError, 'INVALID_PARAMETER', "option 'fitIntercept'", 'the string "false"');
  });

  it('options that are not an object', () => {
    expectError(() => c.make(5), ParameterError, 'INVALID_PARAMETER', 'options must be an object', 'received 5');
    expectError(() => c.make(null), ParameterError, 'INVALID_PARAMETER', 'options must be an object', 'null');
    expectError(() => c.make([]), ParameterError, 'INVALID_PARAMETER', 'options must be an object');
  });
});

describe('hyperparameters out of range or of the wrong type', () => {
  const alphaEstimators = [
    ['Lasso', (o: object) => new Lasso(o as never)],
    ['Ridge', (o: object) => new Ridge(o as never)],
    ['ElasticNet', (o: object) => new ElasticNet(o as never)],
  ] as const;
  it.each(alphaEstimators)('%s alpha -1, NaN, Infinity and "1"', (name, make) => {
    expectError(() => make({ alpha: -1 }), ParameterError, 'INVALID_PARAMETER', `${name}: option 'alpha'`, '≥ 0', 'received -1');
    expectError(() => make({ alpha: NaN }), ParameterError, 'INVALID_PARAMETER', "option 'alpha'", 'received NaN');
    expectError(() => make({ alpha: Infinity }), ParameterError, 'INVALID_PARAMETER', "option 'alpha'", 'received Infinity');
    expectError(() => make({ alpha: '1' }), ParameterError, 'INVALID_PARAMETER', "option 'alpha'", 'received the string "1"');
    // the boundary itself is allowed
    expect(() => make({ alpha: 0 })).not.toThrow();
  });

  it('ElasticNet l1Ratio 2 and -0.1', () => {
    expectError(() => new ElasticNet({ l1Ratio: 2 }), ParameterError, 'INVALID_PARAMETER', "option 'l1Ratio'", '≤ 1', 'received 2');
    expectError(() => new ElasticNet({ l1Ratio: -0.1 }), ParameterError, 'INVALID_PARAMETER', "option 'l1Ratio'", '≥ 0');
    expect(new ElasticNet({ l1Ratio: 1 }).params.l1Ratio).toBe(1);
  });

  it('LogisticL2 C 0 and -1 (must be > 0)', () => {
    expectError(() => new LogisticL2({ C: 0 }), ParameterError, 'INVALID_PARAMETER', "LogisticL2: option 'C'", '> 0', 'received 0');
    expectError(() => new LogisticL2({ C: -1 }), ParameterError, 'INVALID_PARAMETER', "option 'C'", 'received -1');
  });

  it('LogisticL2 misspelt C suggests C', () => {
    expectError(() => new LogisticL2({ c: 1 } as never), ParameterError, 'UNKNOWN_OPTION', "unknown option 'c'", "did you mean 'C'");
  });

  const iterative = [
    ['Lasso', (o: object) => new Lasso(o as never)],
    ['Ridge', (o: object) => new Ridge(o as never)],
    ['ElasticNet', (o: object) => new ElasticNet(o as never)],
    ['LogisticL2', (o: object) => new LogisticL2(o as never)],
  ] as const;
  it.each(iterative)('%s maxIter 0 and 1.5, tol -1', (name, make) => {
    expectError(() => make({ maxIter: 0 }), ParameterError, 'INVALID_PARAMETER', `${name}: option 'maxIter'`, 'an integer', '≥ 1', 'received 0');
    expectError(() => make({ maxIter: 1.5 }), ParameterError, 'INVALID_PARAMETER', "option 'maxIter'", 'an integer', 'received 1.5');
    expectError(() => make({ tol: -1 }), ParameterError, 'INVALID_PARAMETER', "option 'tol'", '≥ 0', 'received -1');
    expectError(() => make({ solver: 'newton' }), ParameterError, 'INVALID_PARAMETER', "option 'solver'", "'auto'", 'the string "newton"');
  });
});

describe('LogisticL2 labels', () => {
  it('one class', () => {
    expectError(() => new LogisticL2().fit(X, [1, 1, 1, 1, 1, 1]), DataError, 'INVALID_LABELS', 'only one class', '(1)');
  });

  it('three classes', () => {
    expectError(() => new LogisticL2().fit(X, ['a', 'b', 'a', 'c', 'a', 'b']), DataError, 'INVALID_LABELS', 'more than two classes', '"a", "b", "c"', 'binary');
  });

  it('mixed number/string labels name the first offending entry', () => {
    expectError(() => new LogisticL2().fit(X, [0, 1, 0, '1', 0, 1]), DataError, 'INVALID_LABELS', 'mixes numbers and strings', 'y[3]', 'the string "1"');
  });

  it('score with the wrong number of labels', () => {
    const model = new LogisticL2().fit(X, yCls);
    expectError(() => model.score(X, yCls.slice(1)), DataError, 'SHAPE_MISMATCH', '6 rows', '5 labels');
    expectError(() => model.score(X, 'abc'), DataError, 'INVALID_LABELS', 'array of labels');
  });

  it('classes before fit throws NotFittedError', () => {
    expectError(() => new LogisticL2().classes, NotFittedError, 'NOT_FITTED', 'LogisticL2', 'classes');
  });
});

describe('regressor score validates y', () => {
  it('wrong length and NaN', () => {
    const model = new Lasso({ alpha: 0.1 }).fit(X, yReg);
    expectError(() => model.score(X, yReg.slice(2)), DataError, 'SHAPE_MISMATCH', 'X has 6 rows', '4 values');
    expectError(() => model.score(X, withTarget(yReg, 5, NaN)), DataError, 'INVALID_DATA', 'y[5] is NaN');
  });
});

describe('fromJSON rejects what is not a model of that class', () => {
  const lasso = new Lasso({ alpha: 0.1 }).fit(X, yReg);
  const good = () => JSON.parse(JSON.stringify(lasso.toJSON())) as Record<string, any>;

  it('the good JSON is accepted (so the failures below are due to the edits)', () => {
    const model = Lasso.fromJSON(good());
    expect(Array.from(model.coef)).toStrictEqual(Array.from(lasso.coef));
  });

  it('null and non-objects', () => {
    expectError(() => Lasso.fromJSON(null), ModelJSONError, 'INVALID_MODEL_JSON', 'Lasso.fromJSON', 'must be an object', 'null', 'toJSON()');
    expectError(() => Lasso.fromJSON(42), ModelJSONError, 'INVALID_MODEL_JSON', 'received 42');
    expectError(() => Lasso.fromJSON([]), ModelJSONError, 'INVALID_MODEL_JSON', 'an array');
  });

  it('a string (e.g. the JSON text, not parsed)', () => {
    expectError(() => Lasso.fromJSON(JSON.stringify(lasso)), ModelJSONError, 'INVALID_MODEL_JSON', 'must be an object', 'the string');
  });

  it('a model of another estimator class', () => {
    expectError(() => Ridge.fromJSON(good()), ModelJSONError, 'INVALID_MODEL_JSON', 'Ridge.fromJSON', '"Lasso"', 'not Ridge');
    expectError(() => LogisticL2.fromJSON(good()), ModelJSONError, 'INVALID_MODEL_JSON', 'not LogisticL2');
  });

  it('wrong format or version', () => {
    expectError(() => Lasso.fromJSON({ ...good(), format: 'sklearn' }), ModelJSONError, 'INVALID_MODEL_JSON', "format 'penalized-model' version 1", 'the string "sklearn"');
    expectError(() => Lasso.fromJSON({ ...good(), version: 2 }), ModelJSONError, 'INVALID_MODEL_JSON', 'version 2');
    const { version: _v, ...noVersion } = good();
    expectError(() => Lasso.fromJSON(noVersion), ModelJSONError, 'INVALID_MODEL_JSON', 'version undefined');
  });

  it('coef containing a string, or of the wrong type', () => {
    const withString = good();
    withString.fitted.coef[1] = '1.5';
    expectError(() => Lasso.fromJSON(withString), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.coef', 'finite numbers');
    for (const coef of ['1,2', { 0: 1, 1: 2 }, 7, null, [], [1, null]]) {
      const json = good();
      json.fitted.coef = coef;
      expectError(() => Lasso.fromJSON(json), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.coef');
    }
  });

  it('other malformed fitted fields', () => {
    const intercept = good();
    intercept.fitted.intercept = '152';
    expectError(() => Lasso.fromJSON(intercept), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.intercept');
    const criterion = good();
    criterion.fitted.criterion = 'magic';
    expectError(() => Lasso.fromJSON(criterion), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.criterion');
    const nIter = good();
    nIter.fitted.nIter = -1;
    expectError(() => Lasso.fromJSON(nIter), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.nIter');
    const fitted = good();
    fitted.fitted = 'yes';
    expectError(() => Lasso.fromJSON(fitted), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted must be an object');
  });

  it('invalid or unknown params are reported through ModelJSONError with the inner reason', () => {
    const bad = good();
    bad.params.alpha = -1;
    expectError(() => Lasso.fromJSON(bad), ModelJSONError, 'INVALID_MODEL_JSON', 'params are invalid', "option 'alpha'");
    const unknown = good();
    unknown.params.alhpa = 1;
    expectError(() => Lasso.fromJSON(unknown), ModelJSONError, 'INVALID_MODEL_JSON', 'params are invalid', "did you mean 'alpha'");
    const missing = good();
    delete missing.params;
    expectError(() => Lasso.fromJSON(missing), ModelJSONError, 'INVALID_MODEL_JSON', 'params must be an object');
  });

  it('LogisticL2 with malformed classes', () => {
    const model = new LogisticL2().fit(X, yCls);
    for (const classes of [[0], [0, 0], [0, '1'], 'ab', [0, NaN], undefined]) {
      const json = JSON.parse(JSON.stringify(model.toJSON()));
      json.fitted.classes = classes;
      expectError(() => LogisticL2.fromJSON(json), ModelJSONError, 'INVALID_MODEL_JSON', 'fitted.classes');
    }
  });

  describe('prototype pollution', () => {
    const text = JSON.stringify(lasso.toJSON());
    const payloads: [string, string][] = [
      ['top level', text.replace('{', '{"__proto__":{"polluted":"yes"},')],
      ['params', text.replace('"params":{', '"params":{"__proto__":{"polluted":"yes"},')],
      ['fitted', text.replace('"fitted":{', '"fitted":{"__proto__":{"polluted":"yes"},')],
    ];
    it.each(payloads)('a __proto__ key in %s is rejected and pollutes nothing', (_where, payload) => {
      const parsed = JSON.parse(payload);
      // JSON.parse makes __proto__ an own key (this is what an attacker sends)
      const owners = [parsed, parsed.params, parsed.fitted].filter((o) => Object.prototype.hasOwnProperty.call(o, '__proto__'));
      expect(owners).toHaveLength(1);
      let result: unknown = 'not assigned';
      expectError(
        () => {
          result = Lasso.fromJSON(parsed);
        },
        ModelJSONError,
        'INVALID_MODEL_JSON',
        "forbidden key '__proto__'",
      );
      expect(result).toBe('not assigned'); // no partial model escaped
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    });

    it('a constructor key is rejected too', () => {
      const parsed = JSON.parse(text.replace('"params":{', '"params":{"constructor":{"prototype":{"polluted":"yes"}},'));
      expectError(() => Lasso.fromJSON(parsed), ModelJSONError, 'INVALID_MODEL_JSON', "forbidden key 'constructor'");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
