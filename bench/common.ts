/**
 * Shared pieces of the benchmark: the seeded generator, the standard problems, the
 * objectives (computed here from coef/intercept, never taken from a library), and the
 * binary files the children and the scikit-learn script read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------
// Seeded random numbers: mulberry32 for uniforms, Box–Muller for normals.
// ---------------------------------------------------------------------------------

export class Rng {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform on [0, 1) (mulberry32). */
  uniform(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Standard logistic variate. */
  logistic(): number {
    let u = 0;
    while (u === 0) u = this.uniform();
    return Math.log(u / (1 - u));
  }
}

// ---------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------

export type Kind = 'regression' | 'classification';

/** A generated data set, X row-major (row i is X[i*p .. (i+1)*p)). */
export interface Dataset {
  name: string;
  kind: Kind;
  n: number;
  p: number;
  X: Float64Array;
  /** Regression targets, or 0/1 labels (1 is the positive class). */
  y: Float64Array;
}

export const RHO = 0.5;
export const N_NONZERO = 40;
export const NOISE_SIGMA = 1;

/**
 * AR(1)-correlated Gaussian columns x_j = ρ·x_{j−1} + √(1−ρ²)·z, 40 true nonzero
 * coefficients (random positions, random signs, magnitudes in [1, 5]). Regression:
 * y = Xβ + σ·ε. Classification: label = [Xβ + logistic noise > 0].
 */
export function generate(name: string, kind: Kind, n: number, p: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const X = new Float64Array(n * p);
  const c = Math.sqrt(1 - RHO * RHO);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let prev = rng.normal();
    X[row] = prev;
    for (let j = 1; j < p; j++) {
      prev = RHO * prev + c * rng.normal();
      X[row + j] = prev;
    }
  }
  // Partial Fisher–Yates for the support.
  const k = Math.min(N_NONZERO, p);
  const index = Array.from({ length: p }, (_, j) => j);
  const beta = new Float64Array(p);
  for (let t = 0; t < k; t++) {
    const r = t + Math.floor(rng.uniform() * (p - t));
    const tmp = index[t];
    index[t] = index[r];
    index[r] = tmp;
    const sign = rng.uniform() < 0.5 ? -1 : 1;
    beta[index[t]] = sign * (1 + 4 * rng.uniform());
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let z = 0;
    for (let t = 0; t < k; t++) z += X[row + index[t]] * beta[index[t]];
    y[i] = kind === 'regression' ? z + NOISE_SIGMA * rng.normal() : z + rng.logistic() > 0 ? 1 : 0;
  }
  return { name, kind, n, p, X, y };
}

/** alphaMax = max_j |x_jᵀ(y − ȳ)| / n (X centered; the same with raw X since Σ(y−ȳ)=0). */
export function alphaMax(d: Dataset): number {
  const { n, p, X, y } = d;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  const g = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const r = y[i] - mean;
    const row = i * p;
    for (let j = 0; j < p; j++) g[j] += X[row + j] * r;
  }
  let m = 0;
  for (let j = 0; j < p; j++) m = Math.max(m, Math.abs(g[j]));
  return m / n;
}

/** X as users pass it: number[][] (one fresh array per row). */
export function toRows(d: Dataset): number[][] {
  const rows: number[][] = new Array(d.n);
  for (let i = 0; i < d.n; i++) rows[i] = Array.from(d.X.subarray(i * d.p, (i + 1) * d.p));
  return rows;
}

// ---------------------------------------------------------------------------------
// Tasks and objectives
// ---------------------------------------------------------------------------------

export type Model = 'lasso' | 'enet' | 'ridge' | 'linear' | 'logistic';

/** One fit to time: the model, its hyperparameters and the data set it runs on. */
export interface Task {
  id: string;
  model: Model;
  dataset: string;
  alpha?: number;
  l1Ratio?: number;
  C?: number;
  tol?: number;
}

/** What every fitter (penalized, sklearn, a peer) reports for one run. */
export interface FitOutcome {
  timeMs: number;
  nIter: number | null;
  nonzeros: number;
  objective: number;
  converged?: boolean;
  note?: string;
}

/**
 * The objective of a task at (w, b), in the library's own formula:
 * Lasso/ENet 1/(2n)‖y−Xw−b‖² + α·r‖w‖₁ + ½α(1−r)‖w‖²; Ridge ‖y−Xw−b‖² + α‖w‖²;
 * Linear 1/(2n)‖y−Xw−b‖²; Logistic C·Σlog(1+exp(−ỹz)) + ½‖w‖².
 */
export function objective(task: Task, d: Dataset, w: ArrayLike<number>, b: number): number {
  const { n, p, X, y } = d;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let z = b;
    for (let j = 0; j < p; j++) z += X[row + j] * w[j];
    if (task.model === 'logistic') {
      const m = (y[i] > 0.5 ? 1 : -1) * z;
      loss += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    } else {
      const r = y[i] - z;
      loss += r * r;
    }
  }
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < p; j++) {
    l1 += Math.abs(w[j]);
    l2 += w[j] * w[j];
  }
  switch (task.model) {
    case 'lasso':
    case 'enet': {
      const alpha = task.alpha!;
      const r = task.model === 'lasso' ? 1 : task.l1Ratio!;
      return loss / (2 * n) + alpha * r * l1 + 0.5 * alpha * (1 - r) * l2;
    }
    case 'ridge':
      return loss + task.alpha! * l2;
    case 'linear':
      return loss / (2 * n);
    case 'logistic':
      return task.C! * loss + 0.5 * l2;
  }
}

export function countNonzeros(w: ArrayLike<number>): number {
  let k = 0;
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) k++;
  return k;
}

// ---------------------------------------------------------------------------------
// Binary files shared with the children and with sklearn_bench.py
// ---------------------------------------------------------------------------------

/** Writes X.f64 (row-major), y.f64 and meta.json into dir/name/ (read by worker.ts and sklearn_bench.py). */
export function writeDataset(dir: string, d: Dataset): string {
  const folder = join(dir, d.name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'X.f64'), new Uint8Array(d.X.buffer, d.X.byteOffset, d.X.byteLength));
  writeFileSync(join(folder, 'y.f64'), new Uint8Array(d.y.buffer, d.y.byteOffset, d.y.byteLength));
  writeFileSync(join(folder, 'meta.json'), JSON.stringify({ name: d.name, kind: d.kind, n: d.n, p: d.p }));
  return folder;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
