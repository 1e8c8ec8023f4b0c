/**
 * Everything the docs show runs: each script in examples/, each ```ts block of the
 * guides in docs/ and of the README, and each @example block in src/. They import
 * 'penalized' and 'penalized/datasets' as users do; examples/tsconfig.json maps those
 * to the sources, so no build is needed. Each is type-checked (tsc) and executed (tsx).
 *
 * A guide's block that is deliberately not a complete program says so in its info
 * string: ```ts no-run (rendered as TypeScript, skipped here).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const tsconfig = join(root, 'examples/tsconfig.json');
const scratch = join(root, '.scratch/examples-test');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript file as a user would (tsx, the examples' path mapping). */
function run(file: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['--tsconfig', tsconfig, file], { cwd: root, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the tasks with at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit = 6): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------
// what to run
// ---------------------------------------------------------------------------------

/** The example scripts and a line each must print (proof it ran to the end, with the right numbers). */
const EXAMPLES: Record<string, RegExp> = {
  'quick-start.ts': /x₂ dropped by the Lasso: true/,
  'sparse-regression.ts': /it keeps 8 of 10 features: age, sex, bmi, bp, s1, s3, s5, s6/,
  'classification.ts': /held-out accuracy: 0\.98\d\d on 190 tumours/,
  'save-load.ts': /identical predictions after the round trip: true/,
  'custom-penalty.ts': /largest difference from glmnet with lower\.limits\/upper\.limits: \d\.\de-1[1-9]/,
};

interface Block {
  /** Where it comes from, for messages: file and line. */
  source: string;
  code: string;
}

/** ```ts blocks of a Markdown file, except those marked `no-run`. */
function markdownBlocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const match of text.matchAll(fence)) {
    if (/\bno-run\b/.test(match[2])) continue;
    const line = text.slice(0, match.index).split('\n').length;
    blocks.push({ source: `${file}:${line}`, code: match[3] });
  }
  return blocks;
}

/** The code of each @example block in the doc comments of a source file. */
function exampleBlocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks: Block[] = [];
  const example = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  for (const match of text.matchAll(example)) {
    const line = text.slice(0, match.index).split('\n').length;
    const code = match[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    blocks.push({ source: `${file}:${line}`, code });
  }
  return blocks;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : [],
  );
}

/** The guides whose code must run (docs/benchmarks.md and docs/bundle-size.md show measurements, not API). */
const GUIDES = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && !['benchmarks.md', 'bundle-size.md'].includes(f)).map((f) => `docs/${f}`)];

/**
 * Source files whose @example blocks are fragments (they use an `X` and `y` defined
 * elsewhere) rather than complete programs. Remove a file from this list once its
 * examples run on their own.
 */
const FRAGMENTS = new Set<string>([]);

const blocks: Block[] = [
  ...GUIDES.flatMap(markdownBlocks),
  ...sourceFiles('src')
    .filter((f) => !f.endsWith('.data.ts') && !FRAGMENTS.has(f))
    .flatMap(exampleBlocks),
];

/** File name for a block: its source, made safe. */
const fileFor = (block: Block, k: number) => `${String(k).padStart(3, '0')}-${block.source.replace(/[^A-Za-z0-9]+/g, '-')}.ts`;

// ---------------------------------------------------------------------------------
// runs, done once and shared by the tests below
// ---------------------------------------------------------------------------------

/**
 * Imports each block in turn in one tsx process (one start-up instead of one per
 * block); records, per block, whether it threw and anything it wrote to stderr or
 * emitted as a process warning.
 */
const RUNNER = `
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [files, out] = [JSON.parse(process.argv[2]) as string[], process.argv[3]];
const results: { error?: string; stderr: string }[] = [];
let current = { stderr: '' } as { error?: string; stderr: string };
process.on('warning', (warning) => (current.stderr += \`warning: \${warning.message}\\n\`));
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = ((chunk: string | Uint8Array) => ((current.stderr += String(chunk)), true)) as typeof process.stderr.write;
for (const file of files) {
  current = { stderr: '' };
  try {
    await import(pathToFileURL(file).href);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let emitted warnings arrive
  } catch (error) {
    current.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  results.push(current);
}
process.stderr.write = write;
writeFileSync(out, JSON.stringify(results));
`;

let exampleRuns: Map<string, Run>;
let blockRuns: { error?: string; stderr: string }[];
let typecheck: { status: number | null; output: string };

beforeAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  // each block as its own module (`export {}` keeps top-level names module-scoped)
  const files = blocks.map((block, k) => join(scratch, fileFor(block, k)));
  blocks.forEach((block, k) => writeFileSync(files[k], `${block.code}\nexport {};\n`));
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({ extends: '../../examples/tsconfig.json', files: blocks.map(fileFor), include: ['../../examples/*.ts'] }, null, 2),
  );
  writeFileSync(join(scratch, 'runner.ts'), RUNNER);
  const resultsFile = join(scratch, 'results.json');
  const names = Object.keys(EXAMPLES);
  const tscRun = new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(scratch, 'tsconfig.json')], { cwd: root });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status, output }));
  });
  const blocksRun = new Promise<Run>((resolve) => {
    const child = spawn(tsx, ['--tsconfig', tsconfig, join(scratch, 'runner.ts'), JSON.stringify(files), resultsFile], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const [checked, runner, runs] = await Promise.all([tscRun, blocksRun, pool(names.map((name) => () => run(join(root, 'examples', name))), 2)]);
  typecheck = checked;
  exampleRuns = new Map(names.map((name, k) => [name, runs[k]]));
  if (runner.status !== 0) throw new Error(`the block runner failed: ${runner.stderr}`);
  blockRuns = JSON.parse(readFileSync(resultsFile, 'utf8'));
}, 300_000);

describe('examples/', () => {
  it('has exactly the scripts listed here', () => {
    expect(readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s runs to the end', (name, expected) => {
    const result = exampleRuns.get(name)!;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(expected);
  });
});

describe('code in the docs', () => {
  it('finds the blocks (a guard against a trivial pass)', () => {
    expect(blocks.filter((b) => b.source.startsWith('docs/')).length).toBeGreaterThan(20);
    expect(blocks.filter((b) => b.source.startsWith('src/estimators/')).length).toBe(5);
  });

  it('type-checks, together with the examples', () => {
    // tsc names files by the scratch file name, which embeds the block's source and line
    expect(typecheck.output).toBe('');
    expect(typecheck.status).toBe(0);
  });

  it.each(blocks.map((block, k) => [block.source, k] as const))('%s runs', (_source, k) => {
    const result = blockRuns[k];
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
  });
});
