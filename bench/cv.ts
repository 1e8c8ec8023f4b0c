/**
 * Cross-validation cost against scikit-learn (not a test). Run by `npm run bench`
 * (problem `cv`), or alone:
 *
 *     npx tsx bench/cv.ts [runs=3]
 *
 * `LassoCV` and `ElasticNetCV` (l1Ratio 0.5), 5 contiguous folds, scikit-learn's default
 * 100-alpha grid and tol 1e-4, on three problems of the benchmark's generator
 * (bench/common.ts): the tall one (20000×500), the second scaling size (5000×200) and the
 * wide one (500×10000). Tall data take the covariance route (each fold's Gram matrix, as
 * scikit-learn's `precompute='auto'`), wide data the sample-space paths. The data go to
 * a temporary folder that cv_sklearn.py (run with OPENBLAS_NUM_THREADS=1) reads; both
 * sides time the whole `fit`, conversion, folds and refit included, and print the alpha
 * chosen, which must agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ElasticNetCV, LassoCV } from '../src/selection/pathCV.js';
import { setWarningHandler } from '../src/warnings.js';
import { generate, median, toRows, writeDataset } from './common.js';

const runs = Number(process.argv[2] ?? 3);
const problems = [
  { name: 'tall', n: 20000, p: 500, seed: 1 },
  { name: 'scaling1', n: 5000, p: 200, seed: 11 },
  { name: 'wide', n: 500, p: 10000, seed: 2 },
];
setWarningHandler(null); // unconverged fits along a path are counted by both sides alike
const folder = mkdtempSync(join(tmpdir(), 'cv-timing-'));
const script = fileURLToPath(new URL('./cv_sklearn.py', import.meta.url));
const fmt = (s: number) => `${s.toFixed(2)} s`;
try {
  console.log('| estimator | problem | penalized | scikit-learn | ratio | alpha (penalized / scikit-learn) |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const problem of problems) {
    const d = generate(problem.name, 'regression', problem.n, problem.p, problem.seed);
    const rows = toRows(d);
    const data = writeDataset(folder, d);
    for (const [label, make] of [
      ['LassoCV', () => new LassoCV({ cv: 5 })],
      ['ElasticNetCV', () => new ElasticNetCV({ cv: 5, l1Ratio: 0.5 })],
    ] as const) {
      make().fit(rows, d.y); // warm-up (JIT)
      const times: number[] = [];
      let model = make();
      for (let r = 0; r < runs; r++) {
        model = make();
        const t0 = performance.now();
        model.fit(rows, d.y);
        times.push((performance.now() - t0) / 1000);
      }
      const sk = JSON.parse(
        execFileSync('/usr/bin/python3', [script, data, String(runs), label], { env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } }).toString(),
      ) as { wall: number[]; alpha: number };
      const ours = median(times);
      const theirs = median(sk.wall);
      console.log(`| ${label} | ${problem.name} ${problem.n}×${problem.p} | ${fmt(ours)} | ${fmt(theirs)} | ${(ours / theirs).toFixed(2)}× | ${model.alpha.toPrecision(6)} / ${sk.alpha.toPrecision(6)} |`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
