/**
 * Package hygiene, tested (STYLE.md habit 10): the tarball `npm pack` makes is
 * installed into a scratch project and used the ways users use it — `import`,
 * `require()`, and TypeScript under `moduleResolution` "nodenext" and "bundler" —
 * and publint and @arethetypeswrong/cli find nothing wrong with it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, run, runOk, scratchProject, stagePackage, type RunResult, type Stage } from './stage.js';

const fixture = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/conformance/lasso-diabetes-alpha0.1.json'), 'utf8')) as {
  X: number[][];
  y: number[];
  params: { alpha: number };
  expected: { coef: number[]; intercept: number };
};

// The same fit from both module systems, tol tight enough to compare with the
// scikit-learn reference as well as across the two builds.
const FIT = `new Lasso({ alpha: ${fixture.params.alpha}, tol: 1e-12, maxIter: 100000 }).fit(data.X, data.y)`;
const PRINT = 'console.log(JSON.stringify({ coef: Array.from(model.coef), intercept: model.intercept, converged: model.converged, resolved }));';
const ESM = `import { Lasso } from 'penalized';
import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync(new URL('./data.json', import.meta.url), 'utf8'));
const model = ${FIT};
const resolved = import.meta.resolve('penalized');
${PRINT}
`;
const CJS = `const { Lasso } = require('penalized');
const data = require('./data.json');
const model = ${FIT};
const resolved = require('node:url').pathToFileURL(require.resolve('penalized')).href;
${PRINT}
`;

// Exercises the public types: if a declaration is missing or wrong, this fails to compile.
const TYPED = `import {
  Lasso, LogisticL2, Ridge, ElasticNet, Linear, PenalizedError, setWarningHandler,
  type LassoOptions, type ModelJSON, type ErrorCode, type Label,
} from 'penalized';

const X: number[][] = [[0, 1], [1, 0], [2, 2], [3, 1]];
const y: number[] = [1, 2, 4, 5];
const options: LassoOptions = { alpha: 0.1, tol: 1e-8 };
const lasso: Lasso = new Lasso(options).fit(X, y);
const coef: Float64Array = lasso.coef;
const intercept: number = lasso.intercept;
const gap: number = lasso.dualGap;
const json: ModelJSON = lasso.toJSON();
const restored: Lasso = Lasso.fromJSON(JSON.parse(JSON.stringify(json)));
const predictions: Float64Array = restored.predict([Float64Array.of(1, 1)]);
const clf = new LogisticL2({ C: 1 }).fit(X, ['no', 'no', 'yes', 'yes']);
const labels: Label[] = clf.predict([[2, 1]]);
const proba: Float64Array = clf.predictProba([[2, 1]]);
const others: number[] = [new Ridge({ alpha: 1 }), new ElasticNet({ l1Ratio: 0.5 }), new Linear()].map((m) => m.fit(X, y).score(X, y));
let code: ErrorCode | undefined;
try {
  new Lasso({ alpha: -1 }).fit(X, y);
} catch (e) {
  if (e instanceof PenalizedError) code = e.code;
}
setWarningHandler(null);
export { coef, intercept, gap, predictions, labels, proba, others, code };
`;
// Two deliberate errors, on the lines after TYPED: a string where a number goes, and
// coef (a Float64Array) assigned to a string.
const BROKEN = `${TYPED}new Lasso({ alpha: '0.1' });
export const wrong: string = new Lasso().coef;
`;
const BROKEN_LINES = [TYPED.split('\n').length, TYPED.split('\n').length + 1];

const TSC = join(REPO, 'node_modules', '.bin', 'tsc');
const tsconfig = (module: string, moduleResolution: string, files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      module,
      moduleResolution,
      target: 'ES2022',
      lib: ['ES2022'], // no DOM, no @types/node: the declarations must not need them
      types: [],
      strict: true,
      skipLibCheck: false, // check the shipped .d.ts / .d.cts themselves too
      noEmit: true,
    },
    files,
  });

let stage: Stage;
let pkg: { exports: Record<string, unknown> }; // the package.json that was packed
let app: string;
// The slow checks (attw, four tsc runs: ~3 s each) start together once the scratch
// project exists and are awaited by their tests.
let attw: Promise<RunResult>;
const tsc: Record<string, Promise<RunResult>> = {};

beforeAll(async () => {
  stage = await stagePackage();
  pkg = JSON.parse(readFileSync(join(stage.dir, 'package.json'), 'utf8'));
  app = await scratchProject(stage.tarball);
  writeFileSync(join(app, 'data.json'), JSON.stringify({ X: fixture.X, y: fixture.y }));
  writeFileSync(join(app, 'esm.mjs'), ESM);
  writeFileSync(join(app, 'cjs.cjs'), CJS);
  for (const [name, text] of Object.entries({ 'use.mts': TYPED, 'use.cts': TYPED, 'use.ts': TYPED, 'broken.mts': BROKEN, 'broken.ts': BROKEN })) {
    writeFileSync(join(app, name), text);
  }
  writeFileSync(join(app, 'tsconfig.nodenext.json'), tsconfig('nodenext', 'nodenext', ['use.mts', 'use.cts']));
  writeFileSync(join(app, 'tsconfig.nodenext-broken.json'), tsconfig('nodenext', 'nodenext', ['broken.mts']));
  writeFileSync(join(app, 'tsconfig.bundler.json'), tsconfig('esnext', 'bundler', ['use.ts']));
  writeFileSync(join(app, 'tsconfig.bundler-broken.json'), tsconfig('esnext', 'bundler', ['broken.ts']));
  // `attw <tarball>` checks the very tarball users install (what `attw --pack` packs);
  // --no-definitely-typed: no registry lookup of an @types/penalized.
  attw = run(join(REPO, 'node_modules', '.bin', 'attw'), [stage.tarball, '--format', 'json', '--no-definitely-typed'], { cwd: app });
  for (const project of ['nodenext', 'bundler', 'nodenext-broken', 'bundler-broken']) {
    tsc[project] = run(TSC, ['-p', `tsconfig.${project}.json`, '--pretty', 'false'], { cwd: app });
  }
}, 240_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('was built by `npm run build` and holds only what users need', () => {
    expect(stage.buildLog).toMatch(/Build success/);
    const top = new Set(stage.packedFiles.map((p) => p.split('/')[0]));
    const allowed = new Set(['dist', 'data', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']);
    expect([...top].filter((t) => !allowed.has(t))).toEqual([]);
    for (const needed of ['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(stage.packedFiles).toContain(needed);
    }
    for (const never of ['src/', 'tests/', 'scripts/', 'bench/', 'docs/', 'examples/', 'node_modules/', '.ci/']) {
      expect(stage.packedFiles.filter((p) => p.startsWith(never))).toEqual([]);
    }
  });

  it('publint (strict) reports nothing', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const tarball = readFileSync(stage.tarball);
    const result = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer },
      strict: true,
      level: 'suggestion',
    });
    expect(result.messages.map((m) => formatMessage(m, result.pkg) ?? m.code)).toEqual([]);
  });

  it('@arethetypeswrong/cli reports nothing, for every resolution mode', async () => {
    const r = await attw;
    const report = JSON.parse(r.stdout) as {
      problems: Record<string, unknown>;
      analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(report.problems).toEqual({});
    expect(r.code).toBe(0);
    // not a trivial pass: every subpath of "exports" was analysed and resolves to
    // declarations in every mode (node10, TypeScript's `moduleResolution: "node"`,
    // ignores "exports": subpaths reach it through "typesVersions")
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(Object.keys(pkg.exports).sort());
    for (const [entry, { resolutions }] of Object.entries(report.analysis.entrypoints)) {
      expect(Object.keys(resolutions).sort(), entry).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
      for (const [mode, r] of Object.entries(resolutions)) expect(r.resolution?.fileName, `${entry} (${mode})`).toBeDefined();
    }
    const main = report.analysis.entrypoints['.']!.resolutions;
    expect(main['node16-esm']!.resolution?.fileName).toMatch(/dist\/index\.d\.ts$/);
    expect(main['node16-cjs']!.resolution?.fileName).toMatch(/dist\/index\.d\.cts$/);
  });
});

describe('installed into a scratch project', () => {
  let esm: { coef: number[]; intercept: number; converged: boolean; resolved: string };
  let cjs: typeof esm;

  beforeAll(async () => {
    [esm, cjs] = await Promise.all(
      ['esm.mjs', 'cjs.cjs'].map(async (file) => JSON.parse((await runOk(process.execPath, [file], { cwd: app })).stdout)),
    );
  });

  it("`import { Lasso } from 'penalized'` loads dist/index.js and fits", () => {
    expect(esm.resolved).toMatch(/\/node_modules\/penalized\/dist\/index\.js$/);
    expect(esm.converged).toBe(true);
    // not a trivial pass: the scikit-learn reference, to the conformance suite's rtol
    const scale = Math.max(...fixture.expected.coef.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    esm.coef.forEach((c, j) => expect(Math.abs(c - fixture.expected.coef[j]!)).toBeLessThanOrEqual(1e-5 * scale));
  });

  it("`require('penalized')` loads dist/index.cjs and gives the identical model", () => {
    expect(cjs.resolved).toMatch(/\/node_modules\/penalized\/dist\/index\.cjs$/);
    // the two builds are the same code compiled twice: bit-for-bit equal results
    expect(cjs.coef).toEqual(esm.coef);
    expect(cjs.intercept).toBe(esm.intercept);
  });

  it('every subpath of "exports" loads with both import and require', async () => {
    const subpaths = Object.keys(pkg.exports).map((k) => k.replace(/^\./, 'penalized'));
    expect(subpaths).toContain('penalized');
    const probe = (s: string) => `Object.keys(m).length > 0 || (() => { throw new Error('${s}: no exports'); })()`;
    for (const s of subpaths) {
      const attributes = s.endsWith('.json') ? ", { with: { type: 'json' } }" : '';
      await runOk(process.execPath, ['--input-type=module', '-e', `const m = await import('${s}'${attributes}); ${probe(s)}`], { cwd: app });
      await runOk(process.execPath, ['-e', `const m = require('${s}'); ${probe(s)}`], { cwd: app });
    }
  });
});

describe('TypeScript against the installed declarations', () => {
  it('type-checks an ESM and a CJS file under moduleResolution "nodenext"', async () => {
    const r = await tsc.nodenext!;
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('type-checks under moduleResolution "bundler"', async () => {
    const r = await tsc.bundler!;
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['nodenext', 'broken.mts'],
    ['bundler', 'broken.ts'],
  ])('reports a deliberate type error (%s), so the checks above can fail', async (mode, file) => {
    const r = await tsc[`${mode}-broken`]!;
    expect(r.code).not.toBe(0);
    const errorLines = [...r.stdout.matchAll(new RegExp(`^${file.replace('.', '\\.')}\\((\\d+),\\d+\\): error TS2322`, 'gm'))].map((m) => Number(m[1]));
    expect(errorLines).toEqual(BROKEN_LINES);
    expect(r.stdout.trim().split('\n')).toHaveLength(BROKEN_LINES.length); // and nothing else
  });
});
