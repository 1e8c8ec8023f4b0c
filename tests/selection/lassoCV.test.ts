/**
 * LassoCV and ElasticNetCV against scikit-learn's LassoCV / ElasticNetCV with the same
 * folds (frozen in tests/fixtures/path/cv-diabetes.json, see its README), and against
 * the plain estimators they refit.
 */
import { describe, expect, test } from 'vitest';
import { Lasso } from '../../src/estimators/lasso.js';
import { ElasticNetCV, LassoCV } from '../../src/selection/pathCV.js';
import { expectClose, loadCsv, maxAbs, pathFixture } from '../path/helpers.js';

const diabetes = loadCsv('diabetes');
const { X, y } = diabetes;
const fixture = pathFixture('cv-diabetes');
// scikit-learn ran at tol 1e-10; so do we
const strict = { tol: 1e-10, maxIter: 1000000 };

/**
 * Held-out errors within rtol 1e-7 of scikit-learn's: both solve every fold's path to a
 * duality gap ≤ 1e-10·‖y − ȳ‖²/n; measured, the errors agree to ~2e-10 relative. (The
 * issue asks for 1e-4; 1e-7 still leaves a factor of 500 for rounding.)
 */
const MSE = { rtol: 1e-7, atol: 0 };

function expectMsePath(ours: Float64Array[], theirs: number[][], what: string): void {
  expect(ours.length).toBe(theirs.length);
  ours.forEach((row, i) => expectClose(row, theirs[i], MSE, `${what}[${i}]`));
}

describe('LassoCV picks scikit-learn\'s alpha with the same folds', () => {
  const model = new LassoCV({ ...strict, cv: fixture.foldIds, eps: 1e-4 }).fit(X, y);
  const ref = fixture.lassoFixedFolds;

  test('explicit fold ids (scikit-learn: cv=PredefinedSplit(fold_ids)): grid, mse path, alpha', () => {
    // the grids agree to a few ulps (numpy's logspace vs Math.pow): rtol 1e-13
    expectClose(model.alphas, ref.alphas, { rtol: 1e-13, atol: 0 }, 'alphas');
    expectMsePath(model.msePath, ref.msePath, 'msePath');
    expectClose([model.alpha], [ref.alpha], { rtol: 1e-13, atol: 0 }, 'alpha');
    // guard: the choice is interior, not an end of the grid
    const index = Array.from(model.alphas).indexOf(model.alpha);
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(model.alphas.length - 1);
  });

  test('the refit model is scikit-learn\'s (coef, intercept)', () => {
    // sklearn's refit stops at gap ≤ 1e-10·‖y−ȳ‖²/n too; measured agreement 2e-8 relative
    expectClose(model.coef, ref.coef, { rtol: 0, atol: 1e-6 * maxAbs(ref.coef) }, 'coef');
    expectClose([model.intercept], [ref.intercept], { rtol: 1e-8, atol: 0 }, 'intercept');
  });

  test('default cv: 5 is scikit-learn\'s KFold(5) (contiguous, unshuffled)', () => {
    const kfold = new LassoCV({ ...strict, nAlphas: 40 }).fit(X, y);
    const ref5 = fixture.lassoKFold5;
    expectMsePath(kfold.msePath, ref5.msePath, 'msePath');
    expectClose([kfold.alpha], [ref5.alpha], { rtol: 1e-13, atol: 0 }, 'alpha');
    expect(kfold.msePath[0]).toHaveLength(5);
  });

  test('the refit equals new Lasso({ alpha }) fitted on all the data', () => {
    const plain = new Lasso({ alpha: model.alpha, ...strict }).fit(X, y);
    // the same problem, the same solver, the same start: equal to the last few bits
    expectClose(model.coef, plain.coef, { rtol: 0, atol: 1e-12 * maxAbs(plain.coef) }, 'coef');
    expectClose([model.intercept], [plain.intercept], { rtol: 1e-13, atol: 0 }, 'intercept');
    expectClose(model.predict(X.slice(0, 5)), plain.predict(X.slice(0, 5)), { rtol: 1e-12, atol: 0 }, 'predict');
    expect(model.score(X, y)).toBeCloseTo(plain.score(X, y), 12);
    expect(model.converged).toBe(true);
    expect(model.nIter).toBeGreaterThan(0);
    expect(model.dualGap).toBeGreaterThanOrEqual(0);
  });

  test('alpha1se: the largest alpha within one standard error of the best mean error (glmnet\'s lambda.1se)', () => {
    const mse = model.msePath;
    const k = mse[0].length;
    const means = mse.map((row) => row.reduce((a, b) => a + b, 0) / k);
    const best = means.indexOf(Math.min(...means));
    const sd = Math.sqrt(mse[best].reduce((s, v) => s + (v - means[best]) ** 2, 0) / (k - 1));
    const threshold = means[best] + sd / Math.sqrt(k);
    const expected = model.alphas[means.findIndex((m) => m <= threshold)];
    expect(model.alpha1se).toBe(expected);
    expect(model.alpha1se).toBeGreaterThanOrEqual(model.alpha);
    // guard: here the rule really moves (a sparser model)
    expect(model.alpha1se).toBeGreaterThan(10 * model.alpha);
    expectClose(model.mseMean, means, { rtol: 1e-15, atol: 0 }, 'mseMean');
  });
});

describe('a fitted cross-validated model behaves like an estimator', () => {
  test('toJSON / fromJSON round trip (LassoCV with explicit alphas and folds, ElasticNetCV)', () => {
    const folds = y.map((_, i) => i % 3);
    const models = [
      new LassoCV({ cv: folds, alphas: [1, 0.1, 0.01], positive: true }).fit(X, y),
      new ElasticNetCV({ cv: 4, shuffle: true, seed: 9, l1Ratio: [0.3, 0.9], nAlphas: 8 }).fit(X, y),
    ];
    for (const model of models) {
      const json = JSON.parse(JSON.stringify(model));
      const back = model instanceof LassoCV ? LassoCV.fromJSON(json) : ElasticNetCV.fromJSON(json);
      expect(Array.from(back.predict(X.slice(0, 7)))).toEqual(Array.from(model.predict(X.slice(0, 7))));
      expect(back.alpha).toBe(model.alpha);
      expect(back.alpha1se).toBe(model.alpha1se);
      expect(JSON.stringify(back.msePath)).toBe(JSON.stringify(model.msePath));
      expect(JSON.stringify(back.alphas)).toBe(JSON.stringify(model.alphas));
      expect(back.settings.cv).toEqual(model.settings.cv);
      expect(back.params).toEqual(model.params);
      expect(JSON.stringify(back)).toBe(JSON.stringify(model));
    }
    const unfitted = LassoCV.fromJSON(JSON.parse(JSON.stringify(new LassoCV({ nAlphas: 7 }))));
    expect(unfitted.isFitted).toBe(false);
    expect(unfitted.params.nAlphas).toBe(7);
  });

  test('fromJSON rejects a fitted model without valid cross-validation results', () => {
    const json = JSON.parse(JSON.stringify(new LassoCV({ cv: 3, nAlphas: 5 }).fit(X, y)));
    expect(() => LassoCV.fromJSON({ ...json, selection: undefined })).toThrow(/INVALID_MODEL_JSON|selection/);
    expect(() => LassoCV.fromJSON({ ...json, selection: { ...json.selection, msePath: [[[1, 2]]] } })).toThrow(/msePath/);
    expect(() => LassoCV.fromJSON({ ...json, estimator: 'Lasso' })).toThrow(/not LassoCV/);
  });

  test('before fit: a NotFittedError names what was asked', () => {
    const model = new LassoCV();
    expect(() => model.alpha).toThrow(/LassoCV: cannot use alpha before the model is fitted/);
    expect(() => model.predict(X)).toThrow(/NOT_FITTED|cannot use predict/);
    expect(() => new ElasticNetCV().l1Ratio).toThrow(/cannot use l1Ratio/);
  });

  test('fit returns this, leaves the inputs untouched, and a second fit replaces the first', () => {
    const Xc = X.map((r) => r.slice());
    const yc = y.slice();
    const model = new LassoCV({ cv: 3, nAlphas: 10 });
    expect(model.fit(Xc, yc)).toBe(model);
    expect(Xc).toEqual(X);
    expect(yc).toEqual(y);
    const first = model.alpha;
    model.fit(X.slice(0, 200), y.slice(0, 200));
    expect(model.alpha).not.toBe(first);
    expect(model.msePath[0]).toHaveLength(3);
  });

  test('shuffle with a seed is deterministic, and a different seed gives different folds', () => {
    const fit = (seed: number) => new LassoCV({ cv: 5, shuffle: true, seed, nAlphas: 10 }).fit(X, y).msePath;
    expect(JSON.stringify(fit(3))).toBe(JSON.stringify(fit(3)));
    expect(JSON.stringify(fit(3))).not.toBe(JSON.stringify(fit(4)));
  });
});
