import { defineConfig } from 'tsup';

// ESM + CommonJS with .d.ts / .d.cts, as valibot ships, tree-shakable output. Two entries:
// the library, and `penalized/datasets` (the bundled data, kept out of the main bundle).
export default defineConfig({
  entry: { index: 'src/index.ts', datasets: 'src/datasets/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
});
