/**
 * Cross-validation folds: scikit-learn's `KFold` (contiguous folds, the first n % k one
 * sample larger) and `StratifiedKFold` (per-class round robin, in blocks), optionally
 * shuffled by a seeded generator, or a fold id per sample given by the caller
 * (scikit-learn's `PredefinedSplit`). A fold assignment is an Int32Array of fold ids
 * 0..k−1, one per sample.
 *
 * @module
 */
import { DataError, ParameterError, describe } from '../errors.js';
import { isList } from '../path/validate.js';

/** The train and test rows of one fold, in increasing order. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * A small, fast, seeded generator of uniforms in [0, 1) (mulberry32, 32-bit state).
 * Deterministic across platforms: the same seed gives the same folds everywhere.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given uniform generator. */
function shuffleInPlace(values: Int32Array, uniform: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
}

/**
 * scikit-learn's `KFold(k, shuffle, random_state)` as fold ids: the samples (in their
 * order, or shuffled with `seed`) are cut into k contiguous folds of ⌊n/k⌋, the first
 * n % k of them one larger. Without shuffling this is exactly scikit-learn's assignment.
 */
export function kFoldIds(nSamples: number, k: number, shuffle: boolean, seed: number): Int32Array {
  const order = new Int32Array(nSamples);
  for (let i = 0; i < nSamples; i++) order[i] = i;
  if (shuffle) shuffleInPlace(order, seededUniform(seed));
  const ids = new Int32Array(nSamples);
  const base = Math.floor(nSamples / k);
  const extra = nSamples % k;
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let i = start; i < start + size; i++) ids[order[i]] = f;
    start += size;
  }
  return ids;
}

/**
 * scikit-learn's `StratifiedKFold(k)` as fold ids, step for step: classes are numbered
 * in order of first appearance; the class counts of fold f are those of every k-th
 * sample of the class-sorted labels starting at f; each class's samples then go, in
 * order, to fold 0's share, fold 1's share, … (shuffled with `seed` when asked, where
 * scikit-learn shuffles the same blocks with numpy's generator).
 * `codes[i]` is any integer class code of sample i.
 */
export function stratifiedFoldIds(codes: ArrayLike<number>, k: number, shuffle: boolean, seed: number): Int32Array {
  const n = codes.length;
  // classes in order of first appearance (scikit-learn's class_perm)
  const firstSeen = new Map<number, number>();
  const encoded = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let c = firstSeen.get(codes[i]);
    if (c === undefined) {
      c = firstSeen.size;
      firstSeen.set(codes[i], c);
    }
    encoded[i] = c;
  }
  const nClasses = firstSeen.size;
  const sorted = Int32Array.from(encoded).sort();
  // allocation[f][c]: samples of class c in test fold f (bincount of sorted[f::k])
  const allocation = Array.from({ length: k }, () => new Int32Array(nClasses));
  for (let i = 0; i < n; i++) allocation[i % k][sorted[i]]++;
  const uniform = seededUniform(seed);
  const ids = new Int32Array(n);
  for (let c = 0; c < nClasses; c++) {
    const blocks: number[] = [];
    for (let f = 0; f < k; f++) for (let m = 0; m < allocation[f][c]; m++) blocks.push(f);
    const foldsForClass = Int32Array.from(blocks);
    if (shuffle) shuffleInPlace(foldsForClass, uniform);
    let next = 0;
    for (let i = 0; i < n; i++) if (encoded[i] === c) ids[i] = foldsForClass[next++];
  }
  return ids;
}

/** The `cv` option: a number of folds, or a fold id per sample (validated against n later). */
export type CvOption = number | Int32Array;

/**
 * Reads the `cv` option: an integer ≥ 2, or a list of fold ids 0..k−1 (k ≥ 2, every
 * fold non-empty); their count is checked against X's rows in {@link foldIdsFor}.
 */
export function readCv(where: string, value: unknown): CvOption {
  if (value === undefined) return 5;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 2) {
      throw new ParameterError(
        'INVALID_PARAMETER',
        `${where}: option 'cv' must be a number of folds (an integer ≥ 2) or an array with a fold id per sample; received ${describe(value)}.`,
      );
    }
    return value;
  }
  if (!isList(value) || value.length === 0) {
    throw new ParameterError(
      'INVALID_PARAMETER',
      `${where}: option 'cv' must be a number of folds (an integer ≥ 2) or an array with a fold id per sample; received ${describe(value)}.`,
    );
  }
  const ids = new Int32Array(value.length);
  let largest = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > 0x7fffffff) {
      throw new ParameterError('INVALID_PARAMETER', `${where}: option 'cv'[${i}] must be a fold id (an integer ≥ 0); received ${describe(v)}.`);
    }
    ids[i] = v;
    if (v > largest) largest = v;
  }
  const counts = new Int32Array(largest + 1);
  for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
  const empty = counts.indexOf(0);
  if (empty !== -1) {
    throw new ParameterError(
      'INVALID_PARAMETER',
      `${where}: option 'cv' has fold ids up to ${largest} but no sample in fold ${empty}; number the folds 0, 1, …, k − 1 with every fold non-empty.`,
    );
  }
  if (largest < 1) {
    throw new ParameterError('INVALID_PARAMETER', `${where}: option 'cv' puts every sample in fold 0; cross-validation needs at least 2 folds.`);
  }
  return ids;
}

/** The fold ids for n samples: the given ones (length checked) or `kFoldIds`. */
export function foldIdsFor(where: string, cv: CvOption, nSamples: number, shuffle: boolean, seed: number): Int32Array {
  if (typeof cv !== 'number') {
    if (cv.length !== nSamples) {
      throw new DataError('SHAPE_MISMATCH', `${where}: X has ${nSamples} rows but the fold ids in option 'cv' have ${cv.length}; give one fold id per row of X.`);
    }
    return cv;
  }
  if (cv > nSamples) {
    throw new DataError('INVALID_DATA', `${where}: cannot make ${cv} folds from ${nSamples} samples; use cv ≤ ${nSamples}.`);
  }
  return kFoldIds(nSamples, cv, shuffle, seed);
}

/** Fold ids → the train and test rows of each fold (ids 0..k−1, each fold non-empty). */
export function foldsFromIds(ids: Int32Array): Fold[] {
  let k = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] + 1 > k) k = ids[i] + 1;
  const sizes = new Int32Array(k);
  for (let i = 0; i < ids.length; i++) sizes[ids[i]]++;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test = new Int32Array(sizes[f]);
    const train = new Int32Array(ids.length - sizes[f]);
    let a = 0;
    let b = 0;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === f) test[a++] = i;
      else train[b++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}

/** Checks that `shuffle` is not combined with explicit fold ids (it would have no effect). */
export function checkShuffle(where: string, cv: CvOption, shuffle: boolean): void {
  if (shuffle && typeof cv !== 'number') {
    throw new ParameterError(
      'INVALID_PARAMETER',
      `${where}: option 'shuffle' has no effect when 'cv' gives the fold of every sample; shuffle the fold ids yourself, or pass cv as a number of folds.`,
    );
  }
}
