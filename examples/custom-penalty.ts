/**
 * A custom penalty with the engine: the Lasso with bounds on every coefficient,
 *
 *     g(w) = alpha · Σⱼ |wⱼ|   subject to  lower ≤ wⱼ ≤ upper
 *
 * (glmnet's `lower.limits` / `upper.limits`; scikit-learn has only `positive=True`).
 * A penalty is a few small math methods; `solve` minimizes any datafit + penalty pair.
 *
 *     npx tsx --tsconfig examples/tsconfig.json examples/custom-penalty.ts
 */
import { Lasso, Quadratic, softThreshold, solve, toDesign, type Penalty } from 'penalized';
import { loadDiabetes } from 'penalized/datasets';

class BoundedL1 implements Penalty {
  readonly name = 'BoundedL1';
  readonly smooth = false;

  constructor(
    readonly alpha: number,
    readonly lower: number,
    readonly upper: number,
  ) {}

  /** g(w): alpha·‖w‖₁ inside the box, +∞ outside (the solvers never leave it). */
  value(w: Float64Array): number {
    let s = 0;
    for (const v of w) s += v < this.lower || v > this.upper ? Infinity : this.alpha * Math.abs(v);
    return s;
  }

  /**
   * argmin over lower ≤ u ≤ upper of ½(u − x)² + step·alpha·|u|. The objective is convex
   * in one variable, so the constrained minimizer is the unconstrained one (the
   * soft-threshold) clipped to the interval.
   */
  proxCoordinate(x: number, step: number): number {
    return Math.min(this.upper, Math.max(this.lower, softThreshold(x, step * this.alpha)));
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    for (let j = 0; j < x.length; j++) out[j] = this.proxCoordinate(x[j], step);
  }

  /**
   * Distance from −∂F/∂wⱼ to the subdifferential ∂gⱼ(wⱼ): alpha·∂|wⱼ| plus, at a bound,
   * the outward half-line of the constraint. The engine's stopping rule (the KKT
   * residual) is the largest of these over j.
   */
  subdifferentialDistance(wj: number, gradient: number): number {
    // ∂(alpha·|wⱼ|) = [lo, hi]: {alpha} for wⱼ > 0, {−alpha} for wⱼ < 0, [−alpha, alpha] at 0
    let lo = wj > 0 ? this.alpha : -this.alpha;
    let hi = wj < 0 ? -this.alpha : this.alpha;
    if (wj === this.upper) hi = Infinity; // at the upper bound, any further push up is absorbed
    if (wj === this.lower) lo = -Infinity; // likewise at the lower bound
    return Math.max(0, lo + gradient, -gradient - hi); // distance from −gradient to [lo, hi]
  }
}

const { X, y, featureNames } = loadDiabetes();
const n = X.length;
const alpha = 0.1;
const [lower, upper] = [-100, 400];

// the Lasso's datafit, 1/(2n)·‖y − Xw − b‖², with the new penalty
const design = toDesign(X, { center: true });
const problem = { design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty: new BoundedL1(alpha, lower, upper), fitIntercept: true };
const cd = solve(problem, { strategy: 'cd', maxIter: 100_000, tol: 1e-14 });
const fista = solve(problem, { strategy: 'fista', maxIter: 100_000, tol: 1e-14 });
// the engine works on centered columns: move the intercept back to the original scale
const intercept = cd.b - design.columnMeans.reduce((s, m, j) => s + m * cd.w[j], 0);

const lasso = new Lasso({ alpha }).fit(X, y);
console.log(`coordinate descent: converged ${cd.converged} in ${cd.nIter} epochs (${cd.criterion} ${cd.optimality.toExponential(1)})`);
console.log(`\nfeature  Lasso in [${lower}, ${upper}]   plain Lasso`);
featureNames.forEach((name, j) => {
  const pinned = cd.w[j] === lower || cd.w[j] === upper ? ' (at a bound)' : '';
  console.log(`${name.padEnd(7)}  ${cd.w[j].toFixed(2).padStart(18)}  ${lasso.coef[j].toFixed(2).padStart(12)}${pinned}`);
});
console.log(`intercept ${intercept.toFixed(2).padStart(16)}  ${lasso.intercept.toFixed(2).padStart(12)}`);

// two independent strategies agree, and so does glmnet
console.log(`fista: converged ${fista.converged} in ${fista.nIter} iterations (${fista.criterion} ${fista.optimality.toExponential(1)}, threshold ${fista.threshold.toExponential(1)})`);
const agree = Math.max(...cd.w.map((v, j) => Math.abs(v - fista.w[j])));
console.log(`\ncoordinate descent and FISTA agree to ${agree.toExponential(1)}`);
// glmnet 4.1-6: glmnet(x, y, alpha = 1, lambda = 0.1, standardize = FALSE, thresh = 1e-30,
//                      lower.limits = -100, upper.limits = 400)
const glmnet = [0, -100, 400, 316.6052586284631, -59.206539755133029, -29.935490776356946, -100, 138.99059432692391, 400, 73.509944579342488];
console.log(`largest difference from glmnet with lower.limits/upper.limits: ${Math.max(...glmnet.map((c, j) => Math.abs(c - cd.w[j]))).toExponential(1)}`);
