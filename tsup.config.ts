import { defineConfig } from 'tsup';

// ESM + CommonJS with .d.ts / .d.cts, as valibot ships: one entry, tree-shakable output.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
});
