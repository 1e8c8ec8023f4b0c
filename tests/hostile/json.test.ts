/**
 * fromJSON on hostile payloads: every field of the wrong type, __proto__ / constructor /
 * prototype keys at every level, and the guarantee that a rejected payload yields no
 * model at all (no partial model) and pollutes no prototype. Extends tests/errors.test.ts
 * (which covers null, strings, another class, format/version, a few coef/intercept/nIter/
 * criterion cases, invalid params, __proto__ at three levels and constructor in params).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, Linear, LogisticL2, ModelJSONError, Ridge, setWarningHandler } from '../../src/index.js';
import { expectError } from './expect-error.js';

const X = [
  [1, 2],
  [2, 1],
  [3, 4],
  [4, 3],
  [5, 6],
  [6, 5],
];
const y = [1, 2, 3, 4, 5, 7];
const labels = [0, 1, 0, 1, 1, 0];

type Restorer = (json: unknown) => { predict(X: unknown): unknown; coef: Float64Array; isFitted: boolean };
const classes: [string, Restorer, () => { toJSON(): unknown }][] = [
  ['Linear', (j) => Linear.fromJSON(j), () => new Linear().fit(X, y)],
  ['Ridge', (j) => Ridge.fromJSON(j), () => new Ridge({ alpha: 0.5 }).fit(X, y)],
  ['Lasso', (j) => Lasso.fromJSON(j), () => new Lasso({ alpha: 0.1 }).fit(X, y)],
  ['ElasticNet', (j) => ElasticNet.fromJSON(j), () => new ElasticNet({ alpha: 0.1 }).fit(X, y)],
  ['LogisticL2', (j) => LogisticL2.fromJSON(j), () => new LogisticL2().fit(X, labels)],
];

afterEach(() => {
  // nothing may have been written to the shared prototypes
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    expect(Object.prototype.hasOwnProperty.call(proto, 'polluted')).toBe(false);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Runs fromJSON expecting a ModelJSONError; proves no model escaped. */
function rejects(restore: Restorer, payload: unknown, ...parts: (string | RegExp)[]): void {
  let result: unknown = 'nothing returned';
  expectError(
    () => {
      result = restore(payload);
    },
    ModelJSONError,
    'INVALID_MODEL_JSON',
    ...parts,
  );
  expect(result).toBe('nothing returned');
}

describe.each(classes)('%s.fromJSON: every field of the wrong type', (name, restore, fitted) => {
  const good = () => JSON.parse(JSON.stringify(fitted().toJSON())) as Record<string, any>;

  it('the untouched payload is accepted (so each rejection below is due to its edit)', () => {
    expect(restore(good()).isFitted).toBe(true);
  });

  it.each([
    ['format', 1],
    ['format', null],
    ['version', '1'],
    ['version', true],
    ['version', 1.5],
    ['estimator', null],
    ['estimator', 42],
    ['estimator', name.toLowerCase()],
  ])('top-level %s = %j', (field, value) => {
    rejects(restore, { ...good(), [field]: value }, `${name}.fromJSON`);
  });

  it.each([['an array', []], ['a string', 'alpha=1'], ['null', null], ['a number', 3]])('params as %s', (_what, value) => {
    rejects(restore, { ...good(), params: value }, 'params must be an object');
  });

  it.each([['an array', [1]], ['a number', 1], ['null', null], ['true', true]])('fitted as %s', (_what, value) => {
    rejects(restore, { ...good(), fitted: value }, 'fitted must be an object');
  });

  it.each([
    ['coef', [Infinity], 'fitted.coef'],
    ['coef', [NaN, 1], 'fitted.coef'],
    ['coef', [1n, 2n], 'fitted.coef'],
    ['coef', new Float64Array([1, 2]), 'fitted.coef'],
    ['coef', [[1], [2]], 'fitted.coef'],
    ['intercept', Infinity, 'fitted.intercept'],
    ['intercept', null, 'fitted.intercept'],
    ['intercept', [0], 'fitted.intercept'],
    ['nIter', 1.5, 'fitted.nIter'],
    ['nIter', '3', 'fitted.nIter'],
    ['nIter', NaN, 'fitted.nIter'],
    ['converged', 'true', 'fitted.converged'],
    ['converged', 1, 'fitted.converged'],
    ['optimality', '0', 'fitted.optimality'],
    ['optimality', {}, 'fitted.optimality'],
    ['criterion', null, 'fitted.criterion'],
    ['criterion', 'Exact', 'fitted.criterion'],
  ])('fitted.%s = %s', (field, value, part) => {
    const json = good();
    json.fitted[field] = value;
    rejects(restore, json, part);
  });

  it('every parameter of the wrong type is reported with the inner reason, naming the option', () => {
    const params = Object.keys(good().params);
    const wrong: Record<string, unknown> = { alpha: '1', C: 0, l1Ratio: 2, fitIntercept: 'true', maxIter: 1.5, tol: null, warmStart: 1, solver: 'newton', positive: 'yes', penaltyFactor: [1, 'a'], standardize: 0 };
    for (const key of params) {
      const json = good();
      json.params[key] = wrong[key];
      rejects(restore, json, 'params are invalid', `option '${key}'`);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused at every level, nothing polluted', (key) => {
    const text = JSON.stringify(good());
    const inject = `"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}},`;
    const payloads = [text.replace('{', `{${inject}`), text.replace('"params":{', `"params":{${inject}`), text.replace('"fitted":{', `"fitted":{${inject}`)];
    for (const payload of payloads) rejects(restore, JSON.parse(payload), `forbidden key '${key}'`);
  });

  it('__proto__ nested inside a field value is refused by the field’s type check', () => {
    const json = good();
    json.fitted.coef = JSON.parse('{"__proto__": {"polluted": "yes"}, "0": 1, "length": 1}');
    rejects(restore, json, 'fitted.coef');
    const json2 = good();
    json2.params.fitIntercept = JSON.parse('{"__proto__": {"polluted": "yes"}}');
    rejects(restore, json2, 'params are invalid', "option 'fitIntercept'");
  });

  it('a null-prototype payload (e.g. from a safe JSON parser) is accepted', () => {
    const deepNull = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(deepNull);
      if (value && typeof value === 'object') return Object.assign(Object.create(null), Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepNull(v)])));
      return value;
    };
    expect(restore(deepNull(good())).isFitted).toBe(true);
  });

  it('a frozen payload is accepted and left frozen', () => {
    const json = good();
    const frozen = Object.freeze({ ...json, params: Object.freeze({ ...json.params }), fitted: Object.freeze({ ...json.fitted, coef: Object.freeze([...json.fitted.coef]) }) });
    expect(restore(frozen).isFitted).toBe(true);
    expect(Object.isFrozen(frozen.fitted)).toBe(true);
  });
});

describe('no partial model', () => {
  it('a rejected payload leaves an existing model untouched and creates no other', () => {
    const model = new Lasso({ alpha: 0.1 }).fit(X, y);
    const before = JSON.stringify(model);
    const json = JSON.parse(before);
    json.fitted.criterion = 'magic';
    rejects((j) => Lasso.fromJSON(j), json, 'fitted.criterion');
    expect(JSON.stringify(model)).toBe(before);
  });

  it('LogisticL2 with valid coef but invalid classes yields nothing (its labels are read last)', () => {
    const json = JSON.parse(JSON.stringify(new LogisticL2().fit(X, labels)));
    json.fitted.classes = [{ polluted: 'yes' }, 1];
    rejects((j) => LogisticL2.fromJSON(j), json, 'fitted.classes');
  });

  it('a fit that stopped with an unrepresentable measure (NaN/Infinity → null in JSON) still round-trips', () => {
    // JSON.stringify writes NaN and ±Infinity as null; fromJSON reads null back as NaN
    const json = JSON.parse(JSON.stringify(new Lasso({ alpha: 0.1 }).fit(X, y)));
    json.fitted.optimality = null;
    json.fitted.converged = false;
    const restored = Lasso.fromJSON(json);
    expect(Number.isNaN(restored.dualGap)).toBe(true);
    expect(restored.converged).toBe(false);
    expect(JSON.parse(JSON.stringify(restored))).toStrictEqual(json);
  });

  it('a genuinely non-converged model with a NaN duality gap round-trips (y ~ 1e155: the gap overflows)', () => {
    const previous = setWarningHandler(null);
    try {
      const model = new Lasso({ alpha: 1e154, maxIter: 5 }).fit(X, y.map((v) => v * 1e155));
      const restored = Lasso.fromJSON(JSON.parse(JSON.stringify(model)));
      expect(Array.from(restored.predict(X))).toStrictEqual(Array.from(model.predict(X)));
      expect(restored.converged).toBe(model.converged);
    } finally {
      setWarningHandler(previous);
    }
  });
});
