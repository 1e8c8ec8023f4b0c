export type { Penalty } from './types.js';
export { softThreshold } from './softThreshold.js';
export { L1L2, type PenaltyOptions } from './l1l2.js';
export { NoPenalty } from './none.js';
export { L1 } from './l1.js';
export { L2 } from './l2.js';
