/**
 * The package as users get it: a copy of the repo (what git would see, minus
 * .gitignore'd outputs) is built with `npm run build` and packed with `npm pack`, and
 * the tarball is installed into scratch projects with `npm install`.
 *
 * The build runs on a copy so that it never rewrites the repo's dist/ under other test
 * files running at the same time. The copy is content-addressed: its directory name is
 * a hash of every copied file, so the three test files that need the package (pack,
 * bundle size, browser) share one build (the first takes a lock, the others wait for
 * it), and a rerun with unchanged sources reuses it. Stages (~3 MB each) unused for an
 * hour are pruned.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never rejects (the caller asserts on `code`). */
export function run(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeout ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) + (error && typeof error.code !== 'number' ? `\n${error.message}` : '') });
      },
    );
  });
}

/** Same as `run`, but throws with the command's output when it exits nonzero. */
export async function runOk(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<RunResult> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) {
    throw new Error(`\`${cmd} ${args.join(' ')}\` in ${options.cwd} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

// npm must not ask, advertise or phone home from inside a test.
const NPM_ENV = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

/** .gitignore as a path filter: enough of its syntax for this repo's file. */
function ignoreFilter(): (rel: string, isDir: boolean) => boolean {
  const patterns = readFileSync(join(REPO, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
  const rules = patterns.map((p) => {
    const dirOnly = p.endsWith('/');
    const body = p.replace(/^\/|\/$/g, '');
    const anchored = body.includes('/') || p.startsWith('/');
    const re = new RegExp('^' + body.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
    return (rel: string, isDir: boolean) => {
      if (dirOnly && !isDir) return false;
      if (anchored) return re.test(rel);
      return re.test(rel.split('/').pop()!);
    };
  });
  return (rel, isDir) => rel === '.git' || rules.some((r) => r(rel, isDir));
}

/** Every file that a clean clone would have (relative paths, sorted). */
function sourceFiles(): string[] {
  const ignored = ignoreFilter();
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (ignored(rel, entry.isDirectory())) continue;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

export interface Stage {
  /** The built copy of the repo (has dist/ and a node_modules link to the repo's). */
  dir: string;
  /** The `npm pack` tarball. */
  tarball: string;
  /** Paths inside the tarball, from `npm pack --json`. */
  packedFiles: string[];
  /** Output of `npm run build`. */
  buildLog: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds and packs the package once per source state; concurrent callers share it. */
export async function stagePackage(): Promise<Stage> {
  // read once: the copy is exactly what was hashed, even if a file changes meanwhile
  const files = sourceFiles().map((path) => ({ path, bytes: readFileSync(join(REPO, path)) }));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.bytes).update('\0');
  const key = hash.digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `penalized-stage-${key}`);
  const manifest = join(dir, 'stage.json');
  const lock = `${dir}.lock`;
  pruneOldStages(key);

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (existsSync(manifest)) return reuse(dir, manifest);
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // a lock left by a killed run goes stale; a build takes ~10 s
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs! > 300_000) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`timed out waiting for another test file to build ${dir} (lock ${lock})`);
    await sleep(250);
  }
  try {
    if (existsSync(manifest)) return reuse(dir, manifest);
    rmSync(dir, { recursive: true, force: true }); // a half-built stage from a killed run
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const build = await runOk('npm', ['run', 'build'], { cwd: dir, env: NPM_ENV });
    const packDir = join(dir, '.pack');
    mkdirSync(packDir);
    const pack = await runOk('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: dir, env: NPM_ENV });
    const info = JSON.parse(pack.stdout)[0] as { filename: string; files: { path: string }[] };
    const stage: Stage = {
      dir,
      tarball: join(packDir, info.filename),
      packedFiles: info.files.map((f) => f.path).sort(),
      buildLog: build.stdout + build.stderr,
    };
    writeFileSync(manifest, JSON.stringify(stage, null, 2)); // written last: marks the stage complete
    return stage;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A completed stage; touching it keeps it from being pruned while in use. */
function reuse(dir: string, manifest: string): Stage {
  const now = new Date();
  utimesSync(dir, now, now);
  return JSON.parse(readFileSync(manifest, 'utf8')) as Stage;
}

function pruneOldStages(keep: string): void {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('penalized-stage-') || name.includes(keep) || name.endsWith('.lock')) continue;
    const path = join(tmpdir(), name);
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}

/**
 * A scratch project (its own temp dir, deleted by the caller) with the tarball
 * installed by `npm install`, the way a user adds the package. Its one dependency,
 * ml-matrix, comes from the npm cache when it is there (`--prefer-offline`).
 */
export async function scratchProject(tarball: string, packageJson: object = {}): Promise<string> {
  const app = mkdtempSync(join(tmpdir(), 'penalized-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'penalized-scratch', version: '0.0.0', private: true, ...packageJson }, null, 2));
  try {
    await runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: app, env: NPM_ENV });
  } catch (e) {
    rmSync(app, { recursive: true, force: true });
    throw e;
  }
  return app;
}
