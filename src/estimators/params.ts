/**
 * Hyperparameters are declared in one table per estimator and validated here, with
 * one message format: the estimator, the option, the value received, what is allowed.
 *
 * @module
 */
import { ParameterError, describe } from '../errors.js';

/** One hyperparameter's declaration. */
export type ParamSpec =
  | {
      /** A number, optionally bounded and/or an integer. */
      kind: 'number';
      /** The value used when the option is not given. */
      default: number;
      /** Smallest allowed value (inclusive unless `exclusiveMin`). */
      min?: number;
      /** Largest allowed value (inclusive). */
      max?: number;
      /** Whether `min` itself is excluded. */
      exclusiveMin?: boolean;
      /** Whether the value must be an integer. */
      integer?: boolean;
    }
  | {
      /** `true` or `false`. */
      kind: 'boolean';
      /** The value used when the option is not given. */
      default: boolean;
    }
  | {
      /** One of a fixed set of strings. */
      kind: 'choice';
      /** The value used when the option is not given. */
      default: string;
      /** The allowed strings. */
      choices: readonly string[];
    }
  | {
      /** `null`, or one non-negative number per feature (not all zero). */
      kind: 'weights';
      /** The value used when the option is not given: none. */
      default: null;
    };

/** The declarations of one estimator, by option name. */
export type ParamTable = Readonly<Record<string, ParamSpec>>;

/** Resolved values of a table: a number, boolean or string per option. */
export type ParamValues<T extends ParamTable> = {
  readonly [K in keyof T]: T[K] extends {
    /** A number option resolves to a number. */
    kind: 'number';
  }
    ? number
    : T[K] extends {
          /** A weights option resolves to a frozen array, or null. */
          kind: 'weights';
        }
      ? readonly number[] | null
    : T[K] extends {
          /** A boolean option resolves to a boolean; a choice, to a string. */
          kind: 'boolean';
        }
      ? boolean
      : string;
};

function allowed(spec: ParamSpec): string {
  if (spec.kind === 'boolean') return 'true or false';
  if (spec.kind === 'weights') return 'null or an array of finite numbers ≥ 0, not all zero, one per feature';
  if (spec.kind === 'choice') return `one of ${spec.choices.map((c) => `'${c}'`).join(', ')}`;
  const what = spec.integer ? 'an integer' : 'a finite number';
  const bounds: string[] = [];
  if (spec.min !== undefined) bounds.push(`${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`);
  if (spec.max !== undefined) bounds.push(`≤ ${spec.max}`);
  // beyond 2^53 − 1, i + 1 === i: an iteration counter could never reach the cap
  else if (spec.integer) bounds.push('≤ 2^53 − 1');
  return bounds.length ? `${what} ${bounds.join(' and ')}` : what;
}

function checkValue(estimator: string, name: string, spec: ParamSpec, value: unknown): void {
  let ok: boolean;
  if (spec.kind === 'boolean') ok = typeof value === 'boolean';
  else if (spec.kind === 'choice') ok = typeof value === 'string' && spec.choices.includes(value);
  else if (spec.kind === 'weights') {
    const list = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)) ? Array.from(value as ArrayLike<unknown>) : undefined;
    ok = value === null || (!!list && list.length > 0 && list.every((v) => typeof v === 'number' && v >= 0 && v < Infinity) && list.some((v) => (v as number) > 0));
  } else {
    ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!spec.integer || Number.isSafeInteger(value)) &&
      (spec.min === undefined || (spec.exclusiveMin ? value > spec.min : value >= spec.min)) &&
      (spec.max === undefined || value <= spec.max);
  }
  if (!ok) {
    throw new ParameterError(
      'INVALID_PARAMETER',
      `${estimator}: option '${name}' must be ${allowed(spec)}; received ${describe(value)}.`,
    );
  }
}

/** Levenshtein distance, case-insensitive: how close a misspelt option name is. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/**
 * An object literal, `Object.create(null)`, or a literal from another realm (an iframe,
 * a vm context): its prototype is null or a root prototype (one whose own prototype is null).
 */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Validates `options` against `table` and returns every value (defaults filled in),
 * frozen. Unknown names are an error, so a misspelt option never falls back silently.
 */
export function resolveParams<T extends ParamTable>(estimator: string, table: T, options: unknown): ParamValues<T> {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ParameterError('INVALID_PARAMETER', `${estimator}: options must be an object such as { ${Object.keys(table)[0]}: … }; received ${describe(options)}.`);
  }
  if (!isPlainObject(options)) {
    // a Map, a class instance or Object.create({ alpha: 5 }): options would be read from
    // its own keys only and the rest silently defaulted
    throw new ParameterError('INVALID_PARAMETER', `${estimator}: options must be a plain object; received ${describe(options)} (copy it into a literal: { ...options }).`);
  }
  const known = Object.keys(table);
  for (const name of Object.keys(options)) {
    if (!Object.prototype.hasOwnProperty.call(table, name)) {
      const closest = known
        .map((k) => ({ k, d: editDistance(name, k) }))
        .filter(({ d }) => d <= 2)
        .sort((a, b) => a.d - b.d)[0];
      const hint = closest ? ` (did you mean '${closest.k}'?)` : '';
      throw new ParameterError(
        'UNKNOWN_OPTION',
        `${estimator}: unknown option '${name}'${hint}; the options are ${known.join(', ')}.`,
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const name of known) {
    const spec = table[name];
    const given = Object.prototype.hasOwnProperty.call(options, name) ? (options as Record<string, unknown>)[name] : undefined;
    const value = given === undefined ? spec.default : given;
    checkValue(estimator, name, spec, value);
    // a weights array is copied and frozen: the caller's array is neither kept nor mutated
    out[name] = spec.kind === 'weights' && value !== null ? Object.freeze(Array.from(value as ArrayLike<number>)) : value;
  }
  return Object.freeze(out) as ParamValues<T>;
}

// The doc comments below document the fields of every estimator's `parameters` table
// in the API reference (e.g. `Lasso.parameters.alpha.default`).

/** Shorthands for the tables. */
export const param = {
  weights: () =>
    ({
      /** Per-feature multipliers, or null. */
      kind: 'weights',
      /** The value used when the option is not given: none. */
      default: null,
    }) as const,
  nonNegative: (def: number) =>
    ({
      /** A number. */
      kind: 'number',
      /** The value used when the option is not given. */
      default: def,
      /** Smallest allowed value, inclusive. */
      min: 0,
    }) as const,
  positive: (def: number) =>
    ({
      /** A number. */
      kind: 'number',
      /** The value used when the option is not given. */
      default: def,
      /** The bound the value must exceed. */
      min: 0,
      /** `min` itself is not allowed. */
      exclusiveMin: true,
    }) as const,
  unit: (def: number) =>
    ({
      /** A number. */
      kind: 'number',
      /** The value used when the option is not given. */
      default: def,
      /** Smallest allowed value, inclusive. */
      min: 0,
      /** Largest allowed value, inclusive. */
      max: 1,
    }) as const,
  iterations: (def: number) =>
    ({
      /** A number. */
      kind: 'number',
      /** The value used when the option is not given. */
      default: def,
      /** Smallest allowed value, inclusive. */
      min: 1,
      /** The value must be an integer. */
      integer: true,
    }) as const,
  flag: (def: boolean) =>
    ({
      /** `true` or `false`. */
      kind: 'boolean',
      /** The value used when the option is not given. */
      default: def,
    }) as const,
  choice: <C extends string>(def: C, choices: readonly C[]) =>
    ({
      /** One of a fixed set of strings. */
      kind: 'choice',
      /** The value used when the option is not given. */
      default: def,
      /** The allowed strings. */
      choices,
    }) as const,
};
