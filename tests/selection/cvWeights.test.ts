/**
 * Sample weights in LassoCV / ElasticNetCV: scikit-learn's semantics (frozen reference)
 * and the repeated-rows identity.
 */
import { describe, expect, test } from 'vitest';
import { Lasso } from '../../src/estimators/lasso.js';
import { ElasticNetCV, LassoCV } from '../../src/selection/pathCV.js';
import { expectClose, loadCsv, maxAbs, pathFixture } from '../path/helpers.js';

const { X, y } = loadCsv('diabetes');
const fixture = pathFixture('cv-diabetes');

describe('LassoCV with sample weights', () => {
  test('equals scikit-learn\'s LassoCV(cv=PredefinedSplit, alphas=…).fit(X, y, sample_weight)', () => {
    // scikit-learn 1.2 builds its default grid without the weights, so the reference was
    // made with an explicit grid; the fits and the held-out errors use the weights.
    const ref = fixture.lassoWeighted;
    const model = new LassoCV({ tol: 1e-10, maxIter: 1000000, cv: fixture.foldIds, alphas: ref.alphas }).fit(X, y, { sampleWeight: fixture.sampleWeight });
    // both sides solve to a duality gap ≤ 1e-10·Σsw(y−ȳ)²/Σsw; measured 2e-10 relative
    model.msePath.forEach((row, i) => expectClose(row, ref.msePath[i], { rtol: 1e-7, atol: 0 }, `msePath[${i}]`));
    expect(model.alpha).toBe(ref.alpha);
    expectClose(model.coef, ref.coef, { rtol: 0, atol: 1e-6 * maxAbs(ref.coef) }, 'coef');
    // guard: the weights change the errors (the unweighted path differs by far more than rtol)
    const unweighted = new LassoCV({ cv: fixture.foldIds, alphas: ref.alphas }).fit(X, y);
    expect(Math.abs(unweighted.msePath[10][0] - model.msePath[10][0])).toBeGreaterThan(1e-3 * model.msePath[10][0]);
  });

  test('the refit equals new Lasso({ alpha }).fit(X, y, { sampleWeight })', () => {
    const model = new LassoCV({ cv: 3, nAlphas: 20, tol: 1e-10 }).fit(X, y, { sampleWeight: fixture.sampleWeight });
    const plain = new Lasso({ alpha: model.alpha, tol: 1e-10 }).fit(X, y, { sampleWeight: fixture.sampleWeight });
    // the same weighted problem, solver and start: equal to rounding
    expectClose(model.coef, plain.coef, { rtol: 0, atol: 1e-12 * maxAbs(plain.coef) }, 'coef');
  });

  test('integer weights equal repeated rows, each copy in its row\'s fold (LassoCV, ElasticNetCV)', () => {
    const weights = y.map((_, i) => (i * 5) % 3); // 0, 1, 2: dropped, kept, doubled
    const folds = y.map((_, i) => (i * 7) % 4);
    const Xr: number[][] = [];
    const yr: number[] = [];
    const foldsR: number[] = [];
    weights.forEach((count, i) => {
      for (let c = 0; c < count; c++) {
        Xr.push(X[i]);
        yr.push(y[i]);
        foldsR.push(folds[i]);
      }
    });
    const tight = { tol: 1e-12, maxIter: 1000000, nAlphas: 25 };
    for (const make of [() => new LassoCV({ ...tight, cv: folds }), () => new ElasticNetCV({ ...tight, cv: folds, l1Ratio: [0.5, 1] })]) {
      const weighted = make().fit(X, y, { sampleWeight: weights });
      const plain = (weighted instanceof LassoCV ? new LassoCV({ ...tight, cv: foldsR }) : new ElasticNetCV({ ...tight, cv: foldsR, l1Ratio: [0.5, 1] })).fit(Xr, yr);
      // the same objectives summed in a different order: the grids agree to rounding and
      // the held-out errors to ~1e-10 (each fit solved to a gap ≤ 1e-12·‖y−ȳ‖²/n)
      const wa = weighted.alphas as Float64Array | Float64Array[];
      const pa = plain.alphas as Float64Array | Float64Array[];
      const flat = (a: Float64Array | Float64Array[]) => (a instanceof Float64Array ? Array.from(a) : a.flatMap((g) => Array.from(g)));
      expectClose(flat(wa), flat(pa), { rtol: 1e-12, atol: 0 }, 'alphas');
      const mse = (m: LassoCV | ElasticNetCV) => (m instanceof LassoCV ? m.msePath.flatMap((r) => Array.from(r)) : m.msePath.flatMap((rows) => rows.flatMap((r) => Array.from(r))));
      expectClose(mse(weighted), mse(plain), { rtol: 1e-8, atol: 0 }, 'msePath');
      // the same grid index (the grids themselves differ in the last bits)
      expect(flat(wa).indexOf(weighted.alpha)).toBe(flat(pa).indexOf(plain.alpha));
      expectClose(weighted.coef, plain.coef, { rtol: 0, atol: 1e-8 * maxAbs(plain.coef) }, 'coef');
      expectClose([weighted.intercept], [plain.intercept], { rtol: 1e-10, atol: 0 }, 'intercept');
    }
  });

  test('a fold whose test (or training) rows all have weight 0 is an error that names the fold', () => {
    const folds = y.map((_, i) => i % 3);
    const weights = y.map((_, i) => (i % 3 === 2 ? 0 : 1));
    expect(() => new LassoCV({ cv: folds, nAlphas: 5 }).fit(X, y, { sampleWeight: weights })).toThrow(/the test rows of fold 2 all have sample weight 0/);
    const onlyFold0 = y.map((_, i) => (i % 3 === 0 ? 1 : 0));
    expect(() => new LassoCV({ cv: folds, nAlphas: 5 }).fit(X, y, { sampleWeight: onlyFold0 })).toThrow(/fold 0 all have sample weight 0/);
  });

  test('fit options: only sampleWeight', () => {
    expect(() => new LassoCV().fit(X, y, { sampleWeights: [] } as never)).toThrow(/LassoCV.fit: unknown option 'sampleWeights'; the fit options are sampleWeight/);
    expect(() => new LassoCV().fit(X, y, 3 as never)).toThrow(/LassoCV.fit: the third argument must be an options object/);
  });
});
