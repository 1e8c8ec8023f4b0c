/**
 * The demo: fit a Lasso on the diabetes data, print its sparse coefficients by
 * feature name, its held-out R², and compare with Ridge. Run with `npm run demo`.
 */
import { loadDiabetes } from '../src/datasets/index.js';
import { Lasso, Ridge } from '../src/index.js';

const { X: allX, y: allY, featureNames } = loadDiabetes();

// every fifth patient is held out, so the split is the same on every run
const X = allX.filter((_, i) => i % 5 !== 0);
const y = allY.filter((_, i) => i % 5 !== 0);
const Xtest = allX.filter((_, i) => i % 5 === 0);
const ytest = allY.filter((_, i) => i % 5 === 0);

const lasso = new Lasso({ alpha: 0.1 }).fit(X, y);
const ridge = new Ridge({ alpha: 0.1 }).fit(X, y);

console.log(`Diabetes: ${X.length} training and ${Xtest.length} held-out patients, ${featureNames.length} features.\n`);
console.log('feature   Lasso(alpha=0.1)   Ridge(alpha=0.1)');
featureNames.forEach((name, j) => {
  const l = lasso.coef[j];
  const shown = l === 0 ? '0 (dropped)' : l.toFixed(2);
  console.log(`${name.padEnd(8)}  ${shown.padStart(16)}   ${ridge.coef[j].toFixed(2).padStart(16)}`);
});
const kept = featureNames.filter((_, j) => lasso.coef[j] !== 0);
console.log(`\nLasso keeps ${kept.length} of ${featureNames.length} features (${kept.join(', ')}); Ridge keeps all, shrunk.`);
console.log(`intercept: Lasso ${lasso.intercept.toFixed(2)}, Ridge ${ridge.intercept.toFixed(2)}`);
console.log(`held-out R²: Lasso ${lasso.score(Xtest, ytest).toFixed(4)}, Ridge ${ridge.score(Xtest, ytest).toFixed(4)}`);
console.log(`Lasso: ${lasso.nIter} coordinate-descent epochs, converged ${lasso.converged}, duality gap ${lasso.dualGap.toExponential(2)}`);
