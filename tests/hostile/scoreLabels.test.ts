/**
 * Regression (was pending; fixed in LogisticL2.score): labels that are objects were not
 * validated by LogisticL2.score, which returns accuracy 0 instead of a typed error.
 *
 * `fit` rejects them (INVALID_LABELS naming y[i]); `score(X, [{}, {}, …])` compares each
 * predicted label with an object by ===, never equal, and returns 0 — a silently wrong
 * number. Fix: validate y in score as fit does (finite numbers or strings), e.g. with
 * the same reader encodeBinaryLabels uses, and say which entry is bad.
 */
import { expect, it } from 'vitest';
import { DataError, LogisticL2, LogisticL2CV } from '../../src/index.js';

it('LogisticL2.score rejects object labels with INVALID_LABELS', () => {
  const X = [[1], [2], [3], [4]];
  const model = new LogisticL2().fit(X, [0, 0, 1, 1]);
  let thrown: unknown;
  try {
    model.score(X, [{}, {}, {}, {}]);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DataError);
  expect((thrown as DataError).code).toBe('INVALID_LABELS');
  expect((thrown as DataError).message).toContain('y[0]');
});

it('LogisticL2CV.score shares the validation (it returned accuracy 0 for object labels too)', () => {
  const X = [[1], [2], [3], [4], [5], [6]];
  const model = new LogisticL2CV({ Cs: 2, cv: 2 }).fit(X, [0, 0, 0, 1, 1, 1]);
  expect(model.score(X, [0, 0, 0, 1, 1, 1])).toBe(1); // labels that are fine still score
  expect(() => model.score(X, [{}, {}, {}, {}, {}, {}])).toThrow(/y\[0\] is an object/);
});
