/**
 * RidgeCV: leave-one-out errors against scikit-learn's RidgeCV(store_cv_values=True)
 * (frozen in tests/fixtures/path/ridgecv.json) and against brute-force leave-one-out.
 */
import { describe, expect, test } from 'vitest';
import { Linear } from '../../src/estimators/linear.js';
import { Ridge } from '../../src/estimators/ridge.js';
import { RidgeCV } from '../../src/selection/ridgeCV.js';
import { expectClose, loadCsv, maxAbs, pathFixture } from '../path/helpers.js';

const diabetes = loadCsv('diabetes');
const wide = pathFixture('paths-wide');
const fixture = pathFixture('ridgecv');

describe('RidgeCV equals scikit-learn\'s RidgeCV', () => {
  // One eigendecomposition on each side (LAPACK vs the library's Householder + QL),
  // exact formulas otherwise: measured agreement ~1e-10 relative, so rtol 1e-8.
  test.each([
    ['diabetes (p ≤ n: eigendecomposition of X̃ᵀX̃)', diabetes.X, diabetes.y, fixture.diabetes, undefined],
    ['diabetes with sample weights', diabetes.X, diabetes.y, fixture.diabetesWeighted, fixture.diabetesWeighted.sampleWeight],
    ['wide (p > n: eigendecomposition of X̃X̃ᵀ)', wide.X, wide.y, fixture.wide, undefined],
  ])('%s', (_, X, y, ref, sampleWeight) => {
    const model = new RidgeCV({ alphas: ref.alphas }).fit(X, y, sampleWeight ? { sampleWeight } : undefined);
    expect(model.alpha).toBe(ref.alpha);
    const path = model.msePath;
    for (let a = 0; a < ref.alphas.length; a++) {
      // scikit-learn's cv_values_[i, a] is swᵢ · (leave-one-out residual)²
      const ours = path[a].map((v, i) => (sampleWeight ? sampleWeight[i] : 1) * v);
      expectClose(ours, ref.cvValues.map((row: number[]) => row[a]), { rtol: 1e-8, atol: 0 }, `errors at alpha ${ref.alphas[a]}`);
    }
    expectClose(model.coef, ref.coef, { rtol: 0, atol: 1e-10 * maxAbs(ref.coef) }, 'coef');
    expectClose([model.intercept], [ref.intercept], { rtol: 1e-10, atol: 0 }, 'intercept');
    // guard: an interior choice
    const index = ref.alphas.indexOf(model.alpha);
    expect(index).toBeGreaterThan(0);
    expect(index).toBeLessThan(ref.alphas.length - 1);
  });
});

/** Leave-one-out by brute force: n Ridge fits on n − 1 rows each. */
function bruteForce(X: number[][], y: number[], alpha: number, fitIntercept: boolean, sw?: number[]): number[] {
  return y.map((_, i) => {
    const keep = y.map((__, k) => k).filter((k) => k !== i);
    const model = new Ridge({ alpha, fitIntercept }).fit(
      keep.map((k) => X[k]),
      keep.map((k) => y[k]),
      sw ? { sampleWeight: keep.map((k) => sw[k]) } : undefined,
    );
    return (y[i] - model.predict([X[i]])[0]) ** 2;
  });
}

describe('the leave-one-out errors are what they claim', () => {
  // n exact Ridge fits vs the closed form: both exact to ~1e-12; rtol 1e-8 is still
  // far below any modelling error (a wrong leverage is off by ≥ 1/n relative)
  const small = { X: diabetes.X.slice(0, 40), y: diabetes.y.slice(0, 40) };
  const wideSmall: { X: number[][]; y: number[] } = { X: wide.X.slice(0, 25), y: wide.y.slice(0, 25) };
  const weights = small.y.map((_, i) => 0.5 + (i % 4));

  test.each([
    ['tall, intercept', small, true, undefined],
    ['tall, no intercept', small, false, undefined],
    ['tall, weighted', small, true, weights],
    ['wide, intercept', wideSmall, true, undefined],
    ['wide, no intercept', wideSmall, false, undefined],
    ['wide, weighted, with a zero weight', wideSmall, true, wideSmall.y.map((_, i) => (i === 3 ? 0 : 1 + (i % 3)))],
  ])('%s', (_, data, fitIntercept, sw) => {
    // alpha 1e-4 with p > n and an intercept: the intercept's direction must leave the
    // dual's G⁻¹ without amplifying rounding by 1/alpha (it was 1e-5 relative off)
    const alphas = [1e-4, 0.01, 1, 30];
    const model = new RidgeCV({ alphas, fitIntercept }).fit(data.X, data.y, sw ? { sampleWeight: sw } : undefined);
    alphas.forEach((alpha, a) => {
      expectClose(model.msePath[a], bruteForce(data.X, data.y, alpha, fitIntercept, sw), { rtol: 1e-8, atol: 1e-12 }, `alpha ${alpha}`);
    });
  });
});

describe('alpha below the rounding level of a singular X̃ᵀX̃', () => {
  // A duplicated column makes X̃ᵀX̃ singular. At alpha 1e-300 the computed zero eigenvalue,
  // not alpha, would decide the pivot of T + alpha·I (dividing rounding by rounding): alpha
  // is lifted past the rounding level instead, which leaves ridge's alpha → 0 limit, the
  // minimum-norm least-squares fit, whose leave-one-out errors n Linear fits give.
  const X = diabetes.X.slice(0, 60).map((row) => [...row, row[2]]);
  const y = diabetes.y.slice(0, 60);
  test.each([true, false])('fitIntercept %s', (fitIntercept) => {
    const model = new RidgeCV({ alphas: [1e-300], fitIntercept }).fit(X, y);
    const expected = y.map((_, i) => {
      const keep = y.map((__, k) => k).filter((k) => k !== i);
      const fit = new Linear({ fitIntercept }).fit(keep.map((k) => X[k]), keep.map((k) => y[k]));
      return (y[i] - fit.predict([X[i]])[0]) ** 2;
    });
    // the lift is ~11·ε·‖X̃ᵀX̃‖, ~1e-12 of the smallest nonzero eigenvalue here; measured
    // agreement 2.3e-11 relative (the eigenvalue clamp used before was off by 7e4 with an intercept), so rtol 1e-8
    expectClose(model.msePath[0], expected, { rtol: 1e-8, atol: 0 }, 'errors');
  });
});

describe('RidgeCV behaves like an estimator', () => {
  const alphas = [1e-4, 1e-3, 1e-2, 0.1, 1];
  const model = new RidgeCV({ alphas }).fit(diabetes.X, diabetes.y);

  test('the refit equals new Ridge({ alpha }) (the same exact solve)', () => {
    const plain = new Ridge({ alpha: model.alpha }).fit(diabetes.X, diabetes.y);
    expectClose(model.coef, plain.coef, { rtol: 0, atol: 1e-13 * maxAbs(plain.coef) }, 'coef');
    expect(model.score(diabetes.X, diabetes.y)).toBeCloseTo(plain.score(diabetes.X, diabetes.y), 12);
  });

  test('alpha1se: the largest alpha within one standard error (sd/√n over the samples) of the best', () => {
    const means = model.msePath.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
    expectClose(model.mseMean, means, { rtol: 1e-13, atol: 0 }, 'mseMean');
    const best = alphas.indexOf(model.alpha);
    expect(means[best]).toBe(Math.min(...means));
    const row = model.msePath[best];
    const n = row.length;
    const se = Math.sqrt(row.reduce((s, v) => s + (v - means[best]) ** 2, 0) / (n - 1) / n);
    const expected = Math.max(...alphas.filter((_, a) => means[a] <= means[best] + se));
    expect(model.alpha1se).toBe(expected);
    expect(model.alpha1se).toBeGreaterThan(model.alpha); // guard: the rule moves here
  });

  test('toJSON / fromJSON round trip; before fit, a NotFittedError', () => {
    const back = RidgeCV.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(Array.from(back.predict(diabetes.X.slice(0, 4)))).toEqual(Array.from(model.predict(diabetes.X.slice(0, 4))));
    expect(back.alpha).toBe(model.alpha);
    expect(back.alpha1se).toBe(model.alpha1se);
    expect(JSON.stringify(back)).toBe(JSON.stringify(model));
    expect(() => new RidgeCV().alpha).toThrow(/RidgeCV: cannot use alpha before the model is fitted/);
    expect(RidgeCV.fromJSON(JSON.parse(JSON.stringify(new RidgeCV()))).isFitted).toBe(false);
  });

  test('options: alphas > 0 (default scikit-learn\'s [0.1, 1, 10]); unknown names are errors', () => {
    expect(Array.from(new RidgeCV().alphaGrid)).toEqual([0.1, 1, 10]);
    expect(() => new RidgeCV({ alphas: [1, 0] })).toThrow("RidgeCV: option 'alphas'[1] must be one of finite numbers > 0; received 0.");
    expect(() => new RidgeCV({ alpha: 1 } as never)).toThrow(/unknown option 'alpha' \(did you mean 'alphas'\?\)/);
  });
});
