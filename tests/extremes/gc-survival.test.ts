/**
 * Optimized code survives garbage collection. V8 frees the hidden class (map) of a
 * class whose instances are all garbage at the next full GC and throws away every
 * function compiled against it; a fit started after that GC runs unoptimized until V8
 * recompiles (a 5000×200 Lasso: 25 ms instead of 15). The datafits, penalties and the
 * stopping rule therefore each keep one instance alive (`#keepsMapAlive`). This test
 * fits every estimator until V8 has optimized the engine, forces a GC, and reads V8's
 * own deoptimization trace: none of the engine's functions may be thrown away for
 * "weak objects". A local probe class, discarded the same way, must be: that shows the
 * trace does report the effect, so the test cannot pass by seeing nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const script = `
const { Lasso, ElasticNet, Ridge, LogisticL2 } = await import(${JSON.stringify(join(root, 'src/index.ts'))});
let seed = 7;
const uniform = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const X = Array.from({ length: 400 }, () => Array.from({ length: 30 }, () => uniform() - 0.5));
const y = X.map((row) => 3 * row[0] - 2 * row[4] + row[9] + 0.1 * (uniform() - 0.5));
const labels = y.map((v) => (v > 0 ? 1 : 0));
class Probe { constructor(a) { this.a = a; } scale(v) { let s = 0; for (let i = 0; i < v.length; i++) s += this.a * v[i]; return s; } }
const v = new Float64Array(1000).fill(0.5);
const probe = () => { const p = new Probe(0.25); let s = 0; for (let k = 0; k < 200; k++) s += p.scale(v); return s; };
const fitAll = () => {
  new Lasso({ alpha: 0.01 }).fit(X, y);
  new ElasticNet({ alpha: 0.02, l1Ratio: 0.5 }).fit(X, y);
  new Ridge({ alpha: 1, solver: 'cg' }).fit(X, y);
  new LogisticL2({ C: 1 }).fit(X, labels);
  probe();
};
for (let k = 0; k < 60; k++) fitAll();
console.log('--- gc');
gc();
console.log('--- done');
`;

/** The functions the engine spends its time in: their compiled code must outlive a GC. */
const ENGINE = [
  'partialGradient', 'moveCoordinate', 'gradient', 'setLinearPredictor', 'setIterate', 'dualPoint', 'value',
  'interceptStep', 'moveIntercept', 'interceptGradient', 'conjugateAtNegative', 'gapScale',
  'subdifferentialDistance', 'proxCoordinate', 'gradientCoordinate', 'factor', 'conjugate', 'dualScale',
  'measureFromGradient', 'dualityGap', 'kktFromGradient', 'kktResidual', 'measure',
  'coordinateDescent', 'lbfgs', 'conjugateGradient',
];

describe('compiled code survives garbage collection', () => {
  it('a full GC between fits throws away none of the engine’s optimized functions', () => {
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--trace-deopt', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' }, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(child.status, child.stderr).toBe(0);
    const window = child.stdout.slice(child.stdout.indexOf('--- gc'), child.stdout.indexOf('--- done'));
    expect(window.length).toBeGreaterThan(0);
    // "[marking dependent code … (… <SharedFunctionInfo NAME>) … reason: weak objects]"
    const discarded = [...window.matchAll(/<SharedFunctionInfo ([^>]*)>\)[^\]]*reason: weak objects/g)].map((m) => m[1]);
    expect(discarded).toContain('scale'); // the probe: the trace does show the effect
    expect(discarded.filter((name) => ENGINE.includes(name))).toEqual([]);
  }, 120_000);
});
