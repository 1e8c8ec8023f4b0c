/** penalized/datasets: the bundled data equals the CSVs in data/ exactly, and every call is a fresh copy. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Dataset, loadBreastCancer, loadDiabetes } from '../src/datasets/index.js';

function readCsv(name: string): { header: string[]; rows: number[][] } {
  const lines = readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), 'utf8').trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((line) => line.split(',').map(Number)) };
}

const cases: { name: string; load: () => Dataset; csv: string; n: number; p: number }[] = [
  { name: 'loadDiabetes', load: loadDiabetes, csv: 'diabetes.csv', n: 442, p: 10 },
  { name: 'loadBreastCancer', load: loadBreastCancer, csv: 'breast_cancer.csv', n: 569, p: 30 },
];

describe.each(cases)('$name', ({ load, csv, n, p }) => {
  const data = load();
  const { header, rows } = readCsv(csv);

  it(`has ${n} rows of ${p} features and ${n} targets`, () => {
    expect(data.X.length).toBe(n);
    for (const row of data.X) expect(row.length).toBe(p);
    expect(data.y.length).toBe(n);
    expect(data.featureNames.length).toBe(p);
  });

  it('equals the CSV exactly (every float64, bit for bit)', () => {
    expect(rows.length).toBe(n);
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) {
        // Object.is: same float64, and tells 0 from -0
        if (!Object.is(data.X[i][j], rows[i][j])) throw new Error(`X[${i}][${j}] = ${data.X[i][j]}, CSV has ${rows[i][j]}`);
        compared++;
      }
      if (!Object.is(data.y[i], rows[i][p])) throw new Error(`y[${i}] = ${data.y[i]}, CSV has ${rows[i][p]}`);
    }
    expect(compared).toBe(n * p);
    // guard against a trivial pass: the data is not all zeros
    expect(data.X.some((row) => row.some((v) => v !== 0))).toBe(true);
  });

  it('names the features as the CSV header does', () => {
    expect(data.featureNames).toEqual(header.slice(0, -1));
  });

  it('describes its source and licence', () => {
    expect(data.description.length).toBeGreaterThan(50);
    expect(data.license).toMatch(/BSD-3-Clause|CC BY 4\.0/);
  });

  it('returns fresh arrays on every call', () => {
    const first = load();
    const original = { x00: first.X[0][0], y0: first.y[0], name0: first.featureNames[0] };
    first.X[0][0] = 12345;
    first.X.pop();
    first.y[0] = -1;
    first.featureNames[0] = 'changed';
    const second = load();
    expect(second.X.length).toBe(n);
    expect(second.X[0][0]).toBe(original.x00);
    expect(second.y[0]).toBe(original.y0);
    expect(second.featureNames[0]).toBe(original.name0);
    expect(second.X).not.toBe(first.X);
    expect(second.X[1]).not.toBe(first.X[1]);
  });
});

describe('the dataset specifics', () => {
  it('diabetes: scikit-learn feature names and unit-norm, centered columns', () => {
    const { X, featureNames } = loadDiabetes();
    expect(featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    for (let j = 0; j < 10; j++) {
      let sum = 0;
      let sq = 0;
      for (const row of X) {
        sum += row[j];
        sq += row[j] * row[j];
      }
      expect(Math.abs(sum)).toBeLessThan(1e-12);
      expect(Math.abs(sq - 1)).toBeLessThan(1e-12);
    }
  });

  it('breast cancer: labels 0 (212 malignant) and 1 (357 benign)', () => {
    const { y, targetNames, featureNames } = loadBreastCancer();
    expect(y.filter((v) => v === 0).length).toBe(212);
    expect(y.filter((v) => v === 1).length).toBe(357);
    expect(targetNames).toEqual(['malignant', 'benign']);
    expect(featureNames[0]).toBe('mean_radius');
    expect(featureNames[29]).toBe('worst_fractal_dimension');
  });
});

describe('the generated modules', () => {
  it('are what scripts/build-datasets.ts writes from data/*.csv', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = fileURLToPath(new URL('..', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-datasets.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are not imported by the main entry point', () => {
    const index = readFileSync(fileURLToPath(new URL('../src/index.ts', import.meta.url)), 'utf8');
    expect(index).not.toMatch(/datasets/);
  });
});
