/**
 * Sparse regression on the diabetes data: how the Lasso's alpha trades the number of
 * features kept against accuracy on held-out patients, and which features survive.
 *
 *     npx tsx --tsconfig examples/tsconfig.json examples/sparse-regression.ts
 */
import { Lasso } from 'penalized';
import { loadDiabetes } from 'penalized/datasets';

const { X, y, featureNames } = loadDiabetes();

// a fixed split: every fourth patient is held out
const train = X.map((_, i) => i).filter((i) => i % 4 !== 0);
const test = X.map((_, i) => i).filter((i) => i % 4 === 0);
const pick = <T>(rows: T[], idx: number[]) => idx.map((i) => rows[i]);
const [Xtrain, ytrain, Xtest, ytest] = [pick(X, train), pick(y, train), pick(X, test), pick(y, test)];

// alphaMax: the smallest alpha at which every coefficient is zero, max_j |x_jᵀ(y − ȳ)| / n
const n = Xtrain.length;
const yMean = ytrain.reduce((s, v) => s + v, 0) / n;
const alphaMax = Math.max(
  ...featureNames.map((_, j) => Math.abs(Xtrain.reduce((s, row, i) => s + row[j] * (ytrain[i] - yMean), 0)) / n),
);
console.log(`alphaMax = ${alphaMax.toFixed(4)} (${n} training patients)\n`);

console.log('alpha      kept  held-out R²');
let best = { alpha: alphaMax, r2: -Infinity, model: new Lasso({ alpha: alphaMax }).fit(Xtrain, ytrain) };
for (let k = 0; k <= 12; k++) {
  const alpha = alphaMax * 10 ** (-k / 4); // a geometric grid: alphaMax down to alphaMax / 1000
  const model = new Lasso({ alpha }).fit(Xtrain, ytrain);
  const kept = model.coef.filter((c) => c !== 0).length;
  const r2 = model.score(Xtest, ytest);
  console.log(`${alpha.toFixed(4).padEnd(9)}  ${String(kept).padStart(4)}  ${r2.toFixed(4)}`);
  if (r2 > best.r2) best = { alpha, r2, model };
}

const kept = featureNames.filter((_, j) => best.model.coef[j] !== 0);
console.log(`\nbest alpha on the held-out patients: ${best.alpha.toFixed(4)} (R² ${best.r2.toFixed(4)})`);
console.log(`it keeps ${kept.length} of ${featureNames.length} features: ${kept.join(', ')}`);
featureNames.forEach((name, j) => {
  const c = best.model.coef[j];
  console.log(`  ${name.padEnd(4)} ${c === 0 ? '  0 (dropped)' : c.toFixed(1).padStart(7)}`);
});
