/**
 * A fit is bounded: maxIter is respected by every strategy of every estimator, a fit
 * whose iterates overflow to NaN still stops (and says it did not converge), and memory
 * stays within 3× the size of X as Float64 on 1,000,000 × 20.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ElasticNet, Lasso, LogisticL2, Ridge, setWarningHandler, type PenalizedWarning } from '../../src/index.js';
import { regressionData } from '../helpers/fixtures.js';

let restore: (() => void) | undefined;
function captureWarnings(): PenalizedWarning[] {
  const warnings: PenalizedWarning[] = [];
  const previous = setWarningHandler((w) => warnings.push(w));
  restore = () => setWarningHandler(previous);
  return warnings;
}
afterEach(() => {
  restore?.();
  restore = undefined;
});

// an ill-conditioned problem (correlation 0.99) that no strategy solves to tol 0
const { X, y } = regressionData(11, 60, 12, { rho: 0.99 });
const labels = y.map((v) => (v > 1.5 ? 'up' : 'down'));

type Make = (options: Record<string, unknown>) => { fit(X: unknown, y: unknown, o?: object): unknown; nIter: number; converged: boolean; coef: Float64Array };
const estimators: { name: string; make: Make; solvers: readonly string[]; target: unknown[]; extra: Record<string, unknown> }[] = [
  { name: 'Ridge', make: (o) => new Ridge(o as never), solvers: Ridge.parameters.solver.choices, target: y, extra: { alpha: 1e-6 } },
  { name: 'Lasso', make: (o) => new Lasso(o as never), solvers: Lasso.parameters.solver.choices, target: y, extra: { alpha: 1e-6 } },
  { name: 'ElasticNet', make: (o) => new ElasticNet(o as never), solvers: ElasticNet.parameters.solver.choices, target: y, extra: { alpha: 1e-6, l1Ratio: 0.5 } },
  { name: 'LogisticL2', make: (o) => new LogisticL2(o as never), solvers: LogisticL2.parameters.solver.choices, target: labels, extra: { C: 1e4 } },
];
const cases = estimators.flatMap((e) => e.solvers.map((solver) => [e.name, solver, e] as const));

describe('maxIter is respected by every strategy (read from each estimator’s solver choices)', () => {
  it.each(cases)('%s, solver %s', (_name, solver, e) => {
    for (const maxIter of [1, 2, 7]) {
      const warnings = captureWarnings();
      let calls = 0;
      const model = e.make({ ...e.extra, solver, maxIter, tol: 0 });
      model.fit(X, e.target, { onIteration: () => void calls++ });
      restore?.();
      expect(model.nIter).toBeLessThanOrEqual(maxIter);
      expect(calls).toBeLessThanOrEqual(maxIter);
      expect(Array.from(model.coef).every(Number.isFinite)).toBe(true);
      if (solver === 'direct' || (solver === 'auto' && e.name === 'Ridge')) {
        // the exact solve is not iterative: one "iteration", always converged
        expect(model.nIter).toBe(1);
        expect(model.converged).toBe(true);
      } else {
        // tol 0 cannot be met: the cap is what stopped the fit, and it says so
        expect(model.nIter).toBe(maxIter);
        expect(model.converged).toBe(false);
        expect(warnings).toHaveLength(1);
        expect(warnings[0].code).toBe('CONVERGENCE');
        expect(warnings[0].message).toContain(`did not converge in ${maxIter} iterations`);
      }
    }
  });

  it('onIteration returning false stops every iterative strategy at once', () => {
    const previous = setWarningHandler(null);
    restore = () => setWarningHandler(previous);
    for (const [, solver, e] of cases) {
      if (solver === 'direct' || (solver === 'auto' && e.name === 'Ridge')) continue;
      const model = e.make({ ...e.extra, solver, maxIter: 1000, tol: 0 });
      model.fit(X, e.target, { onIteration: ({ iteration }: { iteration: number }) => iteration < 3 });
      expect(model.nIter, `${e.name} ${solver}`).toBe(3);
      expect(model.converged).toBe(false);
    }
  });
});

describe('NaN produced mid-way never makes a fit loop forever', () => {
  // Shrunk by fast-check (tests/properties/determinism.test.ts): FISTA's iterates used to
  // become NaN on these finite inputs (entries 1e100 and 1e150, whose squares still fit in
  // float64) when its step bound overflowed. FISTA now converges on them
  // (tests/extremes/fista.test.ts); this stays as a budget: whatever a strategy does, the
  // fit stops within maxIter and a non-finite model never passes as converged.
  const overflowing = [
    { X: [[0, 0, 0, 0], [1e100, 0, 0, 0]], y: [0, 5e-324] },
    { X: [[-0, 0], [0, 1e150]], y: [0, 1e100] },
  ];
  it.each(overflowing.map((c, i) => [i, c] as const))('case %i: the fit stops within maxIter and reports converged = false', (_i, c) => {
    const warnings = captureWarnings();
    const start = performance.now();
    const model = new Ridge({ alpha: 0.5, solver: 'fista', maxIter: 5000 }).fit(c.X, c.y);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(model.nIter).toBeLessThanOrEqual(5000);
    if (!Array.from(model.coef).every(Number.isFinite)) {
      // a NaN model must at least say it did not converge
      expect(model.converged).toBe(false);
      expect(warnings.map((w) => w.code)).toContain('CONVERGENCE');
    }
  });

  it('data whose sums of squares overflow is refused up front, naming the column', () => {
    const big = [[1e200, 1], [-1e200, 2], [3e199, 3]];
    for (const make of [() => new Ridge(), () => new Lasso(), () => new LogisticL2()]) {
      expect(() => make().fit(big, make() instanceof LogisticL2 ? [0, 1, 0] : [1, 2, 3])).toThrow(/column 0 of X is too large: its sum of squares overflows \(X\[0\]\[0\] is 1e\+200\)/);
    }
  });
});

describe('memory', () => {
  it('a 1,000,000 × 20 Lasso fit adds less than 3× the size of X as Float64 (measured in a child process)', () => {
    const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, '1000000', '20'], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      timeout: 120_000,
    });
    const m = JSON.parse(out.trim().split('\n').pop()!) as { xFloat64Bytes: number; peakGrowthBytes: number; ratioToX: number; converged: boolean; nonzero: number };
    console.log(`memory: peak growth ${(m.peakGrowthBytes / 1e6).toFixed(1)} MB = ${m.ratioToX.toFixed(2)} × X (${m.xFloat64Bytes / 1e6} MB as Float64)`);
    expect(m.converged).toBe(true);
    expect(m.nonzero).toBeGreaterThanOrEqual(3); // a real fit, not the trivial solution
    expect(m.peakGrowthBytes).toBeLessThan(3 * m.xFloat64Bytes);
  }, 120_000);
});
