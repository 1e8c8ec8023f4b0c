/**
 * Properties of every fit, whatever the data:
 *
 * - fitting twice (a fresh model, or the same model again) gives bit-identical results;
 * - fitting and predicting never mutate the caller's X or y (number[][], Float64Array rows,
 *   ml-matrix Matrix; number[], Float64Array, string labels);
 * - toJSON → JSON.stringify → JSON.parse → fromJSON → predict is bit-identical;
 * - a fit either succeeds with finite coefficients or throws a typed PenalizedError.
 *
 * Two kinds of data: the structured recipes (support.ts), and raw cells drawn by
 * fast-check itself (integers, doubles, −0, subnormals, 1e150), which shrink to minimal
 * counterexamples.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, LogisticL2, PenalizedError, Ridge, setWarningHandler, type WarningHandler } from '../../src/index.js';
import { type Config, type EstimatorName, bitIdentical, fromJSON, make, makeProblem, raw, recipes, targetOf } from './support.js';

let previous: WarningHandler;
beforeAll(() => {
  previous = setWarningHandler(null);
});
afterAll(() => {
  setWarningHandler(previous);
});

const SEED = 42;

/** Every estimator with each solver it offers, plus default options. */
const solverChoices = (choices: readonly string[]) => choices;
const CONFIGS: Config[] = [
  { estimator: 'Linear', options: {} },
  ...solverChoices(Ridge.parameters.solver.choices).map((solver) => ({ estimator: 'Ridge' as const, options: { alpha: 0.5, solver } })),
  ...solverChoices(Lasso.parameters.solver.choices).map((solver) => ({ estimator: 'Lasso' as const, options: { alpha: 0.05, solver } })),
  ...solverChoices(ElasticNet.parameters.solver.choices).map((solver) => ({ estimator: 'ElasticNet' as const, options: { alpha: 0.05, l1Ratio: 0.3, solver } })),
  ...solverChoices(LogisticL2.parameters.solver.choices).map((solver) => ({ estimator: 'LogisticL2' as const, options: { C: 2, solver } })),
];
const configArb = fc.constantFrom(...CONFIGS).chain((c) => fc.boolean().map((fitIntercept) => ({ ...c, options: { ...c.options, fitIntercept } }) as Config));

/** Raw cells, including the awkward ones. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 5e-324, -1e-300, 1e-150, 1e-100, 0.1, 1e100, 1e150) },
);

/** A raw problem: X n×p, a regression target, and labels (two classes when n ≥ 2). */
const rawProblem = fc.record({ n: fc.integer({ min: 1, max: 7 }), p: fc.integer({ min: 1, max: 5 }) }).chain(({ n, p }) =>
  fc.record({
    X: fc.array(fc.array(cell, { minLength: p, maxLength: p }), { minLength: n, maxLength: n }),
    y: fc.array(cell, { minLength: n, maxLength: n }),
    labels: fc.array(fc.constantFrom('no', 'yes'), { minLength: n, maxLength: n }),
  }),
);

/** Fits, or returns the typed error; anything else (a TypeError, a RangeError) fails. */
function tryFit(config: Config, X: unknown, t: unknown): ReturnType<typeof make> | PenalizedError {
  try {
    return make(config).fit(X, t);
  } catch (error) {
    if (error instanceof PenalizedError) return error;
    throw new Error(`${config.estimator} ${JSON.stringify(config.options)} threw an untyped ${(error as Error).name}: ${(error as Error).message}`);
  }
}

function targetFor(estimator: EstimatorName, data: { y: number[]; labels: string[] }): unknown[] {
  return estimator === 'LogisticL2' ? data.labels : data.y;
}

describe('fits are deterministic, leave inputs alone, and round-trip through JSON', () => {
  it('structured problems: twice → bit-identical; inputs untouched; JSON → bit-identical predict', () => {
    fc.assert(
      fc.property(recipes({ minSamples: 2 }), configArb, (recipe, config) => {
        const problem = makeProblem(recipe);
        const t = targetOf(config.estimator, problem);
        const labels = config.estimator === 'LogisticL2' ? t.map((v) => (v > 0 ? 'yes' : 'no')) : t;
        const X = structuredClone(problem.X);
        const y = structuredClone(labels);
        const a = make(config).fit(X, y);
        const b = make(config).fit(X, y);
        expect(X).toStrictEqual(problem.X);
        expect(y).toStrictEqual(labels);
        if (!bitIdentical(a.coef, b.coef) || !Object.is(a.intercept, b.intercept) || a.nIter !== b.nIter || a.converged !== b.converged) {
          throw new Error(`two fits differ: ${Array.from(a.coef)} / ${Array.from(b.coef)}`);
        }
        const coef = a.coef;
        a.fit(X, y); // the same model again
        if (!bitIdentical(a.coef, coef)) throw new Error('refitting the same model changed coef');
        // JSON round trip
        const restored = fromJSON(config.estimator, JSON.parse(JSON.stringify(a.toJSON())));
        if (!bitIdentical(raw(config.estimator, restored, X), raw(config.estimator, a, X))) throw new Error('predictions differ after the JSON round trip');
        expect(restored.predict(X)).toStrictEqual(a.predict(X));
        if (config.estimator === 'LogisticL2') {
          const pa = (a as unknown as LogisticL2).predictProba(X);
          const pr = (restored as unknown as LogisticL2).predictProba(X);
          if (!bitIdentical(pa, pr)) throw new Error('probabilities differ after the JSON round trip');
        }
        expect(X).toStrictEqual(problem.X);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the same data as Float64Array rows, an ml-matrix Matrix and Float64Array y: same model, nothing mutated', () => {
    fc.assert(
      fc.property(recipes({ minSamples: 2, maxSpread: 1 }), configArb, (recipe, config) => {
        const problem = makeProblem(recipe);
        const t = targetOf(config.estimator, problem);
        const reference = make(config).fit(problem.X, t);
        const rows = problem.X.map((r) => Float64Array.from(r));
        const rowsCopy = rows.map((r) => r.slice());
        const matrix = new Matrix(problem.X);
        const matrixCopy = matrix.to2DArray();
        const yTyped = Float64Array.from(t);
        const yCopy = yTyped.slice();
        const fromRows = make(config).fit(rows, yTyped);
        const fromMatrix = make(config).fit(matrix, t);
        fromRows.predict(rows);
        fromMatrix.predict(matrix);
        expect(rows).toStrictEqual(rowsCopy);
        expect(matrix.to2DArray()).toStrictEqual(matrixCopy);
        expect(yTyped).toStrictEqual(yCopy);
        for (const other of [fromRows, fromMatrix]) {
          if (!bitIdentical(other.coef, reference.coef) || !Object.is(other.intercept, reference.intercept)) {
            throw new Error(`${config.estimator}: another input form gave another model`);
          }
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('raw cells (−0, subnormals, 1e150, …): a typed error or a finite, deterministic, serializable model', () => {
    fc.assert(
      fc.property(rawProblem, configArb, (data, config) => {
        const X = structuredClone(data.X);
        const t = structuredClone(targetFor(config.estimator, data));
        const first = tryFit(config, X, t);
        expect(X).toStrictEqual(data.X);
        expect(t).toStrictEqual(targetFor(config.estimator, data));
        const second = tryFit(config, X, t);
        if (first instanceof PenalizedError) {
          // the same error, both times
          if (!(second instanceof PenalizedError) || second.message !== first.message) throw new Error('a failed fit is not reproducible');
          return;
        }
        if (second instanceof PenalizedError) throw new Error('a successful fit failed the second time');
        if (!bitIdentical(first.coef, second.coef) || !Object.is(first.intercept, second.intercept)) throw new Error('two fits differ');
        if (!Array.from(first.coef).every(Number.isFinite) || !Number.isFinite(first.intercept)) {
          throw new Error(`non-finite model: coef ${Array.from(first.coef)}, intercept ${first.intercept}, converged ${first.converged}`);
        }
        const restored = fromJSON(config.estimator, JSON.parse(JSON.stringify(first.toJSON())));
        const before = raw(config.estimator, first, X);
        const after = raw(config.estimator, restored, X);
        if (!bitIdentical(after, before)) throw new Error(`JSON round trip changed predictions: ${Array.from(before)} → ${Array.from(after)}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
