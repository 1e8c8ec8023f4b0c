/**
 * Classification on the breast cancer data: standardize the features (with statistics
 * of the training rows only), fit an L2-penalized logistic regression, and read
 * probabilities with predictProba.
 *
 *     npx tsx --tsconfig examples/tsconfig.json examples/classification.ts
 */
import { LogisticL2 } from 'penalized';
import { loadBreastCancer } from 'penalized/datasets';

const { X, y, featureNames, targetNames } = loadBreastCancer();
const labels = y.map((v) => targetNames![v]); // 'malignant' | 'benign': string labels work directly

// every third tumour is held out
const isTest = (i: number) => i % 3 === 0;
const Xtrain = X.filter((_, i) => !isTest(i));
const Xtest = X.filter((_, i) => isTest(i));
const ytrain = labels.filter((_, i) => !isTest(i));
const ytest = labels.filter((_, i) => isTest(i));

// the raw features range from ~0.001 to ~4000: put them on one scale, or the penalty
// (and the solver) treats them very unequally
const p = featureNames.length;
const mean = Array.from({ length: p }, (_, j) => Xtrain.reduce((s, r) => s + r[j], 0) / Xtrain.length);
const sd = Array.from({ length: p }, (_, j) => Math.sqrt(Xtrain.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / Xtrain.length));
const standardize = (rows: number[][]) => rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));

const model = new LogisticL2({ C: 1 }).fit(standardize(Xtrain), ytrain);
console.log('classes:', model.classes.join(', '), `(predictProba gives P(${model.classes[1]}))`);
console.log(`held-out accuracy: ${model.score(standardize(Xtest), ytest).toFixed(4)} on ${Xtest.length} tumours`);

const proba = model.predictProba(standardize(Xtest));
const predicted = model.predict(standardize(Xtest));
console.log('\nfirst five held-out tumours:');
for (let i = 0; i < 5; i++) {
  console.log(`  P(${model.classes[1]}) = ${proba[i].toFixed(3)}  predicted ${String(predicted[i]).padEnd(9)}  actual ${ytest[i]}`);
}

// a cautious rule: call a tumour benign only when P(malignant) < 0.1, review the rest
// (classes are sorted, so classes[1] = 'malignant' is the class predictProba scores)
const review = proba.filter((pm) => pm >= 0.1).length;
const missed = ytest.filter((label, i) => proba[i] < 0.1 && label === 'malignant').length;
console.log(`\ncautious rule: ${review} of ${ytest.length} tumours sent for review, ${missed} malignant called benign`);

// the largest weights, on the standardized scale (comparable across features)
const order = Array.from(model.coef, (c, j) => [c, j] as const).sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]));
console.log('\nlargest weights (positive: towards malignant):');
for (const [c, j] of order.slice(0, 5)) console.log(`  ${featureNames[j].padEnd(24)} ${c.toFixed(3)}`);
