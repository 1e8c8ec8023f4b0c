/**
 * Fold assignment: scikit-learn's KFold and StratifiedKFold, seeded shuffles, and the
 * validation of explicit fold ids.
 */
import { describe, expect, test } from 'vitest';
import { foldIdsFor, foldsFromIds, kFoldIds, readCv, seededUniform, stratifiedFoldIds } from '../../src/selection/folds.js';
import { loadCsv, pathFixture } from '../path/helpers.js';

describe('KFold', () => {
  test('contiguous folds, the first n % k one sample larger (scikit-learn\'s KFold(3) on 10 samples)', () => {
    // sklearn: [list(t) for _, t in KFold(3).split(range(10))] == [[0,1,2,3],[4,5,6],[7,8,9]]
    expect(Array.from(kFoldIds(10, 3, false, 0))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(Array.from(kFoldIds(5, 5, false, 0))).toEqual([0, 1, 2, 3, 4]);
  });

  test('shuffled folds keep the sizes, are deterministic for a seed and differ between seeds', () => {
    const a = kFoldIds(103, 5, true, 42);
    const b = kFoldIds(103, 5, true, 42);
    const c = kFoldIds(103, 5, true, 43);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const sizes = (ids: Int32Array) => foldsFromIds(ids).map((f) => f.test.length);
    expect(sizes(a)).toEqual([21, 21, 21, 20, 20]);
    expect(sizes(c)).toEqual([21, 21, 21, 20, 20]);
    // not the contiguous assignment
    expect(Array.from(a)).not.toEqual(Array.from(kFoldIds(103, 5, false, 0)));
  });

  test('the seeded generator is a fixed sequence (mulberry32), the same on every platform', () => {
    const u = seededUniform(1);
    // the first outputs of mulberry32(1) (0.6270739405881613 is its well-known first draw): a regression guard on the shuffles
    expect([u(), u(), u()].map((v) => v.toFixed(12))).toEqual(['0.627073940588', '0.002735721180', '0.527447039960']);
  });

  test('train and test rows partition the samples', () => {
    const folds = foldsFromIds(kFoldIds(11, 4, true, 7));
    const seen = new Array(11).fill(0);
    for (const { train, test } of folds) {
      expect(train.length + test.length).toBe(11);
      for (const i of test) seen[i]++;
      for (const i of train) expect(test.includes(i)).toBe(false);
    }
    expect(seen).toEqual(new Array(11).fill(1));
  });
});

describe('StratifiedKFold', () => {
  test('equals scikit-learn\'s StratifiedKFold(5) on the breast-cancer labels (frozen fixture)', () => {
    const { y } = loadCsv('breast_cancer');
    const fixture = pathFixture('logisticcv-breast-cancer');
    const ids = stratifiedFoldIds(y, 5, false, 0);
    expect(Array.from(ids)).toEqual(fixture.stratifiedFoldIds);
    // guard: stratified, not contiguous
    expect(Array.from(ids)).not.toEqual(Array.from(kFoldIds(y.length, 5, false, 0)));
  });

  test('every fold keeps the class proportions; shuffling keeps them too', () => {
    const labels = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0)); // 10 ones, 40 zeros
    for (const shuffle of [false, true]) {
      const folds = foldsFromIds(stratifiedFoldIds(labels, 5, shuffle, 3));
      for (const f of folds) {
        expect(f.test.length).toBe(10);
        expect(Array.from(f.test).filter((i) => labels[i] === 1)).toHaveLength(2);
      }
    }
  });
});

describe('the cv option', () => {
  const message = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return `${(error as { code: string }).code}: ${(error as Error).message}`;
    }
    return 'no error';
  };

  test('a number of folds: an integer ≥ 2', () => {
    expect(readCv('LassoCV', undefined)).toBe(5);
    expect(readCv('LassoCV', 3)).toBe(3);
    for (const bad of [1, 0, 2.5, -3, NaN]) {
      expect(message(() => readCv('LassoCV', bad))).toMatch(/^INVALID_PARAMETER: LassoCV: option 'cv' must be a number of folds \(an integer ≥ 2\) or an array with a fold id per sample; received/);
    }
    expect(message(() => foldIdsFor('LassoCV', 6, 5, false, 0))).toBe('INVALID_DATA: LassoCV: cannot make 6 folds from 5 samples; use cv ≤ 5.');
  });

  test('explicit fold ids: integers 0..k−1, every fold non-empty, k ≥ 2, one per sample', () => {
    expect(Array.from(readCv('LassoCV', [1, 0, 1, 2]) as Int32Array)).toEqual([1, 0, 1, 2]);
    expect(message(() => readCv('LassoCV', [0, 1.5]))).toBe("INVALID_PARAMETER: LassoCV: option 'cv'[1] must be a fold id (an integer ≥ 0); received 1.5.");
    expect(message(() => readCv('LassoCV', [0, -1]))).toMatch(/option 'cv'\[1\] must be a fold id .* received -1/);
    expect(message(() => readCv('LassoCV', [0, '1']))).toMatch(/option 'cv'\[1\] must be a fold id .* received the string "1"/);
    expect(message(() => readCv('LassoCV', [0, 2, 2]))).toBe(
      "INVALID_PARAMETER: LassoCV: option 'cv' has fold ids up to 2 but no sample in fold 1; number the folds 0, 1, …, k − 1 with every fold non-empty.",
    );
    expect(message(() => readCv('LassoCV', [0, 0, 0]))).toMatch(/puts every sample in fold 0; cross-validation needs at least 2 folds/);
    expect(message(() => readCv('LassoCV', []))).toMatch(/option 'cv' must be a number of folds/);
    expect(message(() => foldIdsFor('LassoCV', readCv('LassoCV', [0, 1, 0]), 4, false, 0))).toMatch(/^SHAPE_MISMATCH: LassoCV: X has 4 rows but the fold ids in option 'cv' have 3/);
  });
});
