/**
 * `penalized/datasets`: two small classic datasets for examples, tests and teaching,
 * bundled as plain numbers (no file system, so they load in the browser too).
 *
 * This subpath is separate from the main entry point, so an app that imports
 * `Lasso` from `penalized` does not carry the data.
 *
 * @example
 * ```ts
 * import { Lasso } from 'penalized';
 * import { loadDiabetes } from 'penalized/datasets';
 *
 * const { X, y, featureNames } = loadDiabetes();
 * const model = new Lasso({ alpha: 0.1 }).fit(X, y);
 * featureNames.filter((_, j) => model.coef[j] !== 0);   // the features the Lasso keeps
 * ```
 *
 * @module
 */
import * as breastCancer from './breastCancer.data.js';
import * as diabetes from './diabetes.data.js';

/** A dataset: a design matrix, its targets, and where it comes from. */
export interface Dataset {
  /** The features, one row per sample (a fresh copy on every call). */
  X: number[][];
  /** The target of each row (a fresh copy on every call). */
  y: number[];
  /** The name of each column of X. */
  featureNames: string[];
  /** What y measures. */
  targetName?: string;
  /** For classification data: the meaning of each label value, `targetNames[label]`. */
  targetNames?: string[];
  /** One paragraph: what the data is, how it was prepared, and its source. */
  description: string;
  /** The licence the data is distributed under. */
  license: string;
}

function rows(flat: readonly number[], n: number, p: number): number[][] {
  const X: number[][] = new Array(n);
  for (let i = 0; i < n; i++) X[i] = flat.slice(i * p, (i + 1) * p);
  return X;
}

/**
 * The diabetes data: 442 patients × 10 baseline features (`age, sex, bmi, bp, s1..s6`),
 * and a quantitative measure of disease progression one year after baseline (the
 * target, 25 to 346).
 *
 * The features are those scikit-learn's `load_diabetes()` returns: each column
 * mean-centered and scaled to unit Euclidean norm. The numbers are exactly
 * scikit-learn's (full float64 precision), so fits can be compared with it digit
 * for digit. Each call returns new arrays, safe to modify.
 *
 * Source: Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle Regression",
 * *Annals of Statistics* 32(2), as distributed with scikit-learn (BSD-3-Clause).
 */
export function loadDiabetes(): Dataset {
  const p = diabetes.featureNames.length;
  return {
    X: rows(diabetes.X, diabetes.nSamples, p),
    y: diabetes.y.slice(),
    featureNames: diabetes.featureNames.slice(),
    targetName: 'disease progression one year after baseline',
    description:
      'Diabetes: 442 patients, 10 baseline variables (age, sex, body mass index, average blood pressure and six ' +
      'blood serum measurements s1..s6), each column mean-centered and scaled to unit Euclidean norm as in ' +
      "scikit-learn's load_diabetes(); the target is a quantitative measure of disease progression one year " +
      'after baseline. Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle Regression", Annals of ' +
      'Statistics 32(2); copy distributed with scikit-learn.',
    license: 'BSD-3-Clause (as distributed with scikit-learn)',
  };
}

/**
 * The Wisconsin diagnostic breast cancer data: 569 tumours × 30 real-valued features
 * computed from digitized images of fine-needle aspirates (mean, standard error and
 * worst value of ten cell-nucleus measurements), raw and unscaled. The label is
 * 0 = malignant (212 tumours), 1 = benign (357), scikit-learn's coding
 * (`targetNames[label]` names it). Each call returns new arrays, safe to modify.
 *
 * The features span several orders of magnitude (areas in the hundreds, fractal
 * dimensions near 0.06): standardize them before fitting a penalized model.
 *
 * Source: Wolberg, Street & Mangasarian, "Breast Cancer Wisconsin (Diagnostic)",
 * UCI Machine Learning Repository, licensed CC BY 4.0.
 */
export function loadBreastCancer(): Dataset {
  const p = breastCancer.featureNames.length;
  return {
    X: rows(breastCancer.X, breastCancer.nSamples, p),
    y: breastCancer.y.slice(),
    featureNames: breastCancer.featureNames.slice(),
    targetName: 'diagnosis (0 = malignant, 1 = benign)',
    targetNames: ['malignant', 'benign'],
    description:
      'Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 real-valued features computed from digitized ' +
      'images of fine-needle aspirates of breast masses (mean, standard error and worst value of ten ' +
      'cell-nucleus measurements), unscaled; the label is 0 = malignant (212), 1 = benign (357), as in ' +
      "scikit-learn's load_breast_cancer(). W. H. Wolberg, W. N. Street and O. L. Mangasarian, UCI Machine " +
      'Learning Repository, https://doi.org/10.24432/C5DW2B.',
    license: 'CC BY 4.0',
  };
}
