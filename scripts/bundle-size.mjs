#!/usr/bin/env node
/**
 * Bundle size of `penalized` as an app sees it: esbuild bundles (minify, tree-shaking,
 * platform browser, ESM) an entry that imports the package by name, resolved through
 * its `exports` map to the built dist, and the result is gzipped (zlib's default
 * level 6, as `gzip` and most servers use). 1 KB = 1000 bytes.
 *
 *   npm run build && npm run size            # measure the repo's dist
 *   node scripts/bundle-size.mjs --from DIR  # resolve 'penalized' from DIR/node_modules
 *
 * Exits 1 when a budget (BUDGETS below, from the issue "Adoption") is exceeded.
 * tests/package/bundle-size.test.ts runs `measureBundles` on the packed package.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The entries measured: what an app writes, and what it bundles. */
export const ENTRIES = {
  /** The common case: one estimator. Must not pull in ml-matrix or the direct solvers. */
  lasso: "import { Lasso } from 'penalized';\nexport { Lasso };\n",
  /** Everything the main entry exports. */
  all: "export * from 'penalized';\n",
};

/** Min+gz budgets in bytes (1 KB = 1000 bytes: the stricter reading of "8 KB"). */
// The issue's target for Lasso alone is 8 KB; it measures 10.4 KB since the data
// boundary gained its hostile-input checks (~0.5 KB), Lasso its sample weights,
// positive, penaltyFactor and standardize options (~1 KB), and the stopping rule its
// extreme-scale certification (rounding-aware dual point, power-of-two target units,
// ~0.6 KB). The budget here guards against unnoticed growth (11 KB, then 11.5 KB with the
// third session's speed-ups, 12 KB with Anderson extrapolation, +0.42 KB, 12.5 KB with the
// fused move-then-gradient pass of coordinate descent, +0.2 KB, 12.6 KB when coordinate
// descent's epoch and outer pass became module functions, whose compiled code survives a
// full GC, +46 B); the 8 KB target
// stays open (without any message strings the bundle would still be ~8 KB: see
// docs/bundle-size.md).
export const BUDGETS = { lasso: 12_600, all: 30_000 };

/**
 * Bundles each entry with 'penalized' resolved from `from` (a directory whose
 * node_modules holds the package, as in an app). Returns per entry the minified and
 * gzipped byte counts, the bundle text and the input files that contributed bytes.
 */
export async function measureBundles({ from } = {}) {
  let scratch;
  if (!from) {
    // Link the repo as node_modules/penalized of a scratch dir, so the package name
    // resolves through package.json "exports" exactly as it does for a user.
    scratch = mkdtempSync(join(tmpdir(), 'penalized-size-'));
    mkdirSync(join(scratch, 'node_modules'));
    symlinkSync(REPO, join(scratch, 'node_modules', 'penalized'), 'dir');
    from = scratch;
  }
  try {
    const results = {};
    for (const [name, contents] of Object.entries(ENTRIES)) {
      const out = await build({
        stdin: { contents, resolveDir: from, sourcefile: `${name}.js`, loader: 'js' },
        bundle: true,
        write: false,
        minify: true,
        treeShaking: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        metafile: true,
        logLevel: 'silent',
      });
      const bytes = out.outputFiles[0].contents;
      const output = Object.values(out.metafile.outputs)[0];
      const inputs = Object.entries(output.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([path]) => path);
      results[name] = {
        minified: bytes.length,
        gzipped: gzipSync(bytes).length,
        text: out.outputFiles[0].text,
        inputs,
      };
    }
    return results;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--from');
  const from = i > 0 ? resolve(process.argv[i + 1]) : undefined;
  const results = await measureBundles({ from });
  let over = false;
  console.log('entry   minified          min+gz           budget     ml-matrix');
  for (const [name, r] of Object.entries(results)) {
    const mlMatrix = r.inputs.some((p) => p.includes('node_modules/ml-matrix/')) ? 'bundled' : 'absent';
    const ok = r.gzipped <= BUDGETS[name];
    over ||= !ok;
    const cell = (n) => `${n} B (${kb(n)})`.padEnd(17);
    console.log(`${name.padEnd(7)} ${cell(r.minified)} ${cell(r.gzipped)} ${kb(BUDGETS[name]).padStart(7)} ${ok ? 'ok  ' : 'OVER'}  ${mlMatrix}`);
  }
  console.log(`(esbuild: minify, tree-shaking, platform browser, esm; gzip level 6; 'penalized' resolved ${from ? `from ${from}` : 'to this repo\'s dist/'})`);
  if (over) {
    console.error('A bundle exceeds its budget.');
    process.exit(1);
  }
}
