/**
 * LogisticL2CV against scikit-learn's LogisticRegressionCV with the same folds (frozen in
 * tests/fixtures/path/logisticcv-breast-cancer.json, see its README).
 */
import { describe, expect, test } from 'vitest';
import { LogisticL2 } from '../../src/estimators/logisticL2.js';
import { LogisticL2CV } from '../../src/selection/logisticL2CV.js';
import { expectClose, loadCsv, maxAbs, pathFixture, standardize } from '../path/helpers.js';

const cancer = loadCsv('breast_cancer');
const X = standardize(cancer.X);
const y = cancer.y;
const fixture = pathFixture('logisticcv-breast-cancer');
// scikit-learn ran L-BFGS at tol 1e-10 (its gtol); ours is relative to the gradient at 0
const tight = { tol: 1e-10, maxIter: 100000 };

describe('LogisticL2CV picks scikit-learn\'s C', () => {
  test.each([
    ['explicit fold ids (scikit-learn: cv=PredefinedSplit(fold_ids))', fixture.foldIds, fixture.fixedFolds],
    ['default cv: 5, stratified folds as scikit-learn\'s StratifiedKFold(5)', undefined, fixture.stratified5],
  ])('%s', (_, cv, ref) => {
    const model = new LogisticL2CV({ ...tight, ...(cv ? { cv } : {}) }).fit(X, y);
    // Cs = numpy's logspace(−4, 4, 10): equal to a few ulps
    expectClose(model.Cs, ref.Cs, { rtol: 1e-13, atol: 0 }, 'Cs');
    // accuracies are counts over the same test rows: exactly equal (atol: one ulp of 1)
    model.scorePath.forEach((row, c) => expectClose(row, ref.scores.map((fold: number[]) => fold[c]), { rtol: 0, atol: 1e-15 }, `scores at C ${ref.Cs[c]}`));
    expect(model.C).toBe(ref.C);
    // guard: an interior C
    const index = ref.Cs.indexOf(ref.C);
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(9);
    // scikit-learn's L-BFGS stops on its own criteria (ftol) short of 1e-10: its refit
    // agrees with ours to ~1e-4 relative, so 1e-3 of the largest coefficient
    expectClose(model.coef, ref.coef, { rtol: 0, atol: 1e-3 * maxAbs(ref.coef) }, 'coef');
  });
});

describe('LogisticL2CV behaves like LogisticL2', () => {
  const labels = y.map((v) => (v === 1 ? 'benign' : 'malignant'));
  const model = new LogisticL2CV({ Cs: [0.01, 0.1, 1, 10], cv: 4 }).fit(X, labels);

  test('the refit equals new LogisticL2({ C }) with string labels', () => {
    const plain = new LogisticL2({ C: model.C }).fit(X, labels);
    // the same problem, strategy and start: equal to rounding
    expectClose(model.coef, plain.coef, { rtol: 0, atol: 1e-12 * maxAbs(plain.coef) }, 'coef');
    expect(model.classes).toEqual(['benign', 'malignant']);
    expect(model.predict(X.slice(0, 20))).toEqual(plain.predict(X.slice(0, 20)));
    expectClose(model.predictProba(X.slice(0, 5)), plain.predictProba(X.slice(0, 5)), { rtol: 1e-12, atol: 1e-15 }, 'predictProba');
    expect(model.score(X, labels)).toBe(plain.score(X, labels));
  });

  test('C1se: the smallest C whose mean accuracy is within one standard error of the best', () => {
    const scores = model.scorePath;
    const k = scores[0].length;
    const means = scores.map((row) => row.reduce((a, b) => a + b, 0) / k);
    const best = Array.from(model.Cs).indexOf(model.C);
    const sd = Math.sqrt(scores[best].reduce((s, v) => s + (v - means[best]) ** 2, 0) / (k - 1));
    const expected = Math.min(...Array.from(model.Cs).filter((_, c) => means[c] >= means[best] - sd / Math.sqrt(k)));
    expect(model.C1se).toBe(expected);
    expect(model.C1se).toBeLessThanOrEqual(model.C);
    expectClose(model.scoreMean, means, { rtol: 1e-15, atol: 0 }, 'scoreMean');
  });

  test('toJSON / fromJSON round trip keeps the labels and the cross-validation results', () => {
    const back = LogisticL2CV.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(back.predict(X.slice(0, 10))).toEqual(model.predict(X.slice(0, 10)));
    expect(back.classes).toEqual(['benign', 'malignant']);
    expect(back.C).toBe(model.C);
    expect(back.C1se).toBe(model.C1se);
    expect(JSON.stringify(back)).toBe(JSON.stringify(model));
  });

  test('the integer Cs option is scikit-learn\'s logspace(−4, 4, Cs); a shuffled stratified cv is seeded', () => {
    expect(new LogisticL2CV({ Cs: 3 }).settings.Cs).toEqual(Float64Array.of(1e-4, 1, 1e4));
    const fit = (seed: number) => new LogisticL2CV({ Cs: [0.1, 1], cv: 3, shuffle: true, seed }).fit(X, y).scorePath;
    expect(JSON.stringify(fit(1))).toBe(JSON.stringify(fit(1)));
    expect(JSON.stringify(fit(1))).not.toBe(JSON.stringify(fit(2)));
  });

  test('errors: a training fold with one class, too many folds, bad Cs', () => {
    const yy = y.slice(0, 20).map((_, i) => (i < 3 ? 1 : 0));
    const folds = yy.map((_, i) => (i < 3 ? 0 : 1)); // fold 0's training rows are fold 1's: all class 0
    expect(() => new LogisticL2CV({ cv: folds }).fit(X.slice(0, 20), yy)).toThrow(/the training rows of fold 0 hold only the class 0; every fold's training rows need both classes/);
    expect(() => new LogisticL2CV({ cv: 18 }).fit(X.slice(0, 20), yy)).toThrow(/cannot make 18 stratified folds when the larger class has only 17 samples/);
    expect(() => new LogisticL2CV({ Cs: 0 })).toThrow(/option 'Cs' must be a count \(an integer ≥ 1\) or a non-empty array of numbers > 0; received 0/);
    expect(() => new LogisticL2CV({ Cs: [1, -1] })).toThrow(/option 'Cs'\[1\] must be one of finite numbers > 0; received -1/);
    expect(() => new LogisticL2CV({ cv: folds, shuffle: true })).toThrow(/option 'shuffle' has no effect when 'cv' gives the fold of every sample/);
    expect(() => new LogisticL2CV().C).toThrow(/cannot use C before the model is fitted/);
  });
});
