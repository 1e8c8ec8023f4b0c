import { afterEach } from 'vitest';
import { setWarningHandler, type PenalizedWarning } from '../../src/index.js';

let restore: (() => void) | undefined;

/**
 * Collects the warnings fits emit until the end of the current test (the previous
 * handler is restored after each test). Importing this module registers that cleanup.
 */
export function captureWarnings(): PenalizedWarning[] {
  const warnings: PenalizedWarning[] = [];
  const previous = setWarningHandler((w) => warnings.push(w));
  restore = () => setWarningHandler(previous);
  return warnings;
}

afterEach(() => {
  restore?.();
  restore = undefined;
});
