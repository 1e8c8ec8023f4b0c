/**
 * Quick start: fit a Lasso and a Ridge, predict, score, and read the coefficients.
 *
 *     npx tsx --tsconfig examples/tsconfig.json examples/quick-start.ts
 */
import { Lasso, Ridge } from 'penalized';

// y = 3·x₀ − 2·x₁ + 0·x₂ + 1, plus a little noise; x₂ is irrelevant
const X = [
  [0.5, 1.2, 0.3],
  [1.9, 0.4, 1.1],
  [3.1, 2.2, 0.2],
  [4.0, 0.9, 1.7],
  [5.2, 3.1, 0.8],
  [6.1, 1.8, 1.4],
  [7.3, 2.7, 0.5],
  [8.0, 0.6, 1.9],
];
const noise = [0.05, -0.1, 0.08, -0.02, 0.03, -0.06, 0.1, -0.04];
const y = X.map(([a, b], i) => 3 * a - 2 * b + 1 + noise[i]);

const lasso = new Lasso({ alpha: 0.1 }).fit(X, y);
console.log('Lasso coef:', Array.from(lasso.coef, (c) => c.toFixed(3)).join(', '), ' intercept:', lasso.intercept.toFixed(3));
console.log('Lasso R² on the training data:', lasso.score(X, y).toFixed(4));
console.log('x₂ dropped by the Lasso:', lasso.coef[2] === 0);

const ridge = new Ridge({ alpha: 1 }).fit(X, y);
console.log('Ridge coef:', Array.from(ridge.coef, (c) => c.toFixed(3)).join(', '), ' intercept:', ridge.intercept.toFixed(3));

const Xnew = [
  [2, 1, 0],
  [9, 3, 1],
];
console.log('predictions for two new rows:', Array.from(lasso.predict(Xnew), (v) => v.toFixed(2)).join(', '));
console.log(`converged: ${lasso.converged} after ${lasso.nIter} epochs (duality gap ${lasso.dualGap.toExponential(1)})`);
