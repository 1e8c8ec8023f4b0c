/** Gradients of every datafit and smooth penalty against central finite differences. */
import { describe, expect, it } from 'vitest';
import { toDesign } from '../../src/data/design.js';
import { Logistic, Quadratic, type Datafit } from '../../src/datafits/index.js';
import { L1, L1L2, L2, NoPenalty, type Penalty } from '../../src/penalties/index.js';
import { regressionData, rng } from '../helpers/fixtures.js';

const { X, y } = regressionData(3, 25, 6);
const design = toDesign(X, { center: false });
const signs = Float64Array.from(y, (v) => (v > 1.5 ? 1 : -1));
const targets = Float64Array.from(y);

// Central differences with h ~ 1e-5 have truncation error O(h²·F''') ≈ 1e-10 and
// round-off O(eps·|F|/h) ≈ 1e-9 relative; 1e-6 relative leaves a wide margin while
// a wrong factor (½, n, a sign) is off by O(1).
const FD = { h: 1e-5, rtol: 1e-6 };

const datafits: [string, Datafit<any>, Float64Array][] = [
  ['Quadratic(1/n)', new Quadratic(1 / 25), targets],
  ['Quadratic(2)', new Quadratic(2), targets],
  ['Logistic(C=1)', new Logistic(1), signs],
  ['Logistic(C=30)', new Logistic(30), signs],
];

describe.each(datafits)('%s', (_name, datafit, labels) => {
  const r = rng(11);
  const p = design.nFeatures;
  const w = Float64Array.from({ length: p }, () => r.normal() * 0.3);
  const b = r.normal() * 0.5;
  const valueAt = (ww: Float64Array, bb: number) => {
    const s = datafit.createState(design, labels);
    datafit.setIterate(s, design, ww, bb);
    return datafit.value(s);
  };
  const state = datafit.createState(design, labels);
  datafit.setIterate(state, design, w, b);

  it('gradient (vector and per coordinate) matches finite differences', () => {
    const grad = new Float64Array(p);
    const gb = datafit.gradient(state, design, grad);
    for (let j = 0; j < p; j++) {
      const plus = w.slice();
      const minus = w.slice();
      plus[j] += FD.h;
      minus[j] -= FD.h;
      const fd = (valueAt(plus, b) - valueAt(minus, b)) / (2 * FD.h);
      expect(Math.abs(grad[j] - fd)).toBeLessThanOrEqual(FD.rtol * Math.max(1, Math.abs(fd)));
      expect(datafit.partialGradient(state, design, j)).toBeCloseTo(grad[j], 10);
    }
    const fdb = (valueAt(w, b + FD.h) - valueAt(w, b - FD.h)) / (2 * FD.h);
    expect(Math.abs(gb - fdb)).toBeLessThanOrEqual(FD.rtol * Math.max(1, Math.abs(fdb)));
    expect(datafit.interceptGradient(state)).toBeCloseTo(gb, 10);
  });

  it('moveCoordinate and moveIntercept keep the state equal to a fresh one', () => {
    const s = datafit.createState(design, labels);
    datafit.setIterate(s, design, w, b);
    const moved = w.slice();
    moved[2] += 0.37;
    datafit.moveCoordinate(s, design, 2, 0.37);
    datafit.moveIntercept(s, -0.2);
    expect(datafit.value(s)).toBeCloseTo(valueAt(moved, b - 0.2), 10);
  });

  it('smoothness bounds the curvature along every column', () => {
    // second difference along column j ≤ smoothness·‖xⱼ‖² (+ round-off)
    for (let j = 0; j < p; j++) {
      const h = 1e-3;
      const plus = w.slice();
      const minus = w.slice();
      plus[j] += h;
      minus[j] -= h;
      const curvature = (valueAt(plus, b) - 2 * valueAt(w, b) + valueAt(minus, b)) / (h * h);
      expect(curvature).toBeLessThanOrEqual(datafit.smoothness * design.columnSquaredNorms[j] * (1 + 1e-4) + 1e-6);
    }
  });

  it('interceptStep does not increase the loss', () => {
    const s = datafit.createState(design, labels);
    datafit.setIterate(s, design, w, b);
    const before = datafit.value(s);
    datafit.moveIntercept(s, datafit.interceptStep(s));
    expect(datafit.value(s)).toBeLessThanOrEqual(before);
  });

  it('interceptStep minimizes over b, also where the classes are well separated', () => {
    // w ×20 puts most margins where σ(1 − σ) is far below its bound ¼, where the former
    // majorization step left ∂F/∂b far from 0 (this test failed on it). One step lowers F
    // and brings ∂F/∂b to round-off,
    // relative to its scale c·n (|∂F/∂zᵢ| ≤ c for the logistic loss, 2c·|yᵢ − zᵢ| for the
    // squared one); a second one changes nothing beyond round-off
    const s = datafit.createState(design, labels);
    datafit.setIterate(s, design, w.map((v) => 20 * v), b);
    const scale = datafit.smoothness * 4 * design.nSamples * Math.max(1, ...targets.map(Math.abs));
    const before = datafit.value(s);
    datafit.moveIntercept(s, datafit.interceptStep(s));
    expect(datafit.value(s)).toBeLessThan(before);
    expect(Math.abs(datafit.interceptGradient(s))).toBeLessThanOrEqual(1e-10 * scale);
    const again = datafit.interceptStep(s);
    expect(Math.abs(again)).toBeLessThanOrEqual(1e-9);
  });
});

describe('smooth penalties: gradientCoordinate matches finite differences', () => {
  const penalties: [string, Penalty][] = [
    ['L2(0.7)', new L2(0.7)],
    ['L1L2(1.3, l1Ratio 0)', new L1L2(1.3, 0)],
    ['NoPenalty', new NoPenalty()],
    ['L2(0.7) with penalty factors', new L2(0.7, { factors: Float64Array.of(1, 0, 2.5, 0.3) })],
  ];
  it.each(penalties)('%s', (_name, penalty) => {
    expect(penalty.smooth).toBe(true);
    const w = Float64Array.from([0.4, -1.2, 0, 2.5]);
    for (let j = 0; j < w.length; j++) {
      const plus = w.slice();
      const minus = w.slice();
      plus[j] += FD.h;
      minus[j] -= FD.h;
      const fd = (penalty.value(plus) - penalty.value(minus)) / (2 * FD.h);
      expect(Math.abs(penalty.gradientCoordinate!(w[j], j) - fd)).toBeLessThanOrEqual(FD.rtol * Math.max(1, Math.abs(fd)));
    }
  });

  it('L1 and L1L2 away from zero: the value changes at rate alpha·sign(w) (+ the L2 part)', () => {
    const w = Float64Array.from([0.4, -1.2]);
    for (const [penalty, l1, l2] of [[new L1(0.3), 0.3, 0], [new L1L2(0.8, 0.25), 0.2, 0.6]] as [Penalty, number, number][]) {
      for (let j = 0; j < w.length; j++) {
        const plus = w.slice();
        const minus = w.slice();
        plus[j] += FD.h;
        minus[j] -= FD.h;
        const fd = (penalty.value(plus) - penalty.value(minus)) / (2 * FD.h);
        expect(fd).toBeCloseTo(l1 * Math.sign(w[j]) + l2 * w[j], 8);
        // and the subdifferential distance is zero exactly where −grad equals that rate
        expect(penalty.subdifferentialDistance(w[j], -(l1 * Math.sign(w[j]) + l2 * w[j]), j)).toBeLessThan(1e-15);
      }
    }
  });
});
