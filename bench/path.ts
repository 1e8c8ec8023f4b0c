/**
 * Path cost against scikit-learn (not a test). Run by `npm run bench` (problem `path`),
 * or alone:
 *
 *     npx tsx bench/path.ts [runs=3] [tol=1e-4]
 *
 * The wide problem: n = 500, p = 10000, AR(1) Gaussian columns with ρ = 0.5,
 * 40 true nonzeros (random positions and signs, magnitudes in [1, 5]), noise σ = 1 — the
 * generator of `npm run bench` (mulberry32 + Box–Muller, seed 2), copied here so the
 * script stands alone. The data go to a temporary binary file that the scikit-learn
 * side (path_sklearn.py, run with OPENBLAS_NUM_THREADS=1) reads. Both time the
 * 100-alpha path at the same tol, centering included; CPU time (process.cpuUsage /
 * time.process_time) is reported with wall time, since on a shared machine CPU time is
 * the steadier of the two.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lassoPath } from '../src/path/index.js';

const runs = Number(process.argv[2] ?? 3);
const tol = Number(process.argv[3] ?? 1e-4);
const n = 500;
const p = 10000;

function generate(seed: number): { X: Float64Array; y: Float64Array } {
  let state = seed >>> 0;
  const uniform = () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const rho = 0.5;
  const c = Math.sqrt(1 - rho * rho);
  const X = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let prev = normal();
    X[i * p] = prev;
    for (let j = 1; j < p; j++) {
      prev = rho * prev + c * normal();
      X[i * p + j] = prev;
    }
  }
  const index = Array.from({ length: p }, (_, j) => j);
  const beta = new Float64Array(p);
  for (let t = 0; t < 40; t++) {
    const r = t + Math.floor(uniform() * (p - t));
    [index[t], index[r]] = [index[r], index[t]];
    beta[index[t]] = (uniform() < 0.5 ? -1 : 1) * (1 + 4 * uniform());
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let t = 0; t < 40; t++) z += X[i * p + index[t]] * beta[index[t]];
    y[i] = z + normal();
  }
  return { X, y };
}

const { X, y } = generate(2);
const rows = Array.from({ length: n }, (_, i) => X.subarray(i * p, (i + 1) * p));
const folder = mkdtempSync(join(tmpdir(), 'path-timing-'));
try {
  writeFileSync(join(folder, 'X.f64'), X);
  writeFileSync(join(folder, 'y.f64'), y);
  writeFileSync(join(folder, 'meta.json'), JSON.stringify({ n, p }));

  const ours = { cpu: [] as number[], wall: [] as number[] };
  let path = lassoPath(rows, y, { tol }); // warm-up (JIT)
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    path = lassoPath(rows, y, { tol });
    const c = process.cpuUsage(c0);
    ours.wall.push((performance.now() - w0) / 1000);
    ours.cpu.push((c.user + c.system) / 1e6);
  }
  const script = fileURLToPath(new URL('./path_sklearn.py', import.meta.url));
  const out = execFileSync('/usr/bin/python3', [script, folder, String(runs), String(tol)], {
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
    maxBuffer: 1 << 28,
  });
  const sk = JSON.parse(out.toString()) as { version: string; cpu: number[]; wall: number[]; alphaMax: number; alphaMin: number; epochs: number; supportLast: number; coefLast: number[] };
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const last = path.coefs[path.coefs.length - 1];
  let diff = 0;
  let scale = 0;
  for (let j = 0; j < p; j++) {
    diff = Math.max(diff, Math.abs(last[j] - sk.coefLast[j]));
    scale = Math.max(scale, Math.abs(sk.coefLast[j]));
  }
  const epochs = path.nIters.reduce((a, b) => a + b, 0);
  const support = last.reduce((s, v) => s + (v !== 0 ? 1 : 0), 0);
  console.log(`wide lasso path, n=${n} p=${p}, 100 alphas, tol=${tol}, ${runs} runs (median)`);
  console.log(`  penalized    cpu ${median(ours.cpu).toFixed(3)} s   wall ${median(ours.wall).toFixed(3)} s   epochs ${epochs}   support at alpha_min ${support}`);
  console.log(`  sklearn ${sk.version} cpu ${median(sk.cpu).toFixed(3)} s   wall ${median(sk.wall).toFixed(3)} s   epochs ${sk.epochs}   support at alpha_min ${sk.supportLast}`);
  const wallRatio = median(ours.wall) / median(sk.wall);
  console.log(`  ratio (penalized / sklearn): cpu ${(median(ours.cpu) / median(sk.cpu)).toFixed(2)}   wall ${wallRatio.toFixed(2)}`);
  console.log(`  target ≤ 0.5× scikit-learn's lasso_path (wall): ${wallRatio <= 0.5 ? 'met' : 'NOT met'}`);
  console.log(`  grid: alphaMax ${path.alphas[0]} vs ${sk.alphaMax}; max |coef diff| at alpha_min ${diff.toExponential(2)} (max |coef| ${scale.toFixed(3)})`);
  console.log(`  runs: penalized cpu ${ours.cpu.map((t) => t.toFixed(3)).join(' ')}; sklearn cpu ${sk.cpu.map((t) => t.toFixed(3)).join(' ')}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
