/**
 * Hyperparameters are declared in one table per estimator and validated here, with
 * one message format: the estimator, the option, the value received, what is allowed.
 *
 * @module
 */
import { ParameterError, describe } from '../errors.js';

/** One hyperparameter's declaration. */
export type ParamSpec =
  | { kind: 'number'; default: number; min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean }
  | { kind: 'boolean'; default: boolean }
  | { kind: 'choice'; default: string; choices: readonly string[] };

/** The declarations of one estimator, by option name. */
export type ParamTable = Readonly<Record<string, ParamSpec>>;

/** Resolved values of a table. */
export type ParamValues<T extends ParamTable> = {
  readonly [K in keyof T]: T[K] extends { kind: 'number' } ? number : T[K] extends { kind: 'boolean' } ? boolean : string;
};

function allowed(spec: ParamSpec): string {
  if (spec.kind === 'boolean') return 'true or false';
  if (spec.kind === 'choice') return `one of ${spec.choices.map((c) => `'${c}'`).join(', ')}`;
  const what = spec.integer ? 'an integer' : 'a finite number';
  const bounds: string[] = [];
  if (spec.min !== undefined) bounds.push(`${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`);
  if (spec.max !== undefined) bounds.push(`≤ ${spec.max}`);
  return bounds.length ? `${what} ${bounds.join(' and ')}` : what;
}

function checkValue(estimator: string, name: string, spec: ParamSpec, value: unknown): void {
  let ok: boolean;
  if (spec.kind === 'boolean') ok = typeof value === 'boolean';
  else if (spec.kind === 'choice') ok = typeof value === 'string' && spec.choices.includes(value);
  else {
    ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!spec.integer || Number.isInteger(value)) &&
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

function editDistance(a: string, b: string): number {
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
 * Validates `options` against `table` and returns every value (defaults filled in),
 * frozen. Unknown names are an error, so a misspelt option never falls back silently.
 */
export function resolveParams<T extends ParamTable>(estimator: string, table: T, options: unknown): ParamValues<T> {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ParameterError('INVALID_PARAMETER', `${estimator}: options must be an object such as { ${Object.keys(table)[0]}: … }; received ${describe(options)}.`);
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
    out[name] = value;
  }
  return Object.freeze(out) as ParamValues<T>;
}

/** Shorthands for the tables. */
export const param = {
  nonNegative: (def: number) => ({ kind: 'number', default: def, min: 0 }) as const,
  positive: (def: number) => ({ kind: 'number', default: def, min: 0, exclusiveMin: true }) as const,
  unit: (def: number) => ({ kind: 'number', default: def, min: 0, max: 1 }) as const,
  iterations: (def: number) => ({ kind: 'number', default: def, min: 1, integer: true }) as const,
  flag: (def: boolean) => ({ kind: 'boolean', default: def }) as const,
  choice: <C extends string>(def: C, choices: readonly C[]) => ({ kind: 'choice', default: def, choices }) as const,
};
