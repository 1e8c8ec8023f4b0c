/**
 * The assertion the hostile-input suites share: `fn` throws an instance of `Cls` (and so
 * of PenalizedError) with `code`, whose message contains every one of `parts`, and which
 * is not some other error leaking through (a TypeError from deep inside the library).
 */
import { expect } from 'vitest';
import { PenalizedError, type ErrorCode } from '../../src/index.js';

type ErrorClass = abstract new (...args: never[]) => PenalizedError;

export function expectError(fn: () => unknown, Cls: ErrorClass, code: ErrorCode, ...parts: (string | RegExp)[]): PenalizedError {
  let thrown: unknown;
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error(`expected ${Cls.name} ${code}, but the call returned ${String(returned)}`);
  if (!(thrown instanceof PenalizedError)) throw new Error(`expected ${Cls.name} ${code}, got an untyped ${(thrown as Error)?.name}: ${(thrown as Error)?.message}`);
  expect(thrown).toBeInstanceOf(Cls);
  expect(thrown.code).toBe(code);
  for (const part of parts) {
    if (typeof part === 'string') expect(thrown.message).toContain(part);
    else expect(thrown.message).toMatch(part);
  }
  return thrown;
}
