/**
 * The covariance (Gram) form of the squared loss: its duality gap against the
 * sample-space one, its coordinate descent against the sample-space strategy (objective,
 * KKT, support), the fold moments against a direct centered Gram matrix, and the
 * cross-validation routes against each other.
 */
import { describe, expect, it } from 'vitest';
import { designOfRows, toDesign } from '../../src/data/design.js';
import { Quadratic } from '../../src/datafits/quadratic.js';
import { gramMatrix } from '../../src/linalg/gram.js';
import { combineMoments, covarianceFormPays, gramOfPathData, gramPathData, rowMoments, solveGramPath } from '../../src/path/covariance.js';
import { lassoPath } from '../../src/path/index.js';
import { type PathData, solvePath } from '../../src/path/solvePath.js';
import { L1L2 } from '../../src/penalties/l1l2.js';
import type { Penalty } from '../../src/penalties/types.js';
import { crossValidatePath } from '../../src/selection/pathCV.js';
import { gramCoordinateDescent } from '../../src/solvers/gramCoordinateDescent.js';
import { StoppingRule, gramDualityGap, objectiveValue } from '../../src/solvers/stopping.js';
import type { Problem } from '../../src/solvers/types.js';
import { captureWarnings } from '../helpers/warnings.js';
import { expectClose, regressionData, rng } from '../helpers/fixtures.js';
import { loadCsv } from '../path/helpers.js';
import { maxRelativeError, referenceElasticNet } from '../helpers/reference.js';

/** A tall problem in both forms: sample space (centered design) and covariance form. */
function bothForms(seed: number, n: number, p: number, options: { weights?: boolean; fitIntercept?: boolean; offset?: number } = {}) {
  const { fitIntercept = true, offset = 0 } = options;
  const r = rng(seed + 1);
  const { X, y } = regressionData(seed, n, p, { k: 4 });
  const Xo = X.map((row) => row.map((v, j) => v + offset * (j + 1)));
  const sw = options.weights ? Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? 0 : 0.2 + 2 * r.uniform())) : undefined;
  const design = toDesign(Xo, { center: fitIntercept, weights: sw });
  const data: PathData = { design, y: Float64Array.from(y), sampleWeight: sw, fitIntercept };
  return { X: Xo, y, sw, data, gram: gramOfPathData(data) };
}

/** The sample-space problem of a path at one penalty. */
function sampleProblem(data: PathData, penalty: Penalty): Problem {
  const total = data.sampleWeight ? data.sampleWeight.reduce((a, b) => a + b, 0) : data.design.nSamples;
  return { design: data.design, y: data.y, datafit: new Quadratic(1 / total, data.sampleWeight), penalty, fitIntercept: data.fitIntercept };
}

/** The sample-space datafit state at w with its optimal intercept. */
function stateAt(problem: Problem, w: Float64Array) {
  const datafit = problem.datafit as Quadratic;
  const state = datafit.createState(problem.design, problem.y);
  datafit.setIterate(state, problem.design, w, 0);
  if (problem.fitIntercept) datafit.moveIntercept(state, datafit.interceptStep(state));
  return state;
}

/** ∇F(0) with the best intercept: its largest entry is alphaMax for the Lasso. */
function alphaMaxOf(gramForm: ReturnType<typeof bothForms>['gram']): number {
  return Math.max(...Array.from(gramForm.datafit.linear, Math.abs));
}

const penalties: [string, (alphaMax: number) => L1L2][] = [
  ['Lasso', (a) => new L1L2(a / 20, 1)],
  ['ElasticNet 0.5', (a) => new L1L2(a / 10, 0.5)],
  ['positive Lasso', (a) => new L1L2(a / 20, 1, { positive: true })],
];

describe('the duality gap in covariance form equals the sample-space gap', () => {
  for (const [label, options] of [
    ['with intercept', {}],
    ['with intercept and sample weights', { weights: true }],
    ['without intercept', { fitIntercept: false }],
  ] as const) {
    for (const [name, makePenalty] of penalties) {
      it(`${name}, ${label}, at points away from the solution`, () => {
        const forms = bothForms(3, 150, 12, options);
        const penalty = makePenalty(alphaMaxOf(forms.gram));
        const problem = sampleProblem(forms.data, penalty);
        const rule = new StoppingRule(problem, 1e-4);
        const r = rng(9);
        const u = new Float64Array(12);
        for (let trial = 0; trial < 5; trial++) {
          // sparse points, with a few negative entries (outside the positive domain the primal
          // is +∞ on both sides, so those coordinates are taken in absolute value there)
          const w = Float64Array.from({ length: 12 }, (_, j) => (j % 3 === trial % 3 ? 0 : 0.3 * r.normal()));
          if (name.startsWith('positive')) w.forEach((v, j) => (w[j] = Math.abs(v)));
          const expected = rule.dualityGap(stateAt(problem, w), w);
          const actual = gramDualityGap(forms.gram.datafit, penalty, w, forms.gram.datafit.product(w), u);
          // both are the same function of the same dual point, rounded differently: each is
          // within ~1e-15·(a + P) of exact; 1e-10·a still tells a dropped ½ or sign (errors ≥ 1e-3·a)
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 * forms.gram.datafit.targetSquares);
          expect(expected).toBeGreaterThan(1e-6 * forms.gram.datafit.targetSquares); // not a trivial 0 = 0
        }
      });
    }
  }
});

describe('coordinate descent on the Gram matrix solves the same problem', () => {
  for (const [label, options] of [
    ['unweighted', {}],
    ['sample weights', { weights: true }],
    ['no intercept', { fitIntercept: false }],
  ] as const) {
    for (const [name, makePenalty] of penalties) {
      it(`${name}, ${label}: same objective, KKT holds in sample space, same support`, () => {
        const forms = bothForms(21, 400, 30, options);
        const penalty = makePenalty(alphaMaxOf(forms.gram));
        const problem = sampleProblem(forms.data, penalty);
        const tol = 1e-12;
        const gram = gramCoordinateDescent({ datafit: forms.gram.datafit, penalty }, { tol, maxIter: 100_000 });
        const sample = solvePath(forms.data, { l1Ratio: penalty.l1Ratio, positive: penalty.positive }, Float64Array.of(penalty.alpha), { tol, maxIter: 100_000 });
        expect(gram.converged && sample.converged[0]).toBe(true);
        const ws = sample.coefs[0];
        // each objective is within its gap (≤ tol·a) of the minimum, so they differ by at most 2·tol·a
        const a = forms.gram.datafit.targetSquares;
        const objective = (w: Float64Array) => objectiveValue(problem, stateAt(problem, w), w);
        expect(Math.abs(objective(gram.w) - objective(ws))).toBeLessThanOrEqual(2 * tol * a);
        // KKT in sample space, per coordinate in units of alpha: a gap of 1e-12·a bounds the
        // distance to the solution by ~1e-6 (this problem's smallest curvature is ~0.3), and
        // the violations by that times the curvature; a wrong step is off by ~1e-2 or more
        const gradient = new Float64Array(30);
        problem.datafit.gradient(stateAt(problem, gram.w), problem.design, gradient);
        let worst = 0;
        for (let j = 0; j < 30; j++) worst = Math.max(worst, penalty.subdifferentialDistance(gram.w[j], gradient[j], j));
        expect(worst).toBeLessThanOrEqual(1e-5 * penalty.alpha);
        expect(Array.from(gram.w, (v) => v !== 0)).toEqual(Array.from(ws, (v) => v !== 0));
        const support = ws.filter((v) => v !== 0).length;
        expect(support).toBeGreaterThan(0);
        expect(support).toBeLessThan(30);
      });
    }
  }

  it('Anderson extrapolation leaves the solution unchanged and saves epochs on ill-conditioned data', () => {
    // the diabetes columns are strongly correlated (s1, s2, s4): at alphaMax/1000 plain epochs crawl
    const { X, y } = loadCsv('diabetes');
    const design = toDesign(X, { center: true });
    const gram = gramOfPathData({ design, y: Float64Array.from(y), fitIntercept: true });
    const penalty = new L1L2(alphaMaxOf(gram) / 1000, 1);
    const options = { tol: 1e-10, maxIter: 1_000_000 };
    const fast = gramCoordinateDescent({ datafit: gram.datafit, penalty }, options);
    const plain = gramCoordinateDescent({ datafit: gram.datafit, penalty }, { ...options, extrapolation: false });
    expect(fast.converged && plain.converged).toBe(true);
    // measured: 91 epochs against 1071; 0.3 still fails if extrapolation never takes hold
    expect(fast.nIter).toBeLessThan(0.3 * plain.nIter);
    const a = gram.datafit.targetSquares;
    const objective = (w: Float64Array) => 0.5 * gram.datafit.residualSquares(w, gram.datafit.product(w)) + penalty.value(w);
    expect(Math.abs(objective(fast.w) - objective(plain.w))).toBeLessThanOrEqual(2 * options.tol * a);
  });
});

describe('fold moments', () => {
  it("a fold's training Gram matrix from the held-out moments equals the centered Gram matrix of its rows, even far from the origin", () => {
    // columns with means up to 4e6 and spread 1: centering by subtraction of raw moments
    // would lose ~1e13·ε ≈ 1e-3 of every entry; the shifted moments keep it near ε
    const n = 240;
    const p = 9;
    const forms = bothForms(8, n, p, { weights: true, offset: 4e5 });
    const raw = toDesign(forms.X, { center: false, weights: forms.sw });
    const y = Float64Array.from(forms.y);
    const ids = Array.from({ length: n }, (_, i) => (i * 7) % 4);
    const rowsOf = (f: number, held: boolean) => Int32Array.from(ids.flatMap((id, i) => ((id === f) === held ? [i] : [])));
    const shift = new Float64Array(p + 1);
    shift.set(forms.data.design.columnMeans);
    shift[p] = y.reduce((s, v, i) => s + forms.sw![i] * v, 0) / forms.sw!.reduce((s, v) => s + v, 0);
    const blocks = [0, 1, 2, 3].map((f) => rowMoments(raw, y, rowsOf(f, true), shift, forms.sw));
    const total = blocks.reduce((a, b) => combineMoments(a, b, 1));
    for (let f = 0; f < 4; f++) {
      const train = rowsOf(f, false);
      const swTrain = Float64Array.from(train, (i) => forms.sw![i]);
      const fromMoments = gramPathData(combineMoments(total, blocks[f], -1), shift, true);
      // the direct way: the fold's rows centered on their own weighted means, then XᵀWX
      const design = designOfRows(raw, train, { center: true, weights: swTrain });
      const S = swTrain.reduce((s, v) => s + v, 0);
      const H = gramMatrix(design.values, train.length, p, swTrain).map((v) => v / S);
      const yTrain = Float64Array.from(train, (i) => y[i]);
      const ybar = yTrain.reduce((s, v, i) => s + swTrain[i] * v, 0) / S;
      const c = Array.from({ length: p }, (_, j) => yTrain.reduce((s, v, i) => s + swTrain[i] * design.values[j * train.length + i] * (v - ybar), 0) / S);
      const scale = Math.max(...Array.from(H, Math.abs));
      // both within ~n·ε·scale of exact; 1e-11·scale fails by 1e7 without the shift
      expectClose(fromMoments.datafit.gram, H, { rtol: 0, atol: 1e-11 * scale }, `H of fold ${f}`);
      expectClose(fromMoments.datafit.linear, c, { rtol: 0, atol: 1e-11 * Math.sqrt(scale * fromMoments.datafit.targetSquares) }, `c of fold ${f}`);
      expectClose(fromMoments.means.subarray(0, p), design.columnMeans, { rtol: 1e-13, atol: 0 }, `means of fold ${f}`);
      expectClose([fromMoments.means[p]], [ybar], { rtol: 1e-13, atol: 0 }, `ȳ of fold ${f}`);
    }
  });
});

describe('cross-validation: the covariance form agrees with the sample-space paths', () => {
  const { X, y } = regressionData(17, 300, 20, { k: 6 });
  const r = rng(4);
  const weights = y.map(() => 0.5 + r.uniform());
  const base = { nAlphas: 30, eps: 1e-3, fitIntercept: true, maxIter: 100_000, tol: 1e-10, positive: false, shuffle: false, seed: 0, l1RatioList: true, cv: 4 };
  for (const [label, extra] of [
    ['LassoCV', { l1Ratios: Float64Array.of(1) }],
    ['ElasticNetCV [0.5, 1], sample weights', { l1Ratios: Float64Array.of(0.5, 1) }],
    ['positive LassoCV', { l1Ratios: Float64Array.of(1), positive: true }],
    ['LassoCV without intercept', { l1Ratios: Float64Array.of(1), fitIntercept: false }],
  ] as const) {
    it(label, () => {
      const sw = label.includes('weights') ? weights : undefined;
      const run = (gram: boolean) => crossValidatePath('LassoCV', X, y, sw, { ...base, ...extra, gram } as Parameters<typeof crossValidatePath>[4]);
      const sample = run(false);
      const other = run(true);
      // every fit solved to a gap ≤ 1e-10·a: held-out errors agree to ~1e-8 relative
      const flat = (o: typeof sample) => o.selection.msePath.flatMap((rows) => rows.flatMap((row) => Array.from(row)));
      expectClose(flat(other), flat(sample), { rtol: 1e-6, atol: 0 }, 'msePath');
      expect(other.selection.alpha).toBe(sample.selection.alpha);
      expect(other.selection.l1Ratio).toBe(sample.selection.l1Ratio);
    });
  }
});

describe('when the covariance form is used', () => {
  it('a 100-alpha path: tall with p < 500 only', () => {
    expect(covarianceFormPays(200, [5000], 100, 0.5 * 5000 * 200 * 200)).toBe(true);
    expect(covarianceFormPays(600, [5000], 100, 0.5 * 5000 * 600 * 600)).toBe(false);
    expect(covarianceFormPays(200, [200], 100, 0.5 * 200 * 200 * 200)).toBe(false); // n = p
  });
  it('cross-validation shares the Gram pass among folds: p = 1500 pays with 5 folds', () => {
    const trains = [8000, 8000, 8000, 8000, 8000];
    expect(covarianceFormPays(1500, trains, 100, 0.5 * 10000 * 1500 * 1500)).toBe(true);
  });
  it('a tall path starts at alphaMax with every coefficient exactly 0', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { X, y } = regressionData(seed, 200, 8, { k: 3 });
      expect(Array.from(lassoPath(X, y, { nAlphas: 3 }).coefs[0])).toEqual(new Array(8).fill(0));
    }
  });
});

describe('lassoPath on tall data (covariance form) against the sample-space path', () => {
  it('same solutions at every alpha', () => {
    const { X, y } = regressionData(31, 500, 15, { k: 5 });
    const warnings = captureWarnings();
    const path = lassoPath(X, y, { nAlphas: 20, tol: 1e-10 });
    const design = toDesign(X, { center: true });
    const sample = solvePath({ design, y: Float64Array.from(y), fitIntercept: true }, { l1Ratio: 1, positive: false }, path.alphas, { tol: 1e-10, maxIter: 1000 });
    expect(path.converged.every(Boolean) && sample.converged.every(Boolean)).toBe(true);
    for (let k = 0; k < 20; k++) {
      // both within ~1e-5·max|w| of the solution at tol 1e-10 (curvature ≥ ~0.3)
      const scale = Math.max(1e-300, ...Array.from(sample.coefs[k], Math.abs));
      expectClose(path.coefs[k], sample.coefs[k], { rtol: 0, atol: 1e-5 * scale }, `coefs at alpha ${k}`);
      expectClose([path.intercepts[k]], [sample.intercepts[k]], { rtol: 1e-6, atol: 1e-9 }, `intercept at alpha ${k}`);
    }
    expect(warnings).toEqual([]);
  });

  it('certifies columns in units of 1e±120 within a few epochs, without the sample-space gap\'s rounding discount', () => {
    // the data of tests/extremes/gap-certification.test.ts: 60×4, where the sample-space gap
    // read ε·‖xⱼ‖·‖θ‖ ≫ alpha and needed the discount; here uⱼ = cⱼ − qⱼ is what CD zeroes
    const r = rng(2024);
    const X = Array.from({ length: 60 }, () => Array.from({ length: 4 }, () => r.normal()));
    const y = X.map((row) => row[0] - 2 * row[1] + 0.5 * row[2] + 3 * row[3] + 0.3 + 0.2 * r.normal());
    for (const scales of [
      [1e120, 1, 1e-120, 1e60],
      [1e-60, 1e120, 1, 1e-120],
    ]) {
      const Xs = X.map((row) => row.map((v, j) => v * scales[j]));
      for (const fitIntercept of [true, false]) {
        const path = lassoPath(Xs, y, { alphas: [0.05], fitIntercept });
        expect(path.converged[0]).toBe(true);
        expect(path.nIters[0]).toBeLessThan(100); // measured 5–11; unscaled ~10
        // what was certified is the solution: predictions against the unscaled problem with
        // penalties alpha/sⱼ, solved by a plain reference CD; 1e-6 relative, as that test asks
        const reference = referenceElasticNet(X, y, scales.map((s) => 0.05 / s), [0, 0, 0, 0], fitIntercept);
        const predict = (M: number[][], w: ArrayLike<number>, b: number) => M.map((row) => row.reduce((sum, v, j) => sum + v * w[j], b));
        expect(maxRelativeError(predict(Xs, path.coefs[0], path.intercepts[0]), predict(X, reference.v, reference.b))).toBeLessThan(1e-6);
      }
    }
  });
});
