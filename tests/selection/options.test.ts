/**
 * Options of the cross-validation classes: one message format (the option, the value
 * received, what is allowed), unknown names are errors, lists are validated.
 */
import { describe, expect, test } from 'vitest';
import { ElasticNetCV, LassoCV } from '../../src/selection/pathCV.js';
import { LogisticL2CV } from '../../src/selection/logisticL2CV.js';
import { RidgeCV } from '../../src/selection/ridgeCV.js';

const message = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  return 'no error';
};

describe('cross-validation options', () => {
  test('unknown options are errors with a suggestion, for every class', () => {
    expect(message(() => new LassoCV({ nAlpha: 3 } as never))).toMatch(/^UNKNOWN_OPTION: LassoCV: unknown option 'nAlpha' \(did you mean 'nAlphas'\?\); the options are .*alphas, cv/);
    expect(message(() => new LassoCV({ l1Ratio: 0.5 } as never))).toMatch(/^UNKNOWN_OPTION: LassoCV: unknown option 'l1Ratio'/);
    expect(message(() => new ElasticNetCV({ l1Ratios: [0.5] } as never))).toMatch(/did you mean 'l1Ratio'/);
    expect(message(() => new RidgeCV({ cv: 5 } as never))).toMatch(/^UNKNOWN_OPTION: RidgeCV: unknown option 'cv'/);
    expect(message(() => new LogisticL2CV({ C: 1 } as never))).toMatch(/did you mean 'Cs'/);
  });

  test('scalar options are validated by the estimators\' tables', () => {
    expect(message(() => new LassoCV({ nAlphas: 0 }))).toMatch(/^INVALID_PARAMETER: LassoCV: option 'nAlphas' must be an integer ≥ 1/);
    expect(message(() => new LassoCV({ seed: -1 }))).toMatch(/^INVALID_PARAMETER: LassoCV: option 'seed' must be an integer ≥ 0 and ≤ 4294967295; received -1/);
    expect(message(() => new LassoCV({ shuffle: 1 as never }))).toMatch(/option 'shuffle' must be true or false; received 1/);
    expect(message(() => new LassoCV('fast' as never))).toMatch(/^INVALID_PARAMETER: LassoCV: options must be an object/);
  });

  test('list options: alphas, l1Ratio, cv', () => {
    expect(message(() => new LassoCV({ alphas: [] }))).toMatch(/option 'alphas' must be a non-empty array of finite numbers ≥ 0/);
    expect(message(() => new ElasticNetCV({ l1Ratio: [0.5, 1.2] }))).toBe("INVALID_PARAMETER: ElasticNetCV: option 'l1Ratio'[1] must be one of finite numbers ≥ 0 and ≤ 1; received 1.2.");
    expect(message(() => new ElasticNetCV({ l1Ratio: [0, 0.5] }))).toMatch(/l1Ratio 0 \(a pure ridge penalty\) has no alphaMax .* pass the grid as the option 'alphas'/);
    expect(message(() => new ElasticNetCV({ l1Ratio: [0, 0.5], alphas: [1, 0.1] }))).toBe('no error');
    expect(message(() => new LassoCV({ cv: 1 }))).toMatch(/option 'cv' must be a number of folds \(an integer ≥ 2\)/);
    expect(message(() => new LassoCV({ cv: [0, 1, 3] }))).toMatch(/no sample in fold 2/);
    expect(message(() => new LassoCV({ cv: [0, 1], shuffle: true }))).toMatch(/option 'shuffle' has no effect when 'cv' gives the fold of every sample/);
  });

  test('settings keep the lists as validated; given alphas are used in decreasing order', () => {
    const model = new ElasticNetCV({ alphas: [0.1, 1, 0.5], l1Ratio: 0.7, cv: [0, 1, 0, 1] });
    expect(Array.from(model.settings.alphas!)).toEqual([1, 0.5, 0.1]);
    expect(Array.from(model.settings.l1Ratios)).toEqual([0.7]);
    expect(Array.from(model.settings.cv as Int32Array)).toEqual([0, 1, 0, 1]);
    expect(new LassoCV().settings.cv).toBe(5);
  });
});
