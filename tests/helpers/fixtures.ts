import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A conformance case (see tests/fixtures/README.md for the format and provenance). */
export interface ConformanceCase {
  name: string;
  description: string;
  estimator: 'Linear' | 'Lasso' | 'Ridge' | 'ElasticNet' | 'LogisticL2';
  params: Record<string, number | boolean>;
  X: number[][];
  y: (number | string)[];
  Xtest: number[][];
  ytest: (number | string)[];
  expected: {
    coef: number[];
    intercept: number;
    objective: number;
    predictTest: (number | string)[];
    scoreTest: number;
    nonzero?: number;
    classes?: (number | string)[];
    probaTest?: number[];
  };
}

const dir = fileURLToPath(new URL('../fixtures/conformance/', import.meta.url));

export function conformanceCases(): ConformanceCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as ConformanceCase);
}

export function conformanceCase(name: string): ConformanceCase {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as ConformanceCase;
}

/** |actual − expected| ≤ atol + rtol·|expected|, elementwise, with a readable failure. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol, atol }: { rtol: number; atol: number },
  what = 'value',
): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    if (!(diff <= atol + rtol * Math.abs(expected[i]))) {
      throw new Error(`${what}[${i}]: ${actual[i]} vs expected ${expected[i]} (|diff| ${diff.toExponential(2)} > atol ${atol} + rtol ${rtol}·|expected|)`);
    }
  }
}

/** Deterministic PRNG (mulberry32) and standard normal draws, for reproducible test data. */
export function rng(seed: number): { uniform: () => number; normal: () => number } {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
}

/** n×p Gaussian design with AR(1) column correlation rho and a sparse linear target. */
export function regressionData(seed: number, n: number, p: number, { rho = 0.5, k = 5, noise = 0.5 } = {}) {
  const r = rng(seed);
  const X: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(p);
    row[0] = r.normal();
    for (let j = 1; j < p; j++) row[j] = rho * row[j - 1] + Math.sqrt(1 - rho * rho) * r.normal();
    X.push(row);
  }
  const w = new Array<number>(p).fill(0);
  for (let s = 0; s < Math.min(k, p); s++) w[Math.floor((s * p) / Math.min(k, p))] = (s % 2 ? -1 : 1) * (1 + 2 * r.uniform());
  const y = X.map((row) => row.reduce((acc, v, j) => acc + v * w[j], 1.5) + noise * r.normal());
  return { X, y, w };
}
