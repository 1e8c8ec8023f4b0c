/**
 * Child process of bench/run.ts (not meant to be run by hand). One job per process,
 * given as a JSON argument, results as JSON lines on stdout (one per run, so a job
 * killed at its time limit still leaves the runs it finished):
 *
 *   {"mode":"peer", "peer", "task", "folder", "warmup", "runs", "budgetMs"?}
 *       times a JavaScript peer (warm-up fits are flagged);
 *   {"mode":"peer", "peer", "task", "folder", "probeEpochs": k, "probeMs"?}
 *       times one scikitjs fit capped at k epochs (or probeMs), with each epoch's time.
 *   {"mode":"memory", "task", "folder"}
 *       one penalized fit in a fresh process: RSS sampled every 2 ms from a worker
 *       thread (the peak), and process.memoryUsage() deltas around the fit.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { countNonzeros, objective, type Dataset, type Kind, type Task } from './common.js';
import { fitPenalized, fitPeer, type PeerName } from './fitters.js';

interface PeerJob {
  mode: 'peer';
  peer: PeerName;
  task: Task;
  folder: string;
  /** Probe: one fit capped at this many epochs, and at probeMs after 2 epochs (scikitjs). */
  probeEpochs?: number;
  probeMs?: number;
  warmup: number;
  runs: number;
  /** Stop starting fits once the next would likely end past this many ms. */
  budgetMs?: number;
}
interface MemoryJob {
  mode: 'memory';
  task: Task;
  folder: string;
}

/** Reads the binary files straight into typed arrays (no transient copies). */
function load(folder: string): Dataset {
  const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as { name: string; kind: Kind; n: number; p: number };
  const n = meta.n;
  const read = (file: string, count: number) => {
    const out = new Float64Array(count);
    const fd = openSync(join(folder, file), 'r');
    const bytes = new Uint8Array(out.buffer);
    let off = 0;
    while (off < bytes.length) {
      const got = readSync(fd, bytes, off, bytes.length - off, off);
      if (got === 0) throw new Error(`${file}: short read`);
      off += got;
    }
    closeSync(fd);
    return out;
  };
  return { ...meta, n, X: read('X.f64', n * meta.p), y: read('y.f64', n) };
}

function rowsOf(d: Dataset): number[][] {
  const out: number[][] = new Array(d.n);
  for (let i = 0; i < d.n; i++) out[i] = Array.from(d.X.subarray(i * d.p, (i + 1) * d.p));
  return out;
}

const emit = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');

async function epochProbeJob(job: PeerJob): Promise<void> {
  const d = load(job.folder);
  const X = rowsOf(d);
  const y = Array.from(d.y);
  const t0 = performance.now();
  const fitted = await fitPeer(job.peer, job.task, X, y, { maxEpochs: job.probeEpochs, probeMs: job.probeMs });
  emit({ timeMs: performance.now() - t0, epochMs: fitted.epochMs });
}

async function peerJob(job: PeerJob): Promise<void> {
  if (job.probeEpochs) return epochProbeJob(job);
  const d = load(job.folder);
  const X = rowsOf(d);
  const y = Array.from(d.y);
  const start = performance.now();
  let lastMs = 0;
  for (let r = 0; r < job.warmup + job.runs; r++) {
    // Within a budget: start another fit only if one more like the last still fits.
    if (r > 0 && job.budgetMs !== undefined && performance.now() - start + lastMs > job.budgetMs) break;
    const t0 = performance.now();
    const fitted = await fitPeer(job.peer, job.task, X, y);
    const timeMs = performance.now() - t0;
    lastMs = timeMs;
    emit({
      warmup: r < job.warmup,
      timeMs,
      nIter: fitted.nIter,
      nonzeros: countNonzeros(fitted.coef),
      objective: objective(job.task, d, fitted.coef, fitted.intercept),
    });
  }
}

async function memoryJob(job: MemoryJob): Promise<void> {
  let d: Dataset | null = load(job.folder);
  const X = rowsOf(d);
  const y = Array.from(d.y);
  const xBytes = d.n * d.p * 8;
  d = null; // drop the Float64Array copy: only what a user holds stays alive
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 50));
  gc?.();

  const shared = new Float64Array(new SharedArrayBuffer(16));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = new Float64Array(workerData);
     setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; if (peak[1] === 1) process.exit(0); }, 2);`,
    { eval: true, workerData: shared.buffer },
  );
  await new Promise((r) => setTimeout(r, 100));

  const before = process.memoryUsage();
  shared[0] = before.rss;
  const fitted = fitPenalized(job.task, X, y);
  const after = process.memoryUsage();
  await new Promise((r) => setTimeout(r, 10));
  shared[1] = 1;
  await new Promise<void>((r) => sampler.once('exit', () => r()));
  const peak = Math.max(shared[0], after.rss);
  emit({
    xBytes,
    rssBefore: before.rss,
    peakRssDelta: peak - before.rss,
    rssDelta: after.rss - before.rss,
    heapUsedDelta: after.heapUsed - before.heapUsed,
    arrayBuffersDelta: after.arrayBuffers - before.arrayBuffers,
    nonzeros: countNonzeros(fitted.coef),
  });
}

const job = JSON.parse(process.argv[2]) as PeerJob | MemoryJob;
(job.mode === 'peer' ? peerJob(job) : memoryJob(job)).catch((e) => {
  emit({ error: String(e?.stack ?? e) });
  process.exitCode = 1;
});
