/**
 * Memory probe, run in its own process by budgets.test.ts (and by hand:
 * `node --expose-gc --import tsx tests/extremes/memory-probe.ts [n] [p]`).
 *
 * Builds X (n × p, number[][]) and y — the caller's own data — then measures how much
 * memory a Lasso fit adds on top of them: V8 heap + external (typed arrays live outside
 * the heap, in `external`/`arrayBuffers`), sampled before the fit, after every solver
 * iteration (through onIteration) and after the fit, with garbage collected first so the
 * baseline holds only the caller's data. Prints one JSON line.
 */
import { Lasso, setWarningHandler } from '../../src/index.js';

const n = Number(process.argv[2] ?? 1_000_000);
const p = Number(process.argv[3] ?? 20);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

// deterministic data: a sparse linear model plus noise (LCG, no allocation per draw)
let state = 12345;
const uniform = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296 - 0.5;
};
const X: number[][] = new Array(n);
const y: number[] = new Array(n);
for (let i = 0; i < n; i++) {
  const row = new Array<number>(p);
  for (let j = 0; j < p; j++) row[j] = uniform();
  X[i] = row;
  y[i] = 3 * row[0] - 2 * row[1] + row[2] + 0.1 * uniform();
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external; // external includes arrayBuffers
};
setWarningHandler(null);
gc();
gc();
const baseline = used();
const rssBefore = process.memoryUsage().rss;
let peak = baseline;
let iterations = 0;
const start = performance.now();
const model = new Lasso({ alpha: 0.01 }).fit(X, y, {
  onIteration: () => {
    iterations++;
    peak = Math.max(peak, used());
  },
});
const seconds = (performance.now() - start) / 1000;
peak = Math.max(peak, used());
const afterFit = used();
const maxRss = process.resourceUsage().maxRSS * 1024;
const xBytes = n * p * 8;
console.log(
  JSON.stringify({
    n,
    p,
    xFloat64Bytes: xBytes,
    baselineBytes: baseline,
    peakGrowthBytes: peak - baseline,
    afterFitGrowthBytes: afterFit - baseline,
    ratioToX: (peak - baseline) / xBytes,
    rssBeforeBytes: rssBefore,
    maxRssBytes: maxRss,
    iterations,
    seconds,
    converged: model.converged,
    nonzero: Array.from(model.coef).filter((v) => v !== 0).length,
  }),
);
