/**
 * How each library is called on a task. Every fitter starts from what a user holds:
 * X as number[][] and y as number[]; conversion to the library's own layout is part
 * of the timed fit.
 */
import { createRequire } from 'node:module';
import { ElasticNet, Lasso, Linear, LogisticL2, Ridge, setWarningHandler } from '../src/index.js';
import type { Task } from './common.js';

/** The fitted state every fitter hands back: coefficients, intercept, iterations. */
export interface Fitted {
  coef: ArrayLike<number>;
  intercept: number;
  nIter: number | null;
  converged?: boolean;
  /** Wall time of each epoch (scikitjs only). */
  epochMs?: number[];
}

/** Peer options for the time probe: cap scikitjs' epochs, and stop once `probeMs` have passed (after ≥ 2 epochs). */
export interface PeerOptions {
  maxEpochs?: number;
  probeMs?: number;
}

let lastWarning: string | null = null;
setWarningHandler((w) => {
  lastWarning = w.message;
});

/** penalized, exactly as documented in the README. */
export function fitPenalized(task: Task, X: number[][], y: number[]): Fitted {
  lastWarning = null;
  const tol = task.tol ?? 1e-4;
  let model: Lasso | ElasticNet | Ridge | Linear | LogisticL2;
  switch (task.model) {
    case 'lasso':
      model = new Lasso({ alpha: task.alpha, tol }).fit(X, y);
      break;
    case 'enet':
      model = new ElasticNet({ alpha: task.alpha, l1Ratio: task.l1Ratio, tol }).fit(X, y);
      break;
    case 'ridge':
      model = new Ridge({ alpha: task.alpha }).fit(X, y);
      break;
    case 'linear':
      model = new Linear().fit(X, y);
      break;
    case 'logistic':
      model = new LogisticL2({ C: task.C, tol }).fit(X, y);
      break;
  }
  return { coef: model.coef, intercept: model.intercept, nIter: model.nIter, converged: model.converged && lastWarning === null };
}

// ---------------------------------------------------------------------------------
// JavaScript peers (installed in bench/node_modules by `npm --prefix bench install`)
// ---------------------------------------------------------------------------------

export type PeerName = 'scikitjs' | 'ml-mlr';

/** Which peer can fit which model. */
export const PEER_MODELS: Record<PeerName, readonly string[]> = {
  scikitjs: ['lasso', 'enet', 'ridge', 'linear', 'logistic'],
  'ml-mlr': ['linear'],
};

export const PEER_LABEL: Record<PeerName, string> = {
  scikitjs: 'scikitjs 1.24 (tfjs cpu)',
  'ml-mlr': 'ml-regression-multivariate-linear',
};

const requireBench = createRequire(new URL('./package.json', import.meta.url));

let tfLoaded: any = null;
let skLoaded: any = null;
function scikitjs(): { tf: any; sk: any } {
  if (!skLoaded) {
    // The pure-JS backend: nothing to download (tfjs-node would fetch a binary).
    // scikitjs' ESM build has extensionless imports, so load the CommonJS build.
    tfLoaded = requireBench('@tensorflow/tfjs');
    skLoaded = requireBench('scikitjs');
    skLoaded.setBackend(tfLoaded);
  }
  return { tf: tfLoaded, sk: skLoaded };
}

/**
 * scikitjs trains a tfjs dense layer with Adam (lr 0.1, batch 32, ≤1000 epochs, early
 * stopping) on mean-squared error + a regularizer. Its hyperparameters are rescaled so
 * that it minimizes the SAME objective as the task (up to a constant factor):
 *   Lasso/ENet: MSE + 2α·r‖w‖₁ + α(1−r)‖w‖²  = 2 × (task objective)  → alpha' = 2α
 *   Ridge:      MSE + (α/n)‖w‖²               = (task objective)/n    → alpha' = α/n
 *   Logistic:   penalty λ(‖W₀‖²+‖W₁‖²) on a 2-unit layer is λ‖w‖²/2 at best with
 *               w = W₁−W₀; task/(C·n) = mean log-loss + ‖w‖²/(2Cn)    → λ = 1/(C·n)
 *               (scikitjs 1.24 then applies sigmoid cross-entropy to the softmax
 *               outputs, so it does not minimize log-loss: the objective reported is
 *               that of the linear model its predict() uses.)
 */
async function fitScikitjs(task: Task, X: number[][], y: number[], options: PeerOptions = {}): Promise<Fitted> {
  const { tf, sk } = scikitjs();
  const n = X.length;
  let model: any;
  switch (task.model) {
    case 'lasso':
      model = new sk.LassoRegression({ alpha: 2 * task.alpha! });
      break;
    case 'enet':
      model = new sk.ElasticNet({ alpha: 2 * task.alpha!, l1Ratio: task.l1Ratio });
      break;
    case 'ridge':
      model = new sk.RidgeRegression({ alpha: task.alpha! / n });
      break;
    case 'linear':
      model = new sk.LinearRegression();
      break;
    case 'logistic':
      model = new sk.LogisticRegression({ C: 1 / (task.C! * n) });
      break;
  }
  const fitStart = performance.now();
  let epochs = 0;
  let epochStart = 0;
  const epochMs: number[] = [];
  if (options.maxEpochs !== undefined) model.modelFitArgs.epochs = options.maxEpochs;
  model.modelFitArgs.callbacks = [
    ...(model.modelFitArgs.callbacks ?? []),
    new tf.CustomCallback({
      onEpochBegin: () => {
        epochStart = performance.now();
      },
      onEpochEnd: () => {
        epochs++;
        epochMs.push(performance.now() - epochStart);
        if (options.probeMs !== undefined && epochs >= 2 && performance.now() - fitStart > options.probeMs) model.model.stopTraining = true;
      },
    }),
  ];
  await model.fit(X, y);
  const coefTensor = model.coef;
  const raw = coefTensor.arraySync() as number[] | number[][];
  let coef: number[];
  let intercept: number;
  if (task.model === 'logistic') {
    // Two output units, one per class in order of first appearance in y; predict()
    // takes the larger, so the implied logit of label 1 is z[pos] − z[neg].
    const categories = Array.from(model.oneHot.categories[0] as ArrayLike<number>);
    const pos = categories.indexOf(1);
    const neg = 1 - pos;
    const W = raw as number[][];
    coef = W.map((row) => row[pos] - row[neg]);
    const bb = model.intercept.arraySync() as number[];
    intercept = bb[pos] - bb[neg];
  } else {
    coef = raw as number[];
    intercept = model.intercept as number;
  }
  tf.disposeVariables();
  return { coef, intercept, nIter: epochs, epochMs };
}

/** ml-regression-multivariate-linear: normal equations X'X (ml-matrix) and an SVD inverse. */
function fitMlMlr(_task: Task, X: number[][], y: number[]): Fitted {
  const MLR = requireBench('ml-regression-multivariate-linear');
  const Ctor = MLR.default ?? MLR;
  const model = new Ctor(
    X,
    y.map((v) => [v]),
    { intercept: true, statistics: false },
  );
  const weights = model.weights as number[][];
  const p = X[0].length;
  return { coef: weights.slice(0, p).map((r) => r[0]), intercept: weights[p][0], nIter: null };
}

export async function fitPeer(peer: PeerName, task: Task, X: number[][], y: number[], options: PeerOptions = {}): Promise<Fitted> {
  return peer === 'scikitjs' ? fitScikitjs(task, X, y, options) : fitMlMlr(task, X, y);
}

/**
 * scikitjs stops early only after `patience` epochs without improvement (50; 30 for
 * Linear): the fewest epochs a fit can take. A probe times a few epochs and multiplies
 * the fastest (tfjs warms up over the first epochs) by this: about a lower bound.
 */
export function scikitjsMinEpochs(task: Task): number {
  return task.model === 'linear' ? 31 : 51;
}
