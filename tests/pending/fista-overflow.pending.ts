/**
 * PENDING (src/linalg/kernels.ts spectralNormSquared; src/solvers/fista.ts and the other
 * iterative strategies): NaN coefficients from finite data, and no divergence detection.
 *
 * Shrunk by fast-check from tests/properties/determinism.test.ts. Ridge with
 * solver 'fista' on X = [[0,0,0,0],[1e100,0,0,0]], y = [0, 5e-324] returns coef
 * [NaN, …], intercept NaN, after running all maxIter iterations on NaN.
 *
 * Cause: spectralNormSquared normalizes with Math.sqrt(dot(v, v)); after one power step
 * ‖v‖ ≈ ‖X‖² ≈ 1e200 and dot(v, v) overflows to Infinity, v becomes 0, the estimate 0,
 * so L = smoothness·max(0, n) and the step 1/L is ~1e200 times too long: the first
 * iterate is 2e249, the second −Infinity, then NaN (entries from ~1e77 up trigger it).
 *
 * Fixes: (1) normalize by max|vⱼ| before the norm (or use Math.hypot-style scaling), and
 * cap the estimate by ‖X‖_F² = Σⱼ columnSquaredNorms (finite: the data boundary now
 * refuses columns whose sum of squares overflows); (2) in every strategy, when the
 * objective or the iterate stops being finite, stop at once (converged = false) and
 * either throw a typed PenalizedError ('NUMERICAL_FAILURE') or return the last finite
 * iterate — never NaN coefficients, which today also cannot be saved (toJSON writes null,
 * fromJSON refuses it).
 */
import { describe, expect, it } from 'vitest';
import { PenalizedError, Ridge, setWarningHandler } from '../../src/index.js';

const cases = [
  { X: [[0, 0], [1e100, 0], [0, 0], [0, 0], [0, -0], [0, 0]], y: [0, 0, 0, 0, 0, -1] },
  { X: [[0, 0, 0, 0], [1e100, 0, 0, 0]], y: [0, 5e-324] },
  { X: [[-0, 0], [0, 1e150]], y: [0, 1e100] },
  { X: [[1e80, 1], [-1e80, 2], [3e79, 0]], y: [1, 2, 3] },
];

describe.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
  it('FISTA returns finite coefficients (or a typed error), and stops early on NaN', () => {
    setWarningHandler(null);
    let model: Ridge | undefined;
    try {
      model = new Ridge({ alpha: 0.5, solver: 'fista', maxIter: 5000 }).fit(c.X, c.y);
    } catch (error) {
      expect(error).toBeInstanceOf(PenalizedError);
      return;
    }
    expect(Array.from(model.coef).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(model.intercept)).toBe(true);
    // and it agrees with the exact solve
    const exact = new Ridge({ alpha: 0.5 }).fit(c.X, c.y);
    const a = model.predict(c.X);
    const b = exact.predict(c.X);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-3 * (Math.abs(b[i]) + 1));
  });
});
