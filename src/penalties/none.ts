import { proxByCoordinate, type Penalty } from './types.js';

/**
 * No penalty: g(w) = 0. With the squared loss this is ordinary least squares
 * (scikit-learn's `LinearRegression`, glmnet with `lambda = 0`).
 */
export class NoPenalty implements Penalty {
  readonly name = 'NoPenalty';
  readonly smooth = true;
  readonly quadraticStrength = 0;

  value(): number {
    return 0;
  }

  proxCoordinate(x: number): number {
    return x;
  }

  prox(x: Float64Array, step: number, out: Float64Array): void {
    proxByCoordinate(this, x, step, out);
  }

  gradientCoordinate(): number {
    return 0;
  }

  subdifferentialDistance(_wj: number, gradient: number): number {
    return Math.abs(gradient);
  }
}
