/**
 * Exact solve for a squared loss with a purely quadratic penalty (Linear, Ridge):
 *
 *     minimize (s/2)·Σᵢ swᵢ(yᵢ − b − xᵢw)² + (λ/2)·‖w‖²
 *     ⇔   (s·XᵀWX + λI)·w = s·XᵀW(y − b),   W = diag(sw), b the weighted mean of y
 *
 * - n ≥ p: the p×p normal equations (scikit-learn's `cholesky` Ridge solver).
 * - n < p: the n×n kernel form w = XᵀW^½c with (s·W^½XXᵀW^½ + λI)·c = s·W^½(y − b),
 *   the same solution at a fraction of the cost (scikit-learn does the same for wide X).
 *   With an intercept the columns are centered, so the kernel matrix is singular along
 *   r = W^½·1 (and so is XᵀWX when n = p): γ·rrᵀ is added to it, which the solution does
 *   not see (rᵀ·rhs = 0 forces rᵀc = 0) but Cholesky does. The kernel form is used
 *   whenever the centered X has fewer rows than columns, n − 1 < p.
 *
 * The system is equilibrated (unit diagonal) and factored by Cholesky, then
 * two steps of iterative refinement against the true residual recover the digits the
 * normal equations lose. When Cholesky cannot be trusted (collinear columns: forming
 * XᵀX squares the condition number), an SVD of X itself gives the least-squares
 * solution of minimum norm ‖w‖, as scikit-learn's `LinearRegression` (lstsq) does: when
 * many w fit equally well, the same one as scikit-learn.
 *
 * **The iterative shortcut.** Forming XᵀX costs n·p²/2 multiply-adds (1.25 s at
 * 20000×500); a conjugate-gradient iteration costs two passes over X, about a sixth of
 * p of them as much. On well-conditioned data CG reaches the same answer (to ~1e-15,
 * certified by the true residual: see `conjugateGradient.ts`) in far fewer than p/6
 * iterations, so large tall problems try it first and fall back to the factorization
 * when its progress says it will not get there within that budget. For collinear
 * columns it converges to the same minimum-norm solution the SVD gives (without a
 * preconditioner when λ = 0, CG's iterates stay in the row space of X), usually much
 * sooner than the SVD; so when Cholesky refuses XᵀX, or XXᵀ for wide X (a duplicated
 * row), CG on the normal equations gets a larger budget before the SVD is computed.
 *
 * @module
 */
import type { Design } from '../data/design.js';
import { PenalizedError } from '../errors.js';
import { cholesky, choleskySolve, thinSVD } from '../linalg/dense.js';
import { gramMatrix, outerGramMatrix } from '../linalg/gram.js';
import { matTVec, matVec, weightedMean } from '../linalg/kernels.js';
import { conjugateGradientToRoundoff } from './conjugateGradient.js';
import { StoppingRule, objectiveValue } from './stopping.js';
import type { Problem, SolveOptions, SolveResult } from './types.js';

/** Below this smallest pivot (of a unit-diagonal matrix) Cholesky is not trusted. */
const PIVOT_FLOOR = 1e-12;
const REFINEMENT_STEPS = 2;
/**
 * The iterative shortcut is tried when forming XᵀX would take more than this many
 * multiply-adds (~50 ms) and p is at least {@link SHORTCUT_MIN_FEATURES}: below that its
 * budget of p/6 iterations is too small for CG to reach round-off.
 */
const SHORTCUT_WORK = 1e8;
const SHORTCUT_MIN_FEATURES = 400;
/** A CG iteration (two passes over X) costs about as much as p/6 of XᵀX's n·p²/2 multiply-adds (measured). */
const SHORTCUT_BUDGET_PER_FEATURE = 1 / 6;
/**
 * When Cholesky refuses XᵀX (or XXᵀ), CG gets up to 4·min(n, p) iterations before the SVD
 * (a QR of X, then the Jacobi SVD of R: 1.1 s for a 3000×200 design with a duplicated
 * column, where CG takes 0.09 s; 23 s for a 500×10000 design with a duplicated row,
 * where CG takes 0.3 s). Without a preconditioner (λ = 0: see the module comment) CG
 * needs more iterations on columns of unequal scales, and its early rate underestimates
 * it: one-hot columns with every level (the test) need 37 iterations at p = 35, and 2p
 * gave up after 12; a 3000×400 design with every third column ×1000 converges within 4p
 * in 0.86 s, where the SVD takes 5.7 s.
 */
const FALLBACK_BUDGET_FACTOR = 4;

/** Whether {@link directSolve} applies to this datafit/penalty pair. */
export function directApplies(problem: Problem): boolean {
  return problem.datafit.quadraticWeight !== undefined && problem.penalty.quadraticStrength !== undefined;
}

export function directSolve(problem: Problem, options?: SolveOptions): SolveResult {
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
  // centered columns span at most n − 1 dimensions: then XᵀWX is singular from n = p on
  const primal = (fitIntercept ? n - 1 : n) >= p;
  if (primal && n * p * p > SHORTCUT_WORK && p >= SHORTCUT_MIN_FEATURES && options?.iterativeShortcut !== false) {
    const shortcut = conjugateGradientToRoundoff(problem, Math.floor(SHORTCUT_BUDGET_PER_FEATURE * p));
    if (shortcut.converged) return exactResult(problem, shortcut.w, b);
  }
  // the weighted target sw∘(y − b), and √sw for the kernel form
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = (sw ? sw[i] : 1) * (y[i] - b);

  let w: Float64Array;
  const solveNormal = primal ? factorSymmetric(gram(design, s, lambda, sw), p) : undefined;
  const root = sw ? sw.map(Math.sqrt) : undefined;
  const solveKernel = primal ? undefined : factorSymmetric(kernel(design, s, lambda, root, fitIntercept), n);
  if (!solveNormal && !solveKernel) {
    // Cholesky refused XᵀX (collinear columns) or XXᵀ (for wide X: fewer independent rows
    // than rows, as when a row is duplicated). The SVD of X costs several times more than
    // forming the matrix did; CG on the normal equations run to round-off, when it
    // certifies, gives the same minimum-norm answer (see the module comment) for a few
    // passes over X
    const iterative =
      options?.iterativeShortcut !== false ? conjugateGradientToRoundoff(problem, FALLBACK_BUDGET_FACTOR * Math.min(n, p)) : undefined;
    if (iterative?.converged) return exactResult(problem, iterative.w, b);
    w = singularValueSolve(design, y, b, s, lambda, root);
  } else if (solveNormal) {
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
    const kernelSolve = solveKernel!;
    const rhs = new Float64Array(n);
    // s·W^½(y − b) = s·target/√sw (0 where sw = 0)
    const centered = new Float64Array(n);
    for (let i = 0; i < n; i++) centered[i] = root ? (root[i] > 0 ? target[i] / root[i] : 0) : target[i];
    for (let i = 0; i < n; i++) rhs[i] = s * centered[i];
    const c = kernelSolve(rhs);
    // refinement against the true residual, as in the n ≥ p branch: Δc = K⁻¹(s·W^½(y −
    // b − Xw) − λc), and w += XᵀW^½Δc. Accumulating the small Δw (rather than recomputing
    // w = XᵀW^½c, whose terms cancel) is what lets the residual reach round-off.
    const scaled = new Float64Array(n);
    const predicted = new Float64Array(n);
    const step = new Float64Array(p);
    const toW = (a: Float64Array, out: Float64Array) => {
      for (let i = 0; i < n; i++) scaled[i] = root ? root[i] * a[i] : a[i];
      matTVec(design, scaled, out);
    };
    w = new Float64Array(p);
    toW(c, w);
    for (let k = 0; k < REFINEMENT_STEPS; k++) {
      matVec(design, w, 0, predicted);
      for (let i = 0; i < n; i++) rhs[i] = s * (centered[i] - (root ? root[i] : 1) * predicted[i]) - lambda * c[i];
      const correction = kernelSolve(rhs);
      for (let i = 0; i < n; i++) c[i] += correction[i];
      toW(correction, step);
      for (let j = 0; j < p; j++) w[j] += step[j];
    }
  }

  return exactResult(problem, w, b);
}

/** The result of an exact solve: one "iteration", its KKT residual and objective. */
function exactResult(problem: Problem, w: Float64Array, b: number): SolveResult {
  const { design, y, datafit } = problem;
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
  const A = gramMatrix(values, n, p, sw);
  for (let i = 0; i < p * p; i++) A[i] *= s;
  for (let j = 0; j < p; j++) A[j * p + j] += lambda;
  return A;
}

/**
 * s·W^½XXᵀW^½ + λI as a dense row-major n×n array (exactly symmetric). With `centered`
 * columns (Σᵢ swᵢxᵢⱼ = 0) r = W^½·1 is in its null space, and γ·rrᵀ is added, γ·‖r‖² the
 * mean diagonal: the system's right-hand side s·W^½(y − b) is orthogonal to r (b is the
 * weighted mean), so the solution keeps rᵀc = 0 and is unchanged, but the matrix is no
 * longer singular along r and Cholesky can factor it. Rows of zero weight likewise get a
 * unit diagonal.
 */
function kernel(design: Design, s: number, lambda: number, root: Float64Array | undefined, centered: boolean): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  const K = outerGramMatrix(values, n, p);
  for (let i = 0; i < n; i++) {
    // root[i]·root[k] is the same number for (i, k) and (k, i): K stays symmetric
    for (let k = 0; k < n; k++) K[i * n + k] *= s * (root ? root[i] * root[k] : 1);
    K[i * n + i] += lambda;
  }
  if (centered) {
    let trace = 0;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      trace += K[i * n + i];
      rr += root ? root[i] * root[i] : 1;
    }
    const gamma = trace / (n * rr);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) K[i * n + k] += gamma * (root ? root[i] * root[k] : 1);
    }
  }
  // a row of zero weight is a zero row and column of K, and its right-hand side is 0: a
  // unit diagonal there gives cᵢ = 0, the same w, and a matrix Cholesky can factor
  for (let i = 0; i < n; i++) if (K[i * n + i] === 0) K[i * n + i] = 1;
  return K;
}

/**
 * Factors a symmetric positive semi-definite m×m matrix once and returns a solver, or
 * `undefined` when Cholesky (after equilibration to unit diagonal) cannot be trusted.
 */
function factorSymmetric(A: Float64Array, m: number): ((rhs: Float64Array) => Float64Array) | undefined {
  const d = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const a = A[i * m + i];
    d[i] = a > 0 ? 1 / Math.sqrt(a) : 1;
  }
  const scaled = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) scaled[i * m + k] = A[i * m + k] * (d[i] * d[k]);
  }
  const L = cholesky(scaled, m, PIVOT_FLOOR);
  if (!L) return undefined;
  return (rhs: Float64Array) => {
    const scaledRhs = new Float64Array(m);
    for (let i = 0; i < m; i++) scaledRhs[i] = d[i] * rhs[i];
    const x = choleskySolve(L, m, scaledRhs);
    for (let i = 0; i < m; i++) x[i] *= d[i];
    return x;
  };
}

/**
 * The fallback for (nearly) collinear designs, where any formed Gram matrix has lost
 * the digits: an SVD of W^½X itself, as LAPACK's lstsq (scikit-learn's
 * LinearRegression) works. With λ = 0, singular values below EPS·max(n, p)·σmax are
 * dropped, which gives the solution of minimum ‖w‖ (lstsq's; the columns are not
 * rescaled, since that would minimize a different norm); with λ > 0 each direction is
 * shrunk by s·σ/(s·σ² + λ), which is finite for every σ.
 */
function singularValueSolve(design: Design, y: Float64Array, b: number, s: number, lambda: number, root?: Float64Array): Float64Array {
  const { nSamples: n, nFeatures: p, values } = design;
  // W^½·X, column-major; the SVD wants rows ≥ cols, so wide X is transposed
  const tall = n >= p;
  const rows = tall ? n : p;
  const cols = tall ? p : n;
  const A = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      const v = (root ? root[i] : 1) * values[j * n + i];
      A[tall ? j * n + i : i * p + j] = v;
    }
  }
  const svd = thinSVD(A, rows, cols);
  // left (sample-side) and right (feature-side) singular vectors of W^½X
  const left = tall ? svd.U : svd.V;
  const right = tall ? svd.V : svd.U;
  const sigma = svd.sigma;
  const cutoff = lambda === 0 ? Number.EPSILON * Math.max(n, p) * Math.max(...sigma) : 0;
  const w = new Float64Array(p);
  for (let k = 0; k < sigma.length; k++) {
    const sk = sigma[k];
    if (!(sk > cutoff)) continue;
    let projection = 0;
    for (let i = 0; i < n; i++) projection += left[k * n + i] * (root ? root[i] : 1) * (y[i] - b);
    const gain = (s * sk) / (s * sk * sk + lambda);
    for (let j = 0; j < p; j++) w[j] += right[k * p + j] * gain * projection;
  }
  return w;
}
