/**
 * `npm run bench` — times penalized against scikit-learn and JavaScript peers on the
 * standard problems and prints markdown tables. A script that prints numbers, not a
 * test. See docs/benchmarks.md.
 *
 *   npm run bench                          full run (~10 min on 2 cores)
 *   npm run bench -- --quick               n and p ÷10, peer budget 10 s (~1.5 min)
 *   npm run bench -- --only tall,wide      some problems (tall, wide, logistic, scaling, path, cv)
 *   npm run bench -- --runs 7              timed runs per fit (median; default 5)
 *   npm run bench -- --rounds 3            alternate penalized and scikit-learn this many times (default 3)
 *   npm run bench -- --no-peers --no-sklearn --no-memory
 *   npm run bench -- --peer-budget 60      seconds a peer may take on one fit
 *   npm run bench -- --sklearn-threads 0   BLAS threads for scikit-learn (0 = library default; default 1)
 *   npm run bench -- --keep-tmp            keep bench/.tmp (the binary data) afterwards
 *   npm run bench -- --times               also print every timed penalized run
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import {
  alphaMax,
  countNonzeros,
  generate,
  median,
  objective,
  toRows,
  writeDataset,
  type Dataset,
  type Kind,
  type Model,
  type Task,
} from './common.js';
import { fitPenalized, PEER_LABEL, PEER_MODELS, scikitjsMinEpochs, type PeerName } from './fitters.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const tmpDir = join(benchDir, '.tmp');

// ---------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------

const argv = process.argv.slice(2);
function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}
function option(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
const known = ['quick', 'only', 'runs', 'rounds', 'no-peers', 'no-sklearn', 'no-memory', 'peer-budget', 'sklearn-threads', 'keep-tmp', 'times', 'help'];
for (const a of argv) {
  if (a.startsWith('--') && !known.includes(a.slice(2).split('=')[0])) {
    console.error(`Unknown option ${a}. Options: ${known.map((k) => '--' + k).join(' ')}`);
    process.exit(2);
  }
}
if (flag('help')) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
function numeric(name: string, fallback: number, min: number): number {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min) {
    console.error(`--${name} needs a number ≥ ${min}; got ${raw}`);
    process.exit(2);
  }
  return value;
}
const QUICK = flag('quick');
const RUNS = Math.round(numeric('runs', 5, 1));
// The machine drifts (other load, memory management) over minutes: timing penalized and
// scikit-learn in alternating rounds and taking the median of the per-round ratios keeps
// a slow spell from landing on one side only.
const ROUNDS = Math.round(numeric('rounds', QUICK ? 1 : 3, 1));
const WARMUP = 1;
const PEER_BUDGET_S = numeric('peer-budget', QUICK ? 10 : 60, 1);
const SKLEARN_THREADS = Math.round(numeric('sklearn-threads', 1, 0));
const ALL_PROBLEMS = ['tall', 'wide', 'logistic', 'scaling', 'path', 'cv'] as const;
type ProblemName = (typeof ALL_PROBLEMS)[number];
const ONLY = (option('only') ?? ALL_PROBLEMS.join(',')).split(',').map((s) => s.trim()) as ProblemName[];
for (const p of ONLY) {
  if (!ALL_PROBLEMS.includes(p)) {
    console.error(`--only: unknown problem "${p}" (choose from ${ALL_PROBLEMS.join(', ')})`);
    process.exit(2);
  }
}

// Expose gc() so each timed fit starts from a collected heap.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------------------------
// The standard problems
// ---------------------------------------------------------------------------------

interface ProblemSpec {
  group: ProblemName;
  name: string;
  kind: Kind;
  n: number;
  p: number;
  seed: number;
  models: Model[];
  peers: boolean;
}

function specs(): ProblemSpec[] {
  const s = QUICK ? 10 : 1; // --quick divides n and p by 10
  const out: ProblemSpec[] = [];
  if (ONLY.includes('tall')) out.push({ group: 'tall', name: 'tall', kind: 'regression', n: 20000 / s, p: 500 / s, seed: 1, models: ['lasso', 'enet', 'ridge', 'linear'], peers: true });
  if (ONLY.includes('wide')) out.push({ group: 'wide', name: 'wide', kind: 'regression', n: 500 / s, p: 10000 / s, seed: 2, models: ['lasso', 'enet'], peers: true });
  if (ONLY.includes('logistic')) out.push({ group: 'logistic', name: 'logistic', kind: 'classification', n: 20000 / s, p: 200 / (QUICK ? 4 : 1), seed: 3, models: ['logistic'], peers: true });
  if (ONLY.includes('scaling')) {
    for (let k = 0; k < 4; k++) {
      out.push({ group: 'scaling', name: `scaling${k}`, kind: 'regression', n: (2500 / s) * 2 ** k, p: QUICK ? 50 : 200, seed: 10 + k, models: ['lasso'], peers: !QUICK });
    }
  }
  return out;
}

function tasksFor(spec: ProblemSpec, d: Dataset): Task[] {
  const aMax = alphaMax(d);
  return spec.models.map((model): Task => {
    const id = `${spec.name}/${model}`;
    switch (model) {
      case 'lasso':
        return { id, model, dataset: spec.name, alpha: aMax / 20, tol: 1e-4 };
      case 'enet':
        return { id, model, dataset: spec.name, alpha: aMax / 0.5 / 20, l1Ratio: 0.5, tol: 1e-4 };
      case 'ridge':
        return { id, model, dataset: spec.name, alpha: 1 };
      case 'linear':
        return { id, model, dataset: spec.name };
      case 'logistic':
        return { id, model, dataset: spec.name, C: 1, tol: 1e-4 };
    }
  });
}

const MODEL_LABEL: Record<Model, string> = { lasso: 'Lasso', enet: 'ElasticNet', ridge: 'Ridge', linear: 'Linear', logistic: 'LogisticL2' };

// ---------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------

interface Measured {
  timeMs: number;
  times: number[];
  nIter: number | null;
  nonzeros: number;
  objective: number;
  converged?: boolean;
}
interface PeerResult {
  peer: PeerName;
  status: 'ok' | 'skipped' | 'failed';
  note: string;
  /** Predicted full time of a skipped peer. */
  estimateMs?: number;
  /** Whether estimateMs is a lower bound. */
  lowerBound?: boolean;
  result?: Measured;
}
interface Memory {
  xBytes: number;
  peakRssDelta: number;
  rssDelta: number;
  heapUsedDelta: number;
  arrayBuffersDelta: number;
}
interface Row {
  task: Task;
  group: ProblemName;
  size: string;
  n: number;
  p: number;
  penalized: Measured;
  sklearn?: Measured;
  /** penalized time / scikit-learn time in each round (median reported). */
  ratios: number[];
  peers: PeerResult[];
  memory?: Memory;
}

// ---------------------------------------------------------------------------------
// penalized: in this process, number[][] in, median of RUNS after WARMUP
// ---------------------------------------------------------------------------------

/** penalized / scikit-learn time: the median of the rounds' ratios (the table and the targets use this). */
function sklearnRatio(r: Row): number {
  return r.ratios.length ? median(r.ratios) : r.penalized.timeMs / r.sklearn!.timeMs;
}

/** One measurement from several rounds: the median time, the last round's result. */
function acrossRounds(rounds: Measured[]): Measured {
  const last = rounds[rounds.length - 1];
  return { ...last, timeMs: median(rounds.map((m) => m.timeMs)), times: rounds.flatMap((m) => m.times) };
}

function timePenalized(task: Task, d: Dataset, X: number[][], y: number[]): Measured {
  const times: number[] = [];
  let last = null as ReturnType<typeof fitPenalized> | null;
  for (let r = 0; r < WARMUP + RUNS; r++) {
    gc();
    const t0 = performance.now();
    last = fitPenalized(task, X, y);
    const dt = performance.now() - t0;
    if (r >= WARMUP) times.push(dt);
  }
  if (flag('times')) log(`${task.model} ${X.length}×${X[0].length}, each run (ms): ${times.map((t) => t.toFixed(1)).join(' ')}`);
  return {
    timeMs: median(times),
    times,
    nIter: last!.nIter,
    nonzeros: countNonzeros(last!.coef),
    objective: objective(task, d, last!.coef, last!.intercept),
    converged: last!.converged,
  };
}

// ---------------------------------------------------------------------------------
// scikit-learn: /usr/bin/python3 (Debian's python3-sklearn) on the same binary data
// ---------------------------------------------------------------------------------

const PYTHON = process.env.PENALIZED_BENCH_PYTHON ?? '/usr/bin/python3';
function sklearnStatus(): { ok: boolean; why: string } {
  if (flag('no-sklearn')) return { ok: false, why: 'scikit-learn skipped (--no-sklearn).' };
  const r = spawnSync(PYTHON, ['-c', 'import sklearn, numpy; print(sklearn.__version__)'], { encoding: 'utf8' });
  if (r.status === 0) return { ok: true, why: r.stdout.trim() };
  return {
    ok: false,
    why: `scikit-learn columns skipped: \`${PYTHON} -c "import sklearn"\` failed (install Debian's python3-sklearn, or set PENALIZED_BENCH_PYTHON to a python with scikit-learn).`,
  };
}

function runSklearn(folder: string, tasks: Task[]): Record<string, Measured> {
  const env = { ...process.env };
  if (SKLEARN_THREADS > 0) {
    for (const v of ['OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS']) env[v] = String(SKLEARN_THREADS);
  }
  const r = spawnSync(PYTHON, [join(benchDir, 'sklearn_bench.py'), folder, JSON.stringify(tasks), String(RUNS), String(WARMUP)], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  if (r.status !== 0) {
    log(`scikit-learn failed on ${folder}: ${r.stderr || r.error}`);
    return {};
  }
  return JSON.parse(r.stdout).results;
}

// ---------------------------------------------------------------------------------
// Child processes (peers, memory): JSON lines on stdout, killed at a time limit
// ---------------------------------------------------------------------------------

interface ChildOutput {
  lines: any[];
  timedOut: boolean;
  wallMs: number;
  stderr: string;
}

function runChild(job: object, timeoutMs: number): Promise<ChildOutput> {
  return new Promise((resolvePromise) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(benchDir, 'worker.ts'), JSON.stringify(job)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      resolvePromise({ lines, timedOut, wallMs: performance.now() - t0, stderr: err });
    });
  });
}

function peersStatus(): { ok: boolean; why: string } {
  if (flag('no-peers')) return { ok: false, why: 'JavaScript peers skipped (--no-peers).' };
  const missing = ['scikitjs', '@tensorflow/tfjs', 'ml-regression-multivariate-linear'].filter(
    (m) => !existsSync(join(benchDir, 'node_modules', m, 'package.json')),
  );
  if (missing.length === 0) return { ok: true, why: '' };
  return {
    ok: false,
    why: `JavaScript peers skipped: ${missing.join(', ')} not installed in bench/node_modules. Run \`npm --prefix bench install\` once (it keeps the peers out of the library's own install).`,
  };
}

const fmtS = (ms: number) => (ms >= 10000 ? `${(ms / 1000).toFixed(0)}s` : `${(ms / 1000).toFixed(1)}s`);

/**
 * A peer on one task, within PEER_BUDGET_S per fit. scikitjs is first probed: its
 * fastest of up to 10 epochs (stopping after max(4 s, budget/10) once 2 are done) on the full data,
 * times the fewest epochs its early stopping allows, is about a lower bound on the
 * fit; when twice that exceeds the budget it is skipped with the estimate. Then one warm-up and up to RUNS timed fits run in a child process, which
 * starts another fit only while one more like the last fits in the budget, and is
 * killed at the budget. If only the warm-up finished, that (cold) fit is reported.
 */
async function timePeer(peer: PeerName, task: Task, folder: string): Promise<PeerResult> {
  const budgetMs = PEER_BUDGET_S * 1000;
  const slackMs = 15000; // process start, tfjs import, reading the data
  const failed = (out: ChildOutput): PeerResult => {
    const error = out.lines.find((l) => 'error' in l)?.error ?? out.stderr;
    return { peer, status: 'failed', note: `failed: ${String(error).split('\n')[0]}` };
  };
  let est = '';
  if (peer === 'scikitjs') {
    const probe = await runChild({ mode: 'peer', peer, task, folder, probeEpochs: 10, probeMs: Math.max(4000, budgetMs / 10), warmup: 0, runs: 0 }, budgetMs / 2 + slackMs);
    const line = probe.lines.find((l) => 'epochMs' in l);
    if (!line) {
      if (!probe.timedOut) return failed(probe);
      return { peer, status: 'skipped', estimateMs: budgetMs, lowerBound: true, note: `skipped (est. >${fmtS(budgetMs)}: 2 epochs took >${fmtS(budgetMs / 2)})` };
    }
    const epochMs = line.epochMs as number[];
    const setup = Math.max(0, line.timeMs - epochMs.reduce((a, b) => a + b, 0));
    const estimateMs = setup + Math.min(...epochMs) * scikitjsMinEpochs(task);
    est = `est. ≥${fmtS(estimateMs)}`;
    // A lower bound is often well short: scikitjs typically runs ~2× its fewest epochs.
    if (2 * estimateMs > budgetMs) {
      const note = estimateMs <= budgetMs ? `skipped (${est}, likely ~${fmtS(2 * estimateMs)})` : `skipped (${est})`;
      return { peer, status: 'skipped', estimateMs, lowerBound: true, note };
    }
  }
  const out = await runChild({ mode: 'peer', peer, task, folder, warmup: WARMUP, runs: RUNS, budgetMs }, budgetMs + slackMs);
  const fits = out.lines.filter((l) => 'timeMs' in l);
  let timed = fits.filter((l) => !l.warmup);
  let note = `median of ${timed.length}`;
  if (timed.length === 0 && fits.length > 0) {
    timed = fits;
    note = '1 cold run';
  } else if (timed.length === 1) note = '1 run';
  if (timed.length === 0) {
    if (!out.timedOut) return failed(out);
    return { peer, status: 'skipped', estimateMs: budgetMs, lowerBound: true, note: `stopped at ${fmtS(budgetMs)}${est ? ` (${est})` : ''}` };
  }
  const times = timed.map((l) => l.timeMs as number);
  const last = timed[timed.length - 1];
  return {
    peer,
    status: 'ok',
    note,
    result: { timeMs: median(times), times, nIter: last.nIter, nonzeros: last.nonzeros, objective: last.objective },
  };
}

async function measureMemory(task: Task, folder: string): Promise<Memory | undefined> {
  const out = await runChild({ mode: 'memory', task, folder }, 10 * 60 * 1000);
  const line = out.lines.find((l) => 'peakRssDelta' in l);
  if (!line) {
    log(`memory job for ${task.id} failed: ${out.stderr.split('\n').slice(0, 3).join(' ')}`);
    return undefined;
  }
  return line;
}

// ---------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------

function fmtMs(ms: number): string {
  if (ms >= 100000) return ms.toFixed(0);
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}
const fmtObj = (v: number) => (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(7) : v.toPrecision(8));
const relDiff = (a: number, b: number) => (a - b) / Math.abs(b);
const fmtRel = (r: number) => (r === 0 ? '0' : `${r > 0 ? '+' : ''}${r.toExponential(1)}`);
const fmtMB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}`;
const iters = (m: Measured) => (m.nIter === null ? '–' : `${m.nIter}${m.converged === false ? '*' : ''}`);
const taskLabel = (row: Row) => (row.group === 'scaling' ? `scaling ${MODEL_LABEL[row.task.model]}` : `${row.group} ${MODEL_LABEL[row.task.model]}`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (i < 2 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|') + '|';
  return [line(header), sep, ...rows.map(line)].join('\n');
}

function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? ' (+ uncommitted src changes)' : ''}` : 'unknown';
}

// ---------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const sk = sklearnStatus();
  const peers = peersStatus();
  const memoryOn = !flag('no-memory');
  const needFiles = sk.ok || peers.ok || memoryOn || flag('keep-tmp');
  const cpu = cpus()[0]?.model ?? 'unknown';
  const header = [
    `penalized benchmark${QUICK ? ' (--quick: n and p ÷10)' : ''} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; commit ${gitCommit()}`,
    sk.ok ? `scikit-learn ${sk.why} (${PYTHON}, BLAS threads: ${SKLEARN_THREADS > 0 ? SKLEARN_THREADS : 'library default'})` : sk.why,
    peers.ok ? `JS peers: ${Object.values(PEER_LABEL).join(', ')}; budget ${PEER_BUDGET_S}s per fit` : peers.why,
    `timing: median of ${RUNS} runs after ${WARMUP} warm-up, X passed as number[][] (conversion included), tol 1e-4; ` +
      `${ROUNDS} alternating round${ROUNDS > 1 ? 's' : ''} of penalized then scikit-learn (times: median over rounds; ratio: median of the rounds' ratios)`,
  ];
  for (const h of header) log(h);

  const rows: Row[] = [];
  for (const spec of specs()) {
    log(`${spec.name}: generating n=${spec.n} p=${spec.p}`);
    const d = generate(spec.name, spec.kind, spec.n, spec.p, spec.seed);
    const tasks = tasksFor(spec, d);
    const X = toRows(d);
    const y = Array.from(d.y);
    const size = `${spec.n}×${spec.p}`;
    const folder = needFiles ? writeDataset(tmpDir, d) : '';
    const penalizedRounds: Measured[][] = tasks.map(() => []);
    const sklearnRounds: Measured[][] = tasks.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      const of = ROUNDS > 1 ? ` (round ${round}/${ROUNDS})` : '';
      tasks.forEach((task, k) => {
        log(`${task.id}: penalized${of}`);
        const m = timePenalized(task, d, X, y);
        log(`${task.id}: penalized ${fmtMs(m.timeMs)} ms, ${m.nIter} iter`);
        penalizedRounds[k].push(m);
      });
      if (sk.ok) {
        log(`${spec.name}: scikit-learn${of}`);
        const res = runSklearn(folder, tasks);
        tasks.forEach((task, k) => {
          if (res[task.id]) sklearnRounds[k].push(res[task.id]);
        });
      }
    }
    const specRows: Row[] = tasks.map((task, k) => {
      const ours = penalizedRounds[k];
      const theirs = sklearnRounds[k];
      const ratios = theirs.length === ours.length ? ours.map((m, r) => m.timeMs / theirs[r].timeMs) : [];
      return {
        task,
        group: spec.group,
        size,
        n: spec.n,
        p: spec.p,
        penalized: acrossRounds(ours),
        sklearn: theirs.length ? acrossRounds(theirs) : undefined,
        ratios,
        peers: [],
      };
    });
    if (memoryOn) {
      for (const row of specRows) {
        log(`${row.task.id}: memory`);
        row.memory = await measureMemory(row.task, folder);
      }
    }
    if (peers.ok && spec.peers) {
      for (const row of specRows) {
        for (const peer of Object.keys(PEER_MODELS) as PeerName[]) {
          if (!PEER_MODELS[peer].includes(row.task.model)) continue;
          log(`${row.task.id}: ${peer}`);
          const r = await timePeer(peer, row.task, folder);
          log(`${row.task.id}: ${peer} ${r.result ? fmtMs(r.result.timeMs) + ' ms' : r.note}`);
          row.peers.push(r);
        }
      }
    }
    rows.push(...specRows);
  }
  if (!flag('keep-tmp')) rmSync(tmpDir, { recursive: true, force: true });

  // ---- tables ----
  const out: string[] = [];
  out.push(`**${header[0]}**`, '', ...header.slice(1).map((h) => `- ${h}`), '');
  out.push('### penalized vs scikit-learn', '');
  out.push(
    table(
      ['task', 'size', 'penalized ms', 'iter', 'nnz', 'objective', 'sklearn ms', 'ratio', 'sk iter', 'sk nnz', 'sklearn objective', 'rel. diff'],
      rows.map((r) => {
        const s = r.sklearn;
        return [
          taskLabel(r),
          r.size,
          fmtMs(r.penalized.timeMs),
          iters(r.penalized),
          String(r.penalized.nonzeros),
          fmtObj(r.penalized.objective),
          s ? fmtMs(s.timeMs) : '–',
          s ? `${sklearnRatio(r).toFixed(2)}×` : '–',
          s ? iters(s) : '–',
          s ? String(s.nonzeros) : '–',
          s ? fmtObj(s.objective) : '–',
          s ? fmtRel(relDiff(r.penalized.objective, s.objective)) : '–',
        ];
      }),
    ),
  );
  out.push(
    '',
    'ratio = penalized time / scikit-learn time, the median over the alternating rounds (lower is better). rel. diff = (penalized − sklearn)/|sklearn| objective, both computed by the harness',
    'from coef/intercept with the formulas in docs/benchmarks.md (negative: penalized reached a lower objective). * = did not converge. iter = epochs (CD) or iterations.',
  );

  const peerRows = rows.filter((r) => r.peers.length > 0);
  if (peerRows.length) {
    out.push('', '### JavaScript peers', '');
    out.push(
      table(
        ['task', 'size', 'peer', 'peer ms', 'penalized ms', 'speed-up', 'epochs', 'nnz', 'peer objective', 'rel. diff vs penalized'],
        peerRows.flatMap((r) =>
          r.peers.map((pr) => {
            const m = pr.result;
            return [
              taskLabel(r),
              r.size,
              PEER_LABEL[pr.peer],
              m ? `${fmtMs(m.timeMs)}${pr.note.startsWith('1 ') ? ` (${pr.note})` : ''}` : pr.note,
              fmtMs(r.penalized.timeMs),
              m ? `${(m.timeMs / r.penalized.timeMs).toFixed(0)}×` : estimateSpeedup(pr, r.penalized.timeMs),
              m && m.nIter !== null ? String(m.nIter) : '–',
              m ? String(m.nonzeros) : '–',
              m ? fmtObj(m.objective) : '–',
              m ? fmtRel(relDiff(m.objective, r.penalized.objective)) : '–',
            ];
          }),
        ),
      ),
    );
    out.push(
      '',
      'speed-up = peer time / penalized time (higher is better; "~" from the estimate of a skipped peer, "≥" when that is a lower bound). scikitjs is given hyperparameters',
      "rescaled to the same objective (see bench/fitters.ts); its objective and nonzeros show whether it reaches the same solution.",
    );
  }

  const scaling = rows.filter((r) => r.group === 'scaling');
  if (scaling.length >= 2) {
    const growth = (get: (r: Row) => number | undefined) => {
      const steps: string[] = [];
      for (let k = 1; k < scaling.length; k++) {
        const a = get(scaling[k - 1]);
        const b = get(scaling[k]);
        steps.push(a && b ? `${(b / a).toFixed(2)}×` : '–');
      }
      const first = get(scaling[0]);
      const last = get(scaling[scaling.length - 1]);
      const size = (r: Row) => r.n * r.p;
      const exponent = first && last ? Math.log(last / first) / Math.log(size(scaling[scaling.length - 1]) / size(scaling[0])) : NaN;
      return `${steps.join(', ')} (time ∝ (n·p)^${exponent.toFixed(2)})`;
    };
    out.push('', '### scaling (Lasso, n·p doubling each step)', '');
    out.push(`- penalized time growth per step: ${growth((r) => r.penalized.timeMs)}`);
    if (scaling.some((r) => r.sklearn)) out.push(`- scikit-learn time growth per step: ${growth((r) => r.sklearn?.timeMs)}`);
  }

  const memRows = rows.filter((r) => r.memory);
  if (memRows.length) {
    out.push('', '### penalized memory (one fit in a fresh process, X as number[][] already built)', '');
    out.push(
      table(
        ['task', 'size', 'X as f64 MB', 'peak RSS Δ MB', 'RSS Δ MB', 'heapUsed Δ MB', 'arrayBuffers Δ MB'],
        memRows.map((r) => {
          const m = r.memory!;
          return [taskLabel(r), r.size, fmtMB(m.xBytes), fmtMB(m.peakRssDelta), fmtMB(m.rssDelta), fmtMB(m.heapUsedDelta), fmtMB(m.arrayBuffersDelta)];
        }),
      ),
    );
    out.push(
      '',
      'peak RSS Δ: highest RSS during the fit (sampled every 2 ms from a worker thread) minus RSS before it; the other columns are',
      'process.memoryUsage() after − before the fit (no GC in between, so heapUsed Δ counts garbage too).',
    );
  }

  // ---- targets ----
  const targets: string[] = [];
  const worst = (models: Model[], limit: number, what: string) => {
    const rs = rows.filter((r) => models.includes(r.task.model) && r.sklearn);
    if (!rs.length) return;
    const w = rs.reduce((a, b) => (sklearnRatio(a) > sklearnRatio(b) ? a : b));
    const ratio = sklearnRatio(w);
    targets.push(`- ${what} ≤ ${limit}× sklearn: worst ${ratio.toFixed(2)}× (${taskLabel(w)} ${w.size}) — ${ratio <= limit ? 'met' : 'NOT met'}`);
  };
  worst(['lasso', 'enet'], 1.5, 'Lasso/ElasticNet');
  worst(['logistic'], 1.5, 'LogisticL2 (vs lbfgs)');
  worst(['ridge'], 2, 'Ridge');
  for (const r of peerRows) {
    const done = r.peers.filter((p) => p.result);
    if (done.length) {
      const fastest = done.reduce((a, b) => (a.result!.timeMs < b.result!.timeMs ? a : b));
      const speedup = fastest.result!.timeMs / r.penalized.timeMs;
      targets.push(`- ${taskLabel(r)} ${r.size}: ≥ 20× the fastest JS peer (${fastest.peer}): ${speedup.toFixed(0)}× — ${speedup >= 20 ? 'met' : 'NOT met'}`);
      continue;
    }
    const estimated = r.peers.filter((p) => p.estimateMs !== undefined);
    if (!estimated.length) {
      targets.push(`- ${taskLabel(r)} ${r.size}: ≥ 20× the fastest JS peer: no peer result`);
      continue;
    }
    const fastest = estimated.reduce((a, b) => (a.estimateMs! < b.estimateMs! ? a : b));
    const speedup = estimateSpeedup(fastest, r.penalized.timeMs);
    const value = fastest.estimateMs! / r.penalized.timeMs;
    const verdict = value >= 20 ? 'met (est.)' : fastest.lowerBound ? 'undecided (lower bound)' : 'NOT met (est.)';
    targets.push(`- ${taskLabel(r)} ${r.size}: ≥ 20× the fastest JS peer (${fastest.peer}, estimated, not run): ${speedup} — ${verdict}`);
  }
  // the issue's targets are for the standard sizes: fits of a few milliseconds (--quick)
  // measure fixed costs, so their verdicts say nothing about them
  const quickNote = QUICK ? ['(--quick: fits of a few milliseconds, where fixed costs dominate; the targets are judged at the standard sizes, without --quick)', ''] : [];
  if (targets.length) out.push('', '### targets', '', ...quickNote, ...targets);
  // the 100-alpha Lasso path on the wide problem against scikit-learn's lasso_path, and
  // LassoCV / ElasticNetCV against scikit-learn's: scripts of their own, needing scikit-learn
  if (ONLY.includes('path') && !QUICK) {
    out.push('', '### regularization path (wide problem, 100 alphas)', '', ...sklearnScript('path.ts', [String(Math.min(RUNS, 5)), '1e-4'], true));
  }
  if (ONLY.includes('cv') && !QUICK) out.push('', '### cross-validation (5 folds, 100 alphas)', '', ...sklearnScript('cv.ts', ['3'], false));
  out.push('', `total wall time ${fmtS(performance.now() - started)}`);
  console.log(out.join('\n'));
}

/**
 * The output lines of bench/`name` run with tsx (fenced as code when `fenced`), or why it
 * was not: skipped with --no-sklearn, or its first error line.
 */
function sklearnScript(name: string, args: string[], fenced: boolean): string[] {
  if (process.argv.includes('--no-sklearn')) return ['skipped (--no-sklearn)'];
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  try {
    const text = execFileSync(tsx, [script, ...args], { maxBuffer: 1 << 26 }).toString().trimEnd();
    return fenced ? ['```', text, '```'] : [text];
  } catch (error) {
    return [`failed: ${(error as Error).message.split('\n')[0]}`];
  }
}

/** "~N×" from a skipped peer's estimate ("≥N×" when the estimate is a lower bound). */
function estimateSpeedup(pr: PeerResult, penalizedMs: number): string {
  if (pr.estimateMs === undefined) return '–';
  return `${pr.lowerBound ? '≥' : '~'}${(pr.estimateMs / penalizedMs).toFixed(0)}×`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
