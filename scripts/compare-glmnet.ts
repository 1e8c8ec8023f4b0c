/**
 * Verifies the glmnet parameter mappings of docs/from-glmnet.md: fits glmnet (R, Debian's
 * r-cran-glmnet) and penalized on the bundled data and prints how far apart they are.
 *
 *     apt-get install -y r-cran-glmnet   # once
 *     npx tsx scripts/compare-glmnet.ts
 *
 * glmnet runs with thresh = 1e-30: its stopping rule bounds the *objective* decrease of
 * a coordinate update (≈ curvature · step²), so coefficients are only accurate to about
 * √thresh in relative terms; at thresh = 1e-14 they agree with an exact solution to
 * 5–7 significant digits, at 1e-30 to the last 10–12.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadBreastCancer, loadDiabetes } from '../src/datasets/index.js';
import { ElasticNet, L1, Lasso, LogisticL2, Quadratic, Ridge, setWarningHandler, solve, toDesign } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const thresh = process.argv.includes('--thresh=1e-14') ? '1e-14' : '1e-30';

// Each line of R output: a key, then the intercept and the coefficients (17 digits).
const R = String.raw`
suppressMessages(library(glmnet))

out <- function(key, b) cat(key, sprintf("%.17g", as.numeric(b)), "\n")
last <- function(fit) { b <- as.matrix(coef(fit)); b[, ncol(b)] }
fitg <- function(x, y, alpha, lambda, ...) glmnet(x, y, alpha = alpha, lambda = c(10 * lambda, lambda),
                                                 thresh = ${thresh}, maxit = 1e7, ...)
d <- read.csv("data/diabetes.csv"); x <- as.matrix(d[, 1:10]); y <- d$target; n <- nrow(x)
sy <- sqrt(mean((y - mean(y))^2))
out("sy", sy)
out("lambdaMax", glmnet(x, y, alpha = 1, standardize = FALSE)$lambda[1])
for (a in c(1, 0.1, 0.01)) out(paste0("lasso_", a), last(fitg(x, y, 1, a, standardize = FALSE)))
# ElasticNet(alpha = 0.1, l1Ratio = 0.5)
out("enet_naive", last(fitg(x, y, 0.5, 0.1, standardize = FALSE)))
lam <- 0.1 * (0.5 + sy * 0.5); out("enet_exact", last(fitg(x, y, 0.05 / lam, lam, standardize = FALSE)))
out("enet_ystd", last(fitg(x, y / sy, 0.5, 0.1, standardize = FALSE)))
# Ridge(alpha = 1)
out("ridge_naive", last(fitg(x, y, 0, 1 / n, standardize = FALSE)))
out("ridge_exact", last(fitg(x, y, 0, sy / n, standardize = FALSE)))
# penalty.factor (glmnet rescales it to sum to nvars) and lower.limits = 0
out("lasso_pf", last(fitg(x, y, 1, 0.1, standardize = FALSE, penalty.factor = c(0, rep(1, 9)))))
out("lasso_pos", last(fitg(x, y, 1, 0.1, standardize = FALSE, lower.limits = 0)))
# Lasso(alpha = 0.1) with glmnet's default standardize = TRUE
out("lasso_std", last(fitg(x, y, 1, 0.1)))
# LogisticL2(C = 1) on breast cancer, features z-scored (1/n standard deviation)
b <- read.csv("data/breast_cancer.csv"); xb <- as.matrix(b[, 1:30]); yb <- b$target; nb <- nrow(xb)
xb <- scale(xb, center = TRUE, scale = apply(xb, 2, function(v) sqrt(mean((v - mean(v))^2))))
out("logistic", last(fitg(xb, yb, 0, 1 / nb, family = "binomial", standardize = FALSE)))
`;

const run = spawnSync('Rscript', ['-'], { input: R, cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stderr || run.error?.message);
  console.error('Rscript with glmnet is needed: apt-get install -y r-cran-glmnet');
  process.exit(1);
}
const glmnet = new Map<string, number[]>();
for (const line of run.stdout.trim().split('\n')) {
  const [key, ...values] = line.trim().split(/\s+/);
  glmnet.set(key, values.map(Number));
}
const g = (key: string): number[] => glmnet.get(key)!;

setWarningHandler(null);
const { X, y } = loadDiabetes();
const n = X.length;
const sy = g('sy')[0];
const tight = { tol: 1e-14, maxIter: 1_000_000 };
const asVector = (m: { intercept: number; coef: Float64Array }): number[] => [m.intercept, ...m.coef];

/** Largest |difference| over intercept and coefficients, relative to the largest |coefficient|. */
function relDiff(a: number[], b: number[]): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

const rows: [string, string, number[], number[]][] = [];
const row = (penalized: string, glmnetCall: string, ours: number[], theirs: number[]) => rows.push([penalized, glmnetCall, ours, theirs]);

for (const a of [1, 0.1, 0.01]) {
  row(`Lasso({ alpha: ${a} })`, `alpha = 1, lambda = ${a}`, asVector(new Lasso({ alpha: a, ...tight }).fit(X, y)), g(`lasso_${a}`));
}
const enet = asVector(new ElasticNet({ alpha: 0.1, l1Ratio: 0.5, ...tight }).fit(X, y));
row('ElasticNet({ alpha: 0.1, l1Ratio: 0.5 })', 'alpha = 0.5, lambda = 0.1 (naive)', enet, g('enet_naive'));
const lam = 0.1 * (0.5 + sy * 0.5);
row('ElasticNet({ alpha: 0.1, l1Ratio: 0.5 })', `alpha = ${(0.05 / lam).toPrecision(6)}, lambda = ${lam.toPrecision(6)} (with sd(y))`, enet, g('enet_exact'));
const ys = y.map((v) => v / sy);
row('ElasticNet({ alpha: 0.1, l1Ratio: 0.5 }) on y / sd(y)', 'alpha = 0.5, lambda = 0.1 on y / sd(y)', asVector(new ElasticNet({ alpha: 0.1, l1Ratio: 0.5, ...tight }).fit(X, ys)), g('enet_ystd'));
const ridge = asVector(new Ridge({ alpha: 1 }).fit(X, y));
row('Ridge({ alpha: 1 })', `alpha = 0, lambda = 1/n = ${(1 / n).toPrecision(6)} (naive)`, ridge, g('ridge_naive'));
row('Ridge({ alpha: 1 })', `alpha = 0, lambda = sd(y)/n = ${(sy / n).toPrecision(6)}`, ridge, g('ridge_exact'));

// the engine with penalty factors and a sign constraint
const engine = (penalty: L1): number[] => {
  const design = toDesign(X, { center: true });
  const r = solve({ design, y: Float64Array.from(y), datafit: new Quadratic(1 / n), penalty, fitIntercept: true }, { maxIter: 1_000_000, tol: 1e-14 });
  return [r.b - design.columnMeans.reduce((s, m, j) => s + m * r.w[j], 0), ...r.w];
};
const pf = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const pfScaled = Float64Array.from(pf, (v) => (v * pf.length) / pf.reduce((a, b) => a + b, 0));
row('solve: L1(0.1, { factors: pf·p/Σpf })', 'alpha = 1, lambda = 0.1, penalty.factor = pf', engine(new L1(0.1, { factors: pfScaled })), g('lasso_pf'));
row('solve: L1(0.1, { positive: true })', 'alpha = 1, lambda = 0.1, lower.limits = 0', engine(new L1(0.1, { positive: true })), g('lasso_pos'));

// glmnet's standardize = TRUE is a Lasso on z-scored columns, mapped back to the raw scale
const means = X[0].map((_, j) => X.reduce((s, r) => s + r[j], 0) / n);
const sds = X[0].map((_, j) => Math.sqrt(X.reduce((s, r) => s + (r[j] - means[j]) ** 2, 0) / n));
const Z = X.map((r) => r.map((v, j) => (v - means[j]) / sds[j]));
const std = new Lasso({ alpha: 0.1, ...tight }).fit(Z, y);
const coefRaw = Array.from(std.coef, (c, j) => c / sds[j]);
const interceptRaw = std.intercept - coefRaw.reduce((s, c, j) => s + c * means[j], 0);
row('Lasso({ alpha: 0.1 }) on z-scored X, mapped back', 'alpha = 1, lambda = 0.1, standardize = TRUE', [interceptRaw, ...coefRaw], g('lasso_std'));

const bc = loadBreastCancer();
const nb = bc.X.length;
const bm = bc.X[0].map((_, j) => bc.X.reduce((s, r) => s + r[j], 0) / nb);
const bs = bc.X[0].map((_, j) => Math.sqrt(bc.X.reduce((s, r) => s + (r[j] - bm[j]) ** 2, 0) / nb));
const Xb = bc.X.map((r) => r.map((v, j) => (v - bm[j]) / bs[j]));
row(
  'LogisticL2({ C: 1 }), breast cancer z-scored',
  `family = "binomial", alpha = 0, lambda = 1/(n·C) = ${(1 / nb).toPrecision(6)}`,
  asVector(new LogisticL2({ C: 1, tol: 1e-15, maxIter: 100_000 }).fit(Xb, bc.y)),
  g('logistic'),
);

console.log(`glmnet thresh = ${thresh}; sd(y) = ${sy} (1/n formula); n = ${n}\n`);
console.log('| penalized | glmnet(x, y, …, standardize = FALSE unless noted) | max |Δ| / max |coef| |');
console.log('|---|---|---|');
for (const [p, call, ours, theirs] of rows) console.log(`| \`${p}\` | \`${call}\` | ${relDiff(ours, theirs).toExponential(1)} |`);

const lasso = new Lasso({ alpha: 0.1 }).fit(X, y);
// alphaMax: the smallest alpha with all-zero coefficients, max_j |x_jᵀ(y − ȳ)| / n
const ybar = y.reduce((s, v) => s + v, 0) / n;
const alphaMax = Math.max(...X[0].map((_, j) => Math.abs(X.reduce((s, r, i) => s + r[j] * (y[i] - ybar), 0)) / n));
console.log(`\nalphaMax = ${alphaMax.toPrecision(17)}; glmnet's first lambda = ${g('lambdaMax')[0].toPrecision(17)}`);
console.log(`\nLasso({ alpha: 0.1 }) vs glmnet(alpha = 1, lambda = 0.1), diabetes:`);
console.log('| | intercept | ' + loadDiabetes().featureNames.join(' | ') + ' |');
console.log('|---|' + '---|'.repeat(11));
console.log('| penalized | ' + asVector(new Lasso({ alpha: 0.1, ...tight }).fit(X, y)).map((v) => v.toFixed(6)).join(' | ') + ' |');
console.log('| glmnet | ' + g('lasso_0.1').map((v) => v.toFixed(6)).join(' | ') + ' |');
console.log(`\n(Lasso at the default tol: ${lasso.nIter} epochs, duality gap ${lasso.dualGap.toExponential(2)})`);
console.log(`\nElasticNet({ alpha: 0.1, l1Ratio: 0.5 }) vs glmnet, diabetes:`);
console.log('| | intercept | ' + loadDiabetes().featureNames.join(' | ') + ' |');
console.log('|---|' + '---|'.repeat(11));
console.log('| penalized | ' + enet.map((v) => v.toFixed(4)).join(' | ') + ' |');
console.log('| glmnet, naive `alpha = 0.5, lambda = 0.1` | ' + g('enet_naive').map((v) => v.toFixed(4)).join(' | ') + ' |');
console.log(`| glmnet, \`alpha = ${(0.05 / lam).toPrecision(6)}, lambda = ${lam.toPrecision(6)}\` | ` + g('enet_exact').map((v) => v.toFixed(4)).join(' | ') + ' |');
