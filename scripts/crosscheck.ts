/**
 * Fits the problems written by scripts/crosscheck_sklearn.py with penalized and prints
 * every one whose coefficients or intercept differ from scikit-learn's by more than 1e-6
 * (relative to the largest coefficient), with both objectives, so a difference can be
 * told apart from scikit-learn stopping early (ours lower) or a non-unique solution (equal).
 *
 *   npx tsx scripts/crosscheck.ts /tmp/crosscheck.json
 */
import { readFileSync } from 'node:fs';
import * as penalized from '../src/index.js';

interface Case {
  name: string;
  params: { est: string; C?: number; alpha?: number; l1Ratio?: number; [key: string]: unknown };
  X: number[][];
  y: number[];
  sw: number[] | null;
  coef: number[];
  intercept: number;
}

penalized.setWarningHandler(null);
const cases = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/crosscheck.json', 'utf8')) as Case[];
const estimators = penalized as unknown as Record<string, new (options: object) => { fit: (X: number[][], y: number[], o?: object) => { coef: Float64Array; intercept: number } }>;

/** The estimator's objective in scikit-learn's units, from coef and intercept. */
function objective(c: Case, coef: ArrayLike<number>, intercept: number): number {
  const { est, alpha = 0, l1Ratio = 1, C = 1 } = c.params;
  const weights = c.sw ?? c.y.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  let loss = 0;
  c.X.forEach((row, i) => {
    const z = row.reduce((s, v, j) => s + v * coef[j], intercept);
    if (est === 'LogisticL2') {
      const t = (c.y[i] === 1 ? 1 : -1) * z;
      loss += weights[i] * C * (t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t)));
    } else {
      loss += weights[i] * (c.y[i] - z) ** 2;
    }
  });
  const l1 = Array.from(coef).reduce((s, v) => s + Math.abs(v), 0);
  const l2 = Array.from(coef).reduce((s, v) => s + v * v, 0);
  if (est === 'LogisticL2') return loss + 0.5 * l2;
  if (est === 'Ridge') return loss + alpha * l2;
  const ratio = est === 'Lasso' ? 1 : est === 'ElasticNet' ? l1Ratio : 0;
  return loss / (2 * total) + alpha * ratio * l1 + 0.5 * alpha * (1 - ratio) * l2;
}

let differing = 0;
for (const c of cases) {
  const { est, ...params } = c.params;
  const iterative = est !== 'Ridge' && est !== 'Linear';
  const model = new estimators[est](iterative ? { ...params, tol: 1e-12, maxIter: 1_000_000 } : params).fit(c.X, c.y, c.sw ? { sampleWeight: c.sw } : undefined);
  const scale = Math.max(1e-12, ...c.coef.map(Math.abs));
  const coefDiff = Math.max(...c.coef.map((v, j) => Math.abs(v - model.coef[j]))) / scale;
  const interceptDiff = Math.abs(model.intercept - c.intercept) / Math.max(1, Math.abs(c.intercept));
  if (coefDiff > 1e-6 || interceptDiff > 1e-6) {
    differing++;
    const ours = objective(c, model.coef, model.intercept);
    const theirs = objective(c, c.coef, c.intercept);
    console.log(`${c.name.padEnd(26)} coef ${coefDiff.toExponential(1)} intercept ${interceptDiff.toExponential(1)} objective ours ${ours.toPrecision(12)} scikit-learn ${theirs.toPrecision(12)}`);
  }
}
console.log(`${cases.length} problems, ${differing} differ by more than 1e-6`);
