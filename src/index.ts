/**
 * `penalized`: regularized linear models for Node and the browser, exact against
 * scikit-learn.
 *
 * The five estimators are the everyday API. Under them is one engine that minimizes
 * a datafit plus a penalty; both are exported for users who want to assemble their
 * own model (see {@link solve}).
 *
 * @packageDocumentation
 */
export { Linear, type LinearOptions } from './estimators/linear.js';
export { Lasso, type LassoOptions } from './estimators/lasso.js';
export { Ridge, type RidgeOptions } from './estimators/ridge.js';
export { ElasticNet, type ElasticNetOptions } from './estimators/elasticNet.js';
export { LogisticL2, type LogisticL2Options, type Label } from './estimators/logisticL2.js';
export { LinearModel, type ModelJSON, type Objective, type FitOptions, type FitProgress } from './estimators/base.js';
export { Regressor } from './estimators/regressor.js';
export type { ParamSpec, ParamTable, ParamValues } from './estimators/params.js';

export { Quadratic, Logistic, type Datafit, type QuadraticState, type LogisticState } from './datafits/index.js';
export { NoPenalty, L1, L2, L1L2, softThreshold, type Penalty, type PenaltyOptions } from './penalties/index.js';
export { solve, chooseStrategy, type Problem, type SolveOptions, type SolveResult, type Strategy, type IterationInfo, type GradientCertificate } from './solvers/index.js';
export { toDesign, type Design, type MatrixLike, type MlMatrixLike } from './data/design.js';

export {
  PenalizedError,
  DataError,
  ParameterError,
  NotFittedError,
  ModelJSONError,
  type ErrorCode,
} from './errors.js';
export { setWarningHandler, type PenalizedWarning, type WarningHandler } from './warnings.js';

// Choosing the penalty: regularization paths (one warm-started sweep down an alpha grid)
// and cross-validated estimators (paths per fold, then a refit on all the data).
export { lassoPath, enetPath, type LassoPathOptions, type EnetPathOptions, type RegularizationPath } from './path/index.js';
export { LassoCV, ElasticNetCV, type LassoCVOptions, type ElasticNetCVOptions, type PathCVSettings, type CVModelJSON } from './selection/pathCV.js';
export { RidgeCV, type RidgeCVOptions, type RidgeCVJSON } from './selection/ridgeCV.js';
export { LogisticL2CV, type LogisticL2CVOptions, type LogisticL2CVSettings, type LogisticL2CVJSON } from './selection/logisticL2CV.js';
export type { CVFitOptions } from './selection/common.js';
