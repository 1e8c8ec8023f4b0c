/**
 * glmnet's options reproduced: penalty.factor, standardize and lower.limits = 0 on the
 * diabetes data, against frozen glmnet 4.1-6 solutions (scripts/make_glmnet_fixtures.R,
 * thresh 1e-30; provenance in tests/fixtures/glmnet/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDiabetes } from '../../src/datasets/index.js';
import { Lasso } from '../../src/index.js';
import { expectClose } from '../helpers/fixtures.js';

interface GlmnetCase {
  name: string;
  description: string;
  options: Record<string, unknown>;
  expected: { intercept: number; coef: number[] };
}

const dir = fileURLToPath(new URL('../fixtures/glmnet/', import.meta.url));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as GlmnetCase);
const { X, y } = loadDiabetes();

describe.each(cases.map((c) => [c.name, c] as const))('glmnet: %s', (_name, c) => {
  const model = new Lasso({ ...c.options, tol: 1e-12, maxIter: 100_000 }).fit(X, y);
  const scale = Math.max(...c.expected.coef.map(Math.abs));

  it('is a real case: several coefficients nonzero, some exactly zero', () => {
    expect(c.expected.coef.filter((v) => v !== 0).length).toBeGreaterThan(2);
    expect(c.expected.coef.some((v) => v === 0)).toBe(true);
  });

  it('coefficients and intercept match glmnet', () => {
    // glmnet at thresh 1e-30 is accurate to ~1e-12 relative, ours at tol 1e-12 to ~1e-9:
    // 1e-7 of the largest coefficient leaves room and still catches a wrong mapping
    // (glmnet's factor rescaling, or a sample instead of a population sd, move coef by >1e-3)
    expectClose(model.coef, c.expected.coef, { rtol: 1e-7, atol: 1e-7 * scale }, 'coef');
    expect(Math.abs(model.intercept - c.expected.intercept)).toBeLessThan(1e-7 * Math.abs(c.expected.intercept) + 1e-7 * scale);
    expect(Array.from(model.coef, (v) => v !== 0)).toEqual(c.expected.coef.map((v) => v !== 0));
  });
});
