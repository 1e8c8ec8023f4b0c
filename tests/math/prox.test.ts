/** Every prox solves its argmin: checked against a fine grid and random points. */
import { describe, expect, it } from 'vitest';
import { L1, L1L2, L2, NoPenalty, softThreshold, type Penalty } from '../../src/penalties/index.js';
// (with `positive`, g includes the indicator of u ≥ 0: value() is +∞ there, so the grid
// search below can never prefer an infeasible point)
import { rng } from '../helpers/fixtures.js';

describe('softThreshold', () => {
  it('is sign(x)·max(|x| − τ, 0), with exact zeros inside [−τ, τ]', () => {
    expect(softThreshold(3, 1)).toBe(2);
    expect(softThreshold(-3, 1)).toBe(-2);
    expect(Object.is(softThreshold(0.5, 1), 0)).toBe(true);
    expect(Object.is(softThreshold(-1, 1), 0)).toBe(true);
    expect(softThreshold(1e-300, 0)).toBe(1e-300);
  });
});

const penalties: [string, Penalty][] = [
  ['NoPenalty', new NoPenalty()],
  ['L1(0.6)', new L1(0.6)],
  ['L2(1.7)', new L2(1.7)],
  ['L1L2(1.1, 0.3)', new L1L2(1.1, 0.3)],
  ['L1L2(1.1, 1) = L1', new L1L2(1.1, 1)],
  ['L1L2(1.1, 0) = L2', new L1L2(1.1, 0)],
  // every coordinate below has factor vⱼ = 2.5 (the prox of coordinate 0 is checked on
  // the grid; the vector prox visits all of them)
  ['L1L2(1.1, 0.3) with penalty factors 2.5', new L1L2(1.1, 0.3, { factors: new Float64Array(64).fill(2.5) })],
  ['L1(0.6) with penalty factor 0 (unpenalized)', new L1(0.6, { factors: new Float64Array(64) })],
  ['L1(0.6), positive', new L1(0.6, { positive: true })],
  ['L1L2(1.1, 0.3), positive', new L1L2(1.1, 0.3, { positive: true })],
  ['NoPenalty, positive (NNLS)', new NoPenalty({ positive: true })],
];

describe.each(penalties)('%s prox', (_name, penalty) => {
  const objective = (u: number, x: number, step: number) => 0.5 * (u - x) ** 2 + step * penalty.value(Float64Array.of(u));
  const r = rng(5);
  const points = [0, 0.3, -0.3, 0.6, -2.5, 4, ...Array.from({ length: 20 }, () => 3 * r.normal())];

  it('minimizes ½(u − x)² + step·g(u) (grid of 4001 points and random perturbations)', () => {
    for (const step of [0.1, 1, 3]) {
      for (const x of points) {
        const u = penalty.proxCoordinate(x, step, 0);
        const best = objective(u, x, step);
        // a grid around x: nothing on it may beat the prox by more than round-off
        let gridMin = Infinity;
        for (let k = -2000; k <= 2000; k++) {
          gridMin = Math.min(gridMin, objective(x + (k / 2000) * (Math.abs(x) + 2), x, step));
        }
        expect(gridMin).toBeGreaterThanOrEqual(best - 1e-12);
        for (const d of [1e-6, -1e-6, 1e-3, -1e-3]) expect(objective(u + d, x, step)).toBeGreaterThanOrEqual(best - 1e-15);
      }
    }
  });

  it('vector prox equals the coordinate prox', () => {
    const x = Float64Array.from(points);
    const out = new Float64Array(x.length);
    penalty.prox(x, 0.7, out);
    for (let j = 0; j < x.length; j++) expect(out[j]).toBe(penalty.proxCoordinate(x[j], 0.7, j));
  });

  it('a prox output satisfies its own optimality condition: (x − u)/step ∈ ∂g(u)', () => {
    for (const x of points) {
      const step = 0.8;
      const u = penalty.proxCoordinate(x, step, 0);
      // gradient of the datafit ½(u − x)²/step at u is (u − x)/step
      expect(penalty.subdifferentialDistance(u, (u - x) / step, 0)).toBeLessThan(1e-12);
    }
  });

  // coordinate descent projects Anderson-extrapolated points back into the domain this way
  it('a step of size 0 is the projection onto the domain: the identity where g is finite, else the nearest feasible point', () => {
    for (const x of points) {
      const u = penalty.proxCoordinate(x, 0, 0);
      const feasible = Number.isFinite(penalty.value(Float64Array.of(x)));
      // exact: soft-thresholding by 0 and dividing by 1 change no bits
      expect(u).toBe(feasible ? x : 0);
      expect(Number.isFinite(penalty.value(Float64Array.of(u)))).toBe(true);
    }
  });
});
