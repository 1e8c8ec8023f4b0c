/** The public onIteration fit option: a trajectory users (and the docs' figures) can record. */
import { describe, expect, it } from 'vitest';
import { Lasso, LogisticL2, ParameterError, Ridge, setWarningHandler } from '../../src/index.js';
import { conformanceCase } from '../helpers/fixtures.js';

const c = conformanceCase('lasso-diabetes-alpha0.1');

describe('fit(X, y, { onIteration })', () => {
  it('reports every iteration, ending at the fitted model', () => {
    const seen: { iteration: number; coef: Float64Array; intercept: number }[] = [];
    const model = new Lasso({ alpha: 0.1, tol: 1e-8 }).fit(c.X, c.y, { onIteration: (p) => void seen.push(p) });
    expect(seen.length).toBe(model.nIter);
    expect(seen.map((s) => s.iteration)).toEqual(Array.from({ length: model.nIter }, (_, i) => i + 1));
    // the last recorded state is the returned model, exactly (same numbers, same intercept formula)
    expect(Array.from(seen.at(-1)!.coef)).toEqual(Array.from(model.coef));
    expect(seen.at(-1)!.intercept).toBe(model.intercept);
    // copies: an early entry is not overwritten by later iterations
    expect(Array.from(seen[0].coef)).not.toEqual(Array.from(model.coef));
  });

  it('returning false stops the solver early and the model says it did not converge', () => {
    const previous = setWarningHandler(null);
    try {
      const model = new LogisticL2({ tol: 1e-10 }).fit(conformanceCase('logistic-breast-cancer').X, conformanceCase('logistic-breast-cancer').y, {
        onIteration: ({ iteration }) => iteration < 3,
      });
      expect(model.nIter).toBe(3);
      expect(model.converged).toBe(false);
    } finally {
      setWarningHandler(previous);
    }
  });

  it('is not called by the exact direct solve, and rejects unknown options', () => {
    let calls = 0;
    new Ridge().fit(c.X, c.y, { onIteration: () => void calls++ });
    expect(calls).toBe(0);
    expect(() => new Ridge().fit(c.X, c.y, { onIteraton: () => {} } as never)).toThrow(ParameterError);
    expect(() => new Ridge().fit(c.X, c.y, { onIteration: 3 } as never)).toThrow(/must be a function/);
  });
});
