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
import { DataError, LogisticL2 } from '../../src/index.js';

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
