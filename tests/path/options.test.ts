/**
 * lassoPath / enetPath: sample weights (scikit-learn's semantics) and option validation.
 */
import { describe, expect, test } from 'vitest';
import { DataError, ParameterError } from '../../src/errors.js';
import { enetPath, lassoPath } from '../../src/path/index.js';
import { type PenalizedWarning, setWarningHandler } from '../../src/warnings.js';
import { expectClose, loadCsv, maxAbs } from './helpers.js';

const diabetes = loadCsv('diabetes');
// a deterministic pattern of weights 0..3 (0 drops the row; 3 triples it)
const weights = diabetes.y.map((_, i) => (i * 7) % 4);

function repeated(X: number[][], y: number[], w: number[]): { X: number[][]; y: number[] } {
  const Xr: number[][] = [];
  const yr: number[] = [];
  w.forEach((count, i) => {
    for (let c = 0; c < count; c++) {
      Xr.push(X[i]);
      yr.push(y[i]);
    }
  });
  return { X: Xr, y: yr };
}

describe('sample weights', () => {
  // Both problems are the same objective, solved to a duality gap ≤ 1e-12·‖y − ȳ‖²/n
  // from the same grid; the data differ only in summation order, so the paths agree to
  // ~1e-10 relative. 1e-8 catches any mistake in the weighting (e.g. an unweighted
  // mean for centering shifts the coefficients by ~1e-2 here).
  const tight = { tol: 1e-12, maxIter: 100000 };

  test('integer weights equal repeated rows (lasso: grid, coefficients, intercepts)', () => {
    const weighted = lassoPath(diabetes.X, diabetes.y, { ...tight, nAlphas: 30, sampleWeight: weights });
    const r = repeated(diabetes.X, diabetes.y, weights);
    const plain = lassoPath(r.X, r.y, { ...tight, nAlphas: 30 });
    expectClose(weighted.alphas, plain.alphas, { rtol: 1e-12, atol: 0 }, 'alphas');
    const scale = Math.max(...plain.coefs.map(maxAbs));
    for (let k = 0; k < 30; k++) {
      expectClose(weighted.coefs[k], plain.coefs[k], { rtol: 0, atol: 1e-8 * scale }, `coef at alpha[${k}]`);
    }
    expectClose(weighted.intercepts, plain.intercepts, { rtol: 1e-10, atol: 0 }, 'intercepts');
    // guard: the weights matter (the unweighted path is elsewhere)
    const unweighted = lassoPath(diabetes.X, diabetes.y, { ...tight, nAlphas: 30 });
    expect(Math.abs(unweighted.alphas[0] - plain.alphas[0])).toBeGreaterThan(1e-3 * plain.alphas[0]);
  });

  test('integer weights equal repeated rows (elastic net, explicit alphas, no intercept)', () => {
    const alphas = [2, 0.5, 0.1, 0.02];
    const weighted = enetPath(diabetes.X, diabetes.y, { ...tight, l1Ratio: 0.7, alphas, fitIntercept: false, sampleWeight: weights });
    const r = repeated(diabetes.X, diabetes.y, weights);
    const plain = enetPath(r.X, r.y, { ...tight, l1Ratio: 0.7, alphas, fitIntercept: false });
    const scale = Math.max(...plain.coefs.map(maxAbs));
    expect(scale).toBeGreaterThan(0);
    for (let k = 0; k < alphas.length; k++) {
      expectClose(weighted.coefs[k], plain.coefs[k], { rtol: 0, atol: 1e-8 * scale }, `coef at alpha[${k}]`);
    }
  });

  test('multiplying every weight by a constant changes nothing (the loss is normalized by Σsw)', () => {
    const a = lassoPath(diabetes.X, diabetes.y, { ...tight, nAlphas: 10, sampleWeight: weights });
    const b = lassoPath(diabetes.X, diabetes.y, { ...tight, nAlphas: 10, sampleWeight: weights.map((w) => 2.5 * w) });
    expectClose(b.alphas, a.alphas, { rtol: 1e-13, atol: 0 }, 'alphas');
    const scale = Math.max(...a.coefs.map(maxAbs));
    for (let k = 0; k < 10; k++) expectClose(b.coefs[k], a.coefs[k], { rtol: 0, atol: 1e-9 * scale }, `coef at alpha[${k}]`);
  });

  test('the caller\'s weight array is not modified', () => {
    const sw = Float64Array.from(weights);
    lassoPath(diabetes.X, diabetes.y, { nAlphas: 3, sampleWeight: sw });
    expect(Array.from(sw)).toEqual(weights);
  });
});

describe('validation', () => {
  const { X, y } = diabetes;
  const code = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      return `${(error as { code: string }).code}: ${(error as Error).message}`;
    }
    return 'no error';
  };

  test('unknown options are errors, with a suggestion', () => {
    expect(code(() => lassoPath(X, y, { nAlpha: 10 } as never))).toMatch(/^UNKNOWN_OPTION: lassoPath: unknown option 'nAlpha' \(did you mean 'nAlphas'\?\)/);
    expect(code(() => lassoPath(X, y, { l1Ratio: 0.5 } as never))).toMatch(/^UNKNOWN_OPTION: lassoPath: unknown option 'l1Ratio'/);
    expect(code(() => enetPath(X, y, { sampleWeights: [] } as never))).toMatch(/did you mean 'sampleWeight'/);
  });

  test('scalar options: the option, the value received, what is allowed', () => {
    // (the wording of the bounds belongs to params.ts; only its parts are checked here)
    expect(code(() => lassoPath(X, y, { nAlphas: 0 }))).toMatch(/^INVALID_PARAMETER: lassoPath: option 'nAlphas' must be an integer ≥ 1.*; received 0\.$/);
    expect(code(() => lassoPath(X, y, { nAlphas: 2.5 }))).toMatch(/option 'nAlphas' must be an integer/);
    expect(code(() => lassoPath(X, y, { eps: 0 }))).toMatch(/^INVALID_PARAMETER: lassoPath: option 'eps' must be a finite number > 0.*; received 0\.$/);
    expect(code(() => enetPath(X, y, { l1Ratio: 1.5 }))).toMatch(/option 'l1Ratio' must be a finite number ≥ 0 and ≤ 1; received 1.5/);
    expect(code(() => lassoPath(X, y, { tol: -1 }))).toMatch(/option 'tol' must be a finite number ≥ 0/);
    expect(code(() => lassoPath(X, y, { fitIntercept: 'yes' as never }))).toMatch(/option 'fitIntercept' must be true or false; received the string "yes"/);
    expect(code(() => lassoPath(X, y, 5 as never))).toMatch(/^INVALID_PARAMETER: lassoPath: options must be an object/);
  });

  test('alphas: a non-empty list of finite numbers ≥ 0', () => {
    expect(code(() => lassoPath(X, y, { alphas: [] }))).toMatch(/option 'alphas' must be a non-empty array of finite numbers ≥ 0; received an array of length 0/);
    expect(code(() => lassoPath(X, y, { alphas: [1, -0.5] }))).toBe("INVALID_PARAMETER: lassoPath: option 'alphas'[1] must be one of finite numbers ≥ 0; received -0.5.");
    expect(code(() => lassoPath(X, y, { alphas: [1, NaN] }))).toMatch(/'alphas'\[1\].*received NaN/);
    expect(code(() => lassoPath(X, y, { alphas: 0.5 as never }))).toMatch(/option 'alphas' must be a non-empty array/);
  });

  test('l1Ratio 0 needs explicit alphas (no alphaMax for a pure ridge penalty), as in scikit-learn', () => {
    expect(code(() => enetPath(X, y, { l1Ratio: 0 }))).toMatch(/^INVALID_PARAMETER: enetPath: with l1Ratio 0 .* pass the grid as the option 'alphas'/);
    const path = enetPath(X, y, { l1Ratio: 0, alphas: [1, 0.1] });
    expect(maxAbs(path.coefs[1])).toBeGreaterThan(0);
  });

  test('sampleWeight: one finite number ≥ 0 per row, not all zero (validated by toDesign, with X)', () => {
    // the messages are the data boundary's (src/data); only their substance is checked here
    expect(code(() => lassoPath(X, y, { sampleWeight: [1, 2] }))).toMatch(/^SHAPE_MISMATCH: .*442 rows.*sampleWeight has 2 values/);
    const bad = y.map(() => 1);
    bad[3] = -1;
    expect(code(() => lassoPath(X, y, { sampleWeight: bad }))).toMatch(/^INVALID_DATA: .*sampleWeight\[3\] is -1/);
    expect(code(() => lassoPath(X, y, { sampleWeight: y.map(() => 0) }))).toMatch(/^INVALID_DATA: .*sampleWeight is all zeros/);
    expect(code(() => lassoPath(X, y, { sampleWeight: 'heavy' as never }))).toMatch(/^INVALID_DATA: .*sampleWeight/);
  });

  test('X and y are validated by the library\'s data boundary', () => {
    expect(() => lassoPath([[1, 2], [3]], [1, 2])).toThrow(DataError);
    expect(code(() => lassoPath(X, y.slice(1)))).toMatch(/^SHAPE_MISMATCH: X has 442 rows but y has 441 values/);
    expect(() => lassoPath(X, y, { maxIter: 0 })).toThrow(ParameterError);
  });
});

describe('convergence', () => {
  test('an alpha that stops at maxIter is reported once, in converged and dualGaps', () => {
    const seen: PenalizedWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const path = lassoPath(diabetes.X, diabetes.y, { nAlphas: 20, tol: 1e-14, maxIter: 2 });
      expect(path.converged.some((ok) => !ok)).toBe(true);
      expect(seen).toHaveLength(1);
      expect(seen[0].code).toBe('CONVERGENCE');
      expect(seen[0].message).toMatch(/^lassoPath: \d+ of 20 alphas did not converge within maxIter/);
      const first = path.converged.indexOf(false);
      expect(path.nIters[first]).toBe(2);
    } finally {
      setWarningHandler(previous);
    }
  });

  test('no warning when every alpha converges', () => {
    const seen: PenalizedWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const path = lassoPath(diabetes.X, diabetes.y, { nAlphas: 20 });
      expect(path.converged.every(Boolean)).toBe(true);
      expect(seen).toHaveLength(0);
    } finally {
      setWarningHandler(previous);
    }
  });
});
