export type { Datafit } from './types.js';
export { Quadratic, type QuadraticState } from './quadratic.js';
export { Logistic, type LogisticState } from './logistic.js';
