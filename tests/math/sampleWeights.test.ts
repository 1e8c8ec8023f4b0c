/**
 * Sample weights in the engine, with scikit-learn's semantics: integer weights equal
 * repeating rows, for every datafit and every strategy.
 */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Logistic, Quadratic } from '../../src/datafits/index.js';
import { L1, L1L2, L2, NoPenalty, type Penalty } from '../../src/penalties/index.js';
import { solve, type Strategy } from '../../src/solvers/index.js';
import { expectClose, regressionData } from '../helpers/fixtures.js';

const { X, y } = regressionData(41, 24, 6, { k: 4 });
const weights = Float64Array.from(X, (_, i) => [0, 1, 2, 3][i % 4]);
const repeatedX: number[][] = [];
const repeatedY: number[] = [];
X.forEach((row, i) => {
  for (let k = 0; k < weights[i]; k++) {
    repeatedX.push(row);
    repeatedY.push(y[i]);
  }
});
const total = weights.reduce((a, b) => a + b, 0);

type Case = [string, (sw: Float64Array | undefined, m: number) => { datafit: Quadratic | Logistic; penalty: Penalty }, (v: number) => number, Strategy[]];
const cases: Case[] = [
  // Lasso/ElasticNet normalize by Σsw, which is the repeated data's n
  ['Lasso', (sw, m) => ({ datafit: new Quadratic(1 / m, sw), penalty: new L1(0.05) }), (v) => v, ['cd', 'fista']],
  ['ElasticNet', (sw, m) => ({ datafit: new Quadratic(1 / m, sw), penalty: new L1L2(0.05, 0.5) }), (v) => v, ['cd', 'fista']],
  ['Ridge', (sw) => ({ datafit: new Quadratic(2, sw), penalty: new L2(2 * 0.8) }), (v) => v, ['direct', 'cg', 'lbfgs', 'cd']],
  ['Linear', (sw, m) => ({ datafit: new Quadratic(1 / m, sw), penalty: new NoPenalty() }), (v) => v, ['direct', 'cg']],
  ['LogisticL2', (sw) => ({ datafit: new Logistic(0.7, sw), penalty: new L2(1) }), (v) => (v > 1.5 ? 1 : -1), ['lbfgs', 'cd']],
];

describe.each(cases)('%s: integer sample weights equal repeated rows', (_name, make, label, strategies) => {
  for (const strategy of strategies) {
    for (const fitIntercept of [true, false]) {
      it(`${strategy}, intercept ${fitIntercept}`, () => {
        const weighted = solve(
          { design: toDesign(X, { center: fitIntercept, weights }), y: Float64Array.from(y, label), fitIntercept, ...make(weights, total) },
          { strategy, tol: 1e-12, maxIter: 100_000 },
        );
        const repeated = solve(
          { design: toDesign(repeatedX, { center: fitIntercept }), y: Float64Array.from(repeatedY, label), fitIntercept, ...make(undefined, repeatedX.length) },
          { strategy, tol: 1e-12, maxIter: 100_000 },
        );
        expect(weighted.converged && repeated.converged).toBe(true);
        // same objective, the same minimizer; both at tol 1e-12 agree to ~1e-9, and a
        // mis-weighted term (a weight of 1 for 0, a plain mean for the weighted one) is off by >1e-3
        const scale = Math.max(1, ...Array.from(repeated.w, Math.abs));
        expectClose(weighted.w, repeated.w, { rtol: 1e-6, atol: 1e-6 * scale }, 'coef');
        expect(Math.abs(weighted.objective - repeated.objective)).toBeLessThanOrEqual(1e-8 * Math.abs(repeated.objective));
        // intercepts on the original scale: b − x̄ᵀw, with the (weighted) means each design subtracted
        const intercept = (r: typeof weighted, Xs: number[][], sw?: Float64Array) => {
          if (!fitIntercept) return 0;
          const d = toDesign(Xs, { center: true, weights: sw });
          return r.b - Array.from(r.w).reduce((s, v, j) => s + v * d.columnMeans[j], 0);
        };
        expect(Math.abs(intercept(weighted, X, weights) - intercept(repeated, repeatedX))).toBeLessThanOrEqual(1e-6 * scale);
      });
    }
  }
});
