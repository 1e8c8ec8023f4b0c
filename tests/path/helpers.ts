/**
 * Shared by tests/path and tests/selection: the bundled CSV datasets and the frozen
 * scikit-learn references of tests/fixtures/path (see its README for provenance).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export { expectClose } from '../helpers/fixtures.js';

/** data/NAME.csv: header row, features, then the target in the last column. */
export function loadCsv(name: 'diabetes' | 'breast_cancer'): { X: number[][]; y: number[] } {
  const text = readFileSync(fileURLToPath(new URL(`../../data/${name}.csv`, import.meta.url)), 'utf8');
  const lines = text.trim().split('\n').slice(1);
  const X: number[][] = [];
  const y: number[] = [];
  for (const line of lines) {
    const values = line.split(',').map(Number);
    y.push(values.pop()!);
    X.push(values);
  }
  return { X, y };
}

/** Each column minus its mean, divided by its population standard deviation (numpy's `std`). */
export function standardize(X: number[][]): number[][] {
  const n = X.length;
  const p = X[0].length;
  const mean = new Array(p).fill(0);
  const sd = new Array(p).fill(0);
  for (const row of X) for (let j = 0; j < p; j++) mean[j] += row[j] / n;
  for (const row of X) for (let j = 0; j < p; j++) sd[j] += (row[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]);
  return X.map((row) => row.map((v, j) => (v - mean[j]) / sd[j]));
}

/** Columns centered and y centered (what scikit-learn's paths expect: they fit no intercept). */
export function centered(X: number[][], y: number[]): { X: number[][]; y: number[] } {
  const n = X.length;
  const p = X[0].length;
  const mean = new Array(p).fill(0);
  for (const row of X) for (let j = 0; j < p; j++) mean[j] += row[j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  const ybar = y.reduce((a, b) => a + b, 0) / n;
  return { X: X.map((row) => row.map((v, j) => v - mean[j])), y: y.map((v) => v - ybar) };
}

/** A fixture file of tests/fixtures/path, parsed. */
export function pathFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/path/${name}.json`, import.meta.url)), 'utf8')) as T;
}

/** Largest |v|. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Largest |a − b| / scale over the entries. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, scale: number): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / scale);
  return m;
}
