/**
 * Bundle-size budgets (issue "Adoption"): what an app ships when it imports
 * `penalized`, measured by scripts/bundle-size.mjs on the installed tarball. The
 * numbers are recorded in docs/bundle-size.md.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchProject, stagePackage } from './stage.js';

interface Measured {
  minified: number;
  gzipped: number;
  text: string;
  inputs: string[];
}
// the script is plain JavaScript (runnable as `npm run size`); its shape, typed here
const { BUDGETS, measureBundles } = (await import(new URL('../../scripts/bundle-size.mjs', import.meta.url).href)) as {
  BUDGETS: { lasso: number; all: number };
  measureBundles(options: { from?: string }): Promise<{ lasso: Measured; all: Measured }>;
};

let app: string;
let sizes: { lasso: Measured; all: Measured };

beforeAll(async () => {
  app = await scratchProject((await stagePackage()).tarball);
  sizes = await measureBundles({ from: app });
}, 240_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

const fromMlMatrix = (m: Measured) => m.inputs.filter((p) => /node_modules\/ml-matrix\//.test(p));

describe('bundle size (esbuild minify + tree-shaking, browser ESM, gzip)', () => {
  it(`import { Lasso } is ≤ ${BUDGETS.lasso / 1000} KB min+gz`, () => {
    console.info(`Lasso alone: ${sizes.lasso.minified} B minified, ${sizes.lasso.gzipped} B min+gz`);
    expect(sizes.lasso.gzipped).toBeLessThanOrEqual(BUDGETS.lasso);
  });

  // a message only the direct solver (Linear, Ridge) has: marks whether it is bundled
  const DIRECT_SOLVER = 'the direct solver needs a squared loss';

  it('import { Lasso } tree-shakes the direct solver (and ml-matrix) away', () => {
    expect(fromMlMatrix(sizes.lasso)).toEqual([]);
    expect(sizes.lasso.text).not.toContain(DIRECT_SOLVER);
    expect(sizes.lasso.inputs.some((p) => p.endsWith('penalized/dist/index.js'))).toBe(true);
  });

  it(`the whole library is ≤ ${BUDGETS.all / 1000} KB min+gz`, () => {
    console.info(`everything: ${sizes.all.minified} B minified, ${sizes.all.gzipped} B min+gz`);
    expect(sizes.all.gzipped).toBeLessThanOrEqual(BUDGETS.all);
  });

  it('the measurement is not vacuous: the whole library does bundle the direct solver', () => {
    // `export *` must contain what Lasso leaves out; if this fails, the Lasso check above
    // no longer proves anything. (ml-matrix is no longer used at run time at all: the
    // dense factorizations are src/linalg/dense.ts.)
    expect(sizes.all.text).toContain(DIRECT_SOLVER);
    expect(fromMlMatrix(sizes.all)).toEqual([]);
    expect(sizes.all.gzipped).toBeGreaterThan(sizes.lasso.gzipped);
  });
});
