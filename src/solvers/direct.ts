/**
 * Exact solve for a squared loss with a purely quadratic penalty (Linear, Ridge):
 *
 *     minimize (s/2)·Σᵢ swᵢ(yᵢ − b − xᵢw)² + (λ/2)·‖w‖²
 *     ⇔   (s·XᵀWX + λI)·w = s·XᵀW(y − b),   W = diag(sw), b the weighted mean of y
 *
 * - n ≥ p: the p×p normal equations (scikit-learn's `cholesky` Ridge solver).
 * - n < p: the n×n kernel form w = XᵀW^½c with (s·W^½XXᵀW^½ + λI)·c = s·W^½(y − b),
 *   the same solution at a fraction of the cost (scikit-learn does the same for wide X).
 *
 * The system is equilibrated (unit diagonal) and factored by Cholesky (ml-matrix);
 * when it is singular or too ill-conditioned for Cholesky to be trusted (λ = 0 with
 * collinear columns) the SVD pseudo-inverse gives the minimum-norm solution, as
 * scikit-learn's `LinearRegression` (lstsq) does. Two steps of iterative refinement
 * against the true residual recover the digits the normal equations lose.
 *
 * @module
 */
import { CholeskyDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { Design } from '../data/design.js';
import { PenalizedError } from '../errors.js';
import { axpyColumn, dotColumn, matTVec, matVec, weightedMean } from '../linalg/kernels.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** Below this smallest pivot (of a unit-diagonal matrix) Cholesky is not trusted. */
const PIVOT_FLOOR = 1e-12;
const REFINEMENT_STEPS = 2;

/** Whether {@link directSolve} applies to this datafit/penalty pair. */
export function directApplies(problem: Problem): boolean {
  return problem.datafit.quadraticWeight !== undefined && problem.penalty.quadraticStrength !== undefined;
}

export function directSolve(problem: Problem, _options?: SolveOptions): SolveResult {
  const { design, y, datafit, penalty, fitIntercept } = problem;
  if (!directApplies(problem)) {
    throw new PenalizedError(
      'SOLVER_UNSUPPORTED',
      `the direct solver needs a squared loss and a purely quadratic penalty; got ${datafit.name} + ${penalty.name}. Use strategy 'cd' or 'fista'.`,
    );
  }
  const s = datafit.quadraticWeight!;
  const lambda = penalty.quadraticStrength!;
  const { nSamples: n, nFeatures: p } = design;
  const sw = datafit.sampleWeights;
  const b = fitIntercept ? weightedMean(y, sw) : 0;
  // the weighted target sw∘(y − b), and √sw for the kernel form
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = (sw ? sw[i] : 1) * (y[i] - b);

  let w: Float64Array;
  if (n >= p) {
    const solveNormal = factorSymmetric(gram(design, s, lambda, sw), p);
    const rhs = new Float64Array(p);
    matTVec(design, target, rhs);
    for (let j = 0; j < p; j++) rhs[j] *= s;
    w = solveNormal(rhs);
    // iterative refinement: w += A⁻¹(s·XᵀW(y − b − Xw) − λw)
    const residual = new Float64Array(n);
    for (let step = 0; step < REFINEMENT_STEPS; step++) {
      matVec(design, w, 0, residual);
      for (let i = 0; i < n; i++) residual[i] = target[i] - (sw ? sw[i] : 1) * residual[i];
      matTVec(design, residual, rhs);
      for (let j = 0; j < p; j++) rhs[j] = s * rhs[j] - lambda * w[j];
      const correction = solveNormal(rhs);
      for (let j = 0; j < p; j++) w[j] += correction[j];
    }
  } else {
    const root = sw ? sw.map(Math.sqrt) : undefined;
    const solveKernel = factorSymmetric(kernel(design, s, lambda, root), n);
    const rhs = new Float64Array(n);
    // s·W^½(y − b) = s·target/√sw (0 where sw = 0)
    for (let i = 0; i < n; i++) rhs[i] = s * (root ? (root[i] > 0 ? target[i] / root[i] : 0) : target[i]);
    const c = solveKernel(rhs);
    if (root) for (let i = 0; i < n; i++) c[i] *= root[i];
    w = new Float64Array(p);
    matTVec(design, c, w);
  }

  const state = datafit.createState(design, y);
  datafit.setIterate(state, design, w, b);
  const rule = new StoppingRule(problem, 0);
  return {
    w,
    b,
    nIter: 1,
    converged: true,
    strategy: 'direct',
    criterion: 'exact',
    optimality: rule.kktResidual(state, w),
    threshold: 0,
    objective: objectiveValue(problem, state, w),
  };
}

/** s·XᵀWX + λI as a dense row-major p×p array (exactly symmetric). */
function gram(design: Design, s: number, lambda: number, sw?: Float64Array): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  const A = new Float64Array(p * p);
  const weighted = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) weighted[i] = (sw ? sw[i] : 1) * values[j * n + i];
    for (let k = j; k < p; k++) {
      const v = s * dotColumn(values, k * n, weighted, n);
      A[j * p + k] = v;
      A[k * p + j] = v;
    }
    A[j * p + j] += lambda;
  }
  return A;
}

/** s·W^½XXᵀW^½ + λI as a dense row-major n×n array, accumulated one column at a time. */
function kernel(design: Design, s: number, lambda: number, root?: Float64Array): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  const K = new Float64Array(n * n);
  const row = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    for (let i = 0; i < n; i++) {
      const xi = values[off + i];
      if (xi === 0) continue;
      row.set(K.subarray(i * n, i * n + n));
      axpyColumn(xi, values, off, row, n);
      K.set(row, i * n);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) K[i * n + k] *= s * (root ? root[i] * root[k] : 1);
    K[i * n + i] += lambda;
  }
  // make exactly symmetric (rounding may differ between the two triangles)
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      const v = 0.5 * (K[i * n + k] + K[k * n + i]);
      K[i * n + k] = v;
      K[k * n + i] = v;
    }
  }
  return K;
}

/**
 * Factors a symmetric positive semi-definite m×m matrix once and returns a solver.
 * Equilibrates to unit diagonal first; Cholesky when well conditioned, else the
 * SVD pseudo-inverse (minimum-norm solution).
 */
function factorSymmetric(A: Float64Array, m: number): (rhs: Float64Array) => Float64Array {
  const d = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const a = A[i * m + i];
    d[i] = a > 0 ? 1 / Math.sqrt(a) : 1;
  }
  const scaled = new Matrix(m, m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) scaled.set(i, k, A[i * m + k] * (d[i] * d[k])); // (d_i·d_k) commutes exactly: stays symmetric
  }
  const cholesky = new CholeskyDecomposition(scaled);
  let trusted = cholesky.isPositiveDefinite();
  if (trusted) {
    const L = cholesky.lowerTriangularMatrix;
    for (let i = 0; i < m; i++) {
      const pivot = L.get(i, i);
      if (!(pivot * pivot > PIVOT_FLOOR)) trusted = false;
    }
  }
  const decomposition = trusted ? cholesky : new SingularValueDecomposition(scaled, { autoTranspose: true });
  return (rhs: Float64Array) => {
    const column = new Matrix(m, 1);
    for (let i = 0; i < m; i++) column.set(i, 0, d[i] * rhs[i]);
    const solved = decomposition.solve(column);
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = d[i] * solved.get(i, 0);
    return out;
  };
}
