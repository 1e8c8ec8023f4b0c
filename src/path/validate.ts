/**
 * Validation shared by the path functions and the cross-validation classes: option
 * objects that mix scalar hyperparameters (declared in a {@link ParamTable}) with
 * list-valued ones (`alphas`, `l1Ratio` lists, fold ids). One message format, as
 * everywhere: the option, the value received, what is allowed. (Sample weights are
 * validated by `toDesign`, with X.)
 *
 * @module
 */
import { ParameterError, describe } from '../errors.js';
import { editDistance, type ParamTable, type ParamValues, resolveParams } from '../estimators/params.js';

/** How a list-valued option is read: numbers, each checked against the bounds. */
export interface ListSpec {
  /** Smallest allowed entry (inclusive unless `exclusiveMin`). */
  min?: number;
  /** Whether `min` itself is excluded. */
  exclusiveMin?: boolean;
  /** Largest allowed entry (inclusive). */
  max?: number;
  /** Whether every entry must be an integer. */
  integer?: boolean;
  /** Whether a single number is accepted (and read as a list of one). */
  scalar?: boolean;
}

/** The resolved scalar options and the raw values of the list-valued ones (undefined when absent). */
export interface SplitOptions<T extends ParamTable> {
  /** The scalar options, validated, defaults filled in. */
  params: ParamValues<T>;
  /** The scalar options as given (for an estimator's constructor, which resolves them again). */
  scalars: Record<string, unknown>;
  /** The list-valued options as given, for the caller to read. */
  lists: Record<string, unknown>;
}

/**
 * Validates an options object whose names are those of `table` (scalars) plus
 * `listNames` (read by the caller, e.g. with {@link readNumberList}). Unknown names are
 * an error with a suggestion, as in every estimator.
 */
export function splitOptions<T extends ParamTable>(where: string, table: T, listNames: readonly string[], options: unknown): SplitOptions<T> {
  if (options === undefined) options = {};
  const plain =
    typeof options === 'object' &&
    options !== null &&
    !Array.isArray(options) &&
    (Object.getPrototypeOf(options) === null || Object.getPrototypeOf(Object.getPrototypeOf(options)) === null);
  // anything else (a number, an array, a Map, a class instance): resolveParams says what is wrong
  if (!plain) return { params: resolveParams(where, table, options), scalars: {}, lists: {} };
  const record = options as Record<string, unknown>;
  const known = [...Object.keys(table), ...listNames];
  for (const name of Object.keys(record)) {
    if (!known.includes(name)) {
      const closest = known
        .map((k) => ({ k, d: editDistance(name, k) }))
        .filter(({ d }) => d <= 2)
        .sort((a, b) => a.d - b.d)[0];
      const hint = closest ? ` (did you mean '${closest.k}'?)` : '';
      throw new ParameterError('UNKNOWN_OPTION', `${where}: unknown option '${name}'${hint}; the options are ${known.join(', ')}.`);
    }
  }
  const scalars: Record<string, unknown> = {};
  const lists: Record<string, unknown> = {};
  for (const name of Object.keys(record)) {
    if (listNames.includes(name)) lists[name] = record[name];
    else scalars[name] = record[name];
  }
  return { params: resolveParams(where, table, scalars), scalars, lists };
}


function allowedEntry(spec: ListSpec): string {
  const what = spec.integer ? 'integers' : 'finite numbers';
  const bounds: string[] = [];
  if (spec.min !== undefined) bounds.push(`${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`);
  if (spec.max !== undefined) bounds.push(`≤ ${spec.max}`);
  return bounds.length ? `${what} ${bounds.join(' and ')}` : what;
}

/** Whether `value` is an Array or a typed array (not a DataView). */
export function isList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Reads a non-empty list of numbers (an Array or a typed array; a single number when
 * `spec.scalar`), checking every entry. Returns a fresh Float64Array.
 */
export function readNumberList(where: string, name: string, value: unknown, spec: ListSpec): Float64Array {
  const shape = spec.scalar ? `a number or a non-empty array of ${allowedEntry(spec)}` : `a non-empty array of ${allowedEntry(spec)}`;
  if (spec.scalar && typeof value === 'number') value = [value];
  if (!isList(value) || value.length === 0) {
    throw new ParameterError('INVALID_PARAMETER', `${where}: option '${name}' must be ${shape}; received ${describe(value)}.`);
  }
  const out = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    if (Array.isArray(value) && !(i in value)) {
      throw new ParameterError('INVALID_PARAMETER', `${where}: option '${name}' has a hole at index ${i}; it must be ${shape}.`);
    }
    const v = value[i];
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!spec.integer || Number.isSafeInteger(v)) &&
      (spec.min === undefined || (spec.exclusiveMin ? v > spec.min : v >= spec.min)) &&
      (spec.max === undefined || v <= spec.max);
    if (!ok) {
      throw new ParameterError('INVALID_PARAMETER', `${where}: option '${name}'[${i}] must be one of ${allowedEntry(spec)}; received ${describe(v)}.`);
    }
    out[i] = v as number;
  }
  return out;
}

/** Σ sw, or n without weights. */
export function totalWeight(sampleWeight: Float64Array | undefined, nSamples: number): number {
  if (!sampleWeight) return nSamples;
  let s = 0;
  for (let i = 0; i < sampleWeight.length; i++) s += sampleWeight[i];
  return s;
}
