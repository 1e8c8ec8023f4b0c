#!/usr/bin/python3
"""Regenerate (or verify) the path and cross-validation fixtures in tests/fixtures/path/.

Run it with Debian's Python, which has scikit-learn (python3-sklearn 1.2.1 on Debian 12):

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/make_path_fixtures.py          # rewrite the JSON files
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/make_path_fixtures.py --check  # regenerate in memory, compare

Unlike scripts/make_fixtures.py, these fixtures hold scikit-learn's own answers, not
refined ones: the tests check that `penalized` reproduces what scikit-learn's
lasso_path / enet_path / LassoCV / ElasticNetCV / RidgeCV / LogisticRegressionCV return,
with scikit-learn run at a tight tolerance (tol=1e-10, large max_iter) so that its
stopping point is within the tests' tolerances of the exact answer.

Data (see tests/fixtures/path/README.md for the mapping of every parameter):

  * diabetes: data/diabetes.csv (scikit-learn's load_diabetes(), scaled features, raw target);
  * breast cancer: data/breast_cancer.csv, standardized here (mean, population sd);
  * wide: synthetic, drawn below from numpy.random.default_rng(SEED), with
    corr(x_i, x_j) = 0.5^|i-j|, n = 50, p = 120, 8 true nonzeros, intercept 3, noise 1.

Every random draw comes from one generator, in this order: the wide design, its
coefficients and noise, the diabetes fold ids, the diabetes sample weights, the ridge
sample weights, the breast-cancer fold ids, the wide fold ids. Append new draws at the
end only.
"""

import argparse
import json
import sys
import warnings
from pathlib import Path

try:
    import numpy as np
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import (ElasticNetCV, LassoCV, LogisticRegressionCV,
                                      RidgeCV, enet_path, lasso_path)
    from sklearn.model_selection import PredefinedSplit, StratifiedKFold
except ImportError as err:
    sys.exit(f"{err}\nrun this with Debian's python, which has scikit-learn:\n"
             f"    /usr/bin/python3 {sys.argv[0]}")

SEED = 20261122
SKLEARN_VERSION = "1.2.1"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "path"
TOL = 1e-10          # scikit-learn's tol for every coordinate-descent fit here
MAX_ITER = 1_000_000
CHECK_RTOL = 1e-7    # --check: allowed relative deviation from the committed numbers


def load_csv(name):
    data = np.loadtxt(ROOT / "data" / name, delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1]


def ar1_design(gen, n, p, rho, k, noise):
    """Gaussian rows with corr(x_i, x_j) = rho^|i-j|, a k-sparse target and intercept 3."""
    z = gen.standard_normal((n, p))
    X = np.empty((n, p))
    X[:, 0] = z[:, 0]
    for j in range(1, p):
        X[:, j] = rho * X[:, j - 1] + np.sqrt(1 - rho * rho) * z[:, j]
    beta = np.zeros(p)
    support = gen.choice(p, size=k, replace=False)
    beta[support] = gen.choice([-1.0, 1.0], size=k) * gen.uniform(1, 5, size=k)
    y = 3.0 + X @ beta + noise * gen.standard_normal(n)
    return X, y


def center(X, y):
    return X - X.mean(axis=0), y - y.mean()


def path_case(X, y, kind, **kw):
    """sklearn's path on the centered data (its paths fit no intercept)."""
    Xc, yc = center(X, y)
    fn = lasso_path if kind == "lasso" else enet_path
    alphas, coefs, gaps = fn(Xc, yc, tol=TOL, max_iter=MAX_ITER, **kw)
    return {
        "params": kw,
        "alphas": alphas.tolist(),
        "coefs": coefs.T.tolist(),            # one row per alpha
        "dualGapsScaled": (gaps / len(y)).tolist(),  # sklearn's gaps are n times ours
    }


def cv_case(model, X, y, **fit_kw):
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model.fit(X, y, **fit_kw)
    out = {
        "alpha": float(model.alpha_),
        "alphas": np.asarray(model.alphas_).tolist(),
        "msePath": np.asarray(model.mse_path_).tolist(),
        "coef": model.coef_.tolist(),
        "intercept": float(model.intercept_),
    }
    if hasattr(model, "l1_ratio_"):
        out["l1Ratio"] = float(model.l1_ratio_)
    return out


def build():
    gen = np.random.default_rng(SEED)
    Xd, yd = load_csv("diabetes.csv")
    Xb, yb = load_csv("breast_cancer.csv")
    Xb = (Xb - Xb.mean(axis=0)) / Xb.std(axis=0)
    n = len(yd)

    Xw, yw = ar1_design(gen, 50, 120, 0.5, 8, 1.0)
    diabetes_folds = gen.permutation(n) % 5
    diabetes_weights = gen.integers(1, 4, size=n).astype(float)
    ridge_weights = gen.uniform(0.5, 2.0, size=n)
    cancer_folds = gen.permutation(len(yb)) % 5
    wide_folds = gen.permutation(len(yw)) % 5

    files = {}
    files["paths-diabetes.json"] = {
        "description": "lasso_path / enet_path on data/diabetes.csv, centered (sklearn fits no intercept in its paths)",
        "lasso": path_case(Xd, yd, "lasso"),
        "enet": path_case(Xd, yd, "enet", l1_ratio=0.5),
        "lassoGivenAlphas": path_case(Xd, yd, "lasso", alphas=[5.0, 1.0, 0.3, 0.1, 0.01]),
        "lassoPositive": path_case(Xd, yd, "lasso", positive=True, n_alphas=30),
    }
    files["paths-wide.json"] = {
        "description": "lasso_path / enet_path on a synthetic wide design (n=50, p=120, AR(1) rho=0.5), centered",
        "X": Xw.tolist(),
        "y": yw.tolist(),
        "lasso": path_case(Xw, yw, "lasso", n_alphas=40, eps=1e-2),
        "enet": path_case(Xw, yw, "enet", l1_ratio=0.3, n_alphas=40, eps=1e-2),
    }

    cv_kw = dict(tol=TOL, max_iter=MAX_ITER)
    predefined = PredefinedSplit(diabetes_folds)
    grid = LassoCV(cv=predefined, **cv_kw).fit(Xd, yd).alphas_  # the unweighted default grid
    files["cv-diabetes.json"] = {
        "description": "LassoCV / ElasticNetCV on data/diabetes.csv with fixed folds",
        "foldIds": diabetes_folds.tolist(),
        "sampleWeight": diabetes_weights.tolist(),
        # eps 1e-4: with eps 1e-3 the best alpha is the grid's last, a weaker test of the choice
        "lassoFixedFolds": cv_case(LassoCV(cv=predefined, eps=1e-4, **cv_kw), Xd, yd),
        "lassoKFold5": cv_case(LassoCV(cv=5, n_alphas=40, **cv_kw), Xd, yd),
        # sklearn 1.2 builds its default grid without the weights: pass the grid explicitly
        "lassoWeighted": cv_case(LassoCV(cv=predefined, alphas=grid[::4], **cv_kw), Xd, yd,
                                 sample_weight=diabetes_weights),
    }

    wide_predefined = PredefinedSplit(wide_folds)
    files["cv-wide.json"] = {
        "description": "LassoCV / ElasticNetCV on the synthetic wide design of paths-wide.json with fixed folds",
        "foldIds": wide_folds.tolist(),
        "lassoFixedFolds": cv_case(LassoCV(cv=wide_predefined, n_alphas=50, eps=1e-3, **cv_kw), Xw, yw),
        "enetFixedFolds": cv_case(
            ElasticNetCV(cv=wide_predefined, l1_ratio=[0.3, 0.6, 0.9, 0.95], n_alphas=30, eps=1e-3, **cv_kw), Xw, yw),
    }

    ridge_alphas = np.logspace(-5, 1, 13)
    wide_alphas = np.logspace(-2, 3, 11)
    def ridge_case(X, y, alphas, sw=None):
        model = RidgeCV(alphas=alphas, store_cv_values=True).fit(X, y, sample_weight=sw)
        return {"alphas": alphas.tolist(), "alpha": float(model.alpha_),
                "cvValues": model.cv_values_.tolist(),  # n x alphas, sw_i * (LOO residual_i)^2
                "coef": model.coef_.tolist(), "intercept": float(model.intercept_)}
    files["ridgecv.json"] = {
        "description": "RidgeCV(store_cv_values=True) (efficient leave-one-out)",
        "diabetes": ridge_case(Xd, yd, ridge_alphas),
        "diabetesWeighted": {**ridge_case(Xd, yd, ridge_alphas, ridge_weights), "sampleWeight": ridge_weights.tolist()},
        "wide": ridge_case(Xw, yw, wide_alphas),
    }

    def logistic_case(cv):
        model = LogisticRegressionCV(Cs=10, cv=cv, tol=TOL, max_iter=100000, solver="lbfgs")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(Xb, yb)
        return {"Cs": model.Cs_.tolist(), "C": float(model.C_[0]),
                "scores": model.scores_[1].tolist(),  # folds x Cs, accuracy
                "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}
    stratified = np.empty(len(yb), dtype=int)
    for k, (_, test) in enumerate(StratifiedKFold(5).split(Xb, yb)):
        stratified[test] = k
    files["logisticcv-breast-cancer.json"] = {
        "description": "LogisticRegressionCV(Cs=10) on data/breast_cancer.csv, standardized (mean, population sd)",
        "foldIds": cancer_folds.tolist(),
        "stratifiedFoldIds": stratified.tolist(),
        "fixedFolds": logistic_case(PredefinedSplit(cancer_folds)),
        "stratified5": logistic_case(5),
    }
    for content in files.values():
        content["provenance"] = {
            "generator": "scripts/make_path_fixtures.py",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "seed": SEED,
            "tol": TOL,
        }
    return files


def compare(a, b, where):
    if isinstance(a, dict):
        if set(a) != set(b):
            raise AssertionError(f"{where}: keys differ")
        for k in a:
            compare(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        if len(a) != len(b):
            raise AssertionError(f"{where}: lengths differ")
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and isinstance(b, (int, float)):
        if not abs(a - b) <= CHECK_RTOL * max(abs(a), abs(b)) + 1e-12:
            raise AssertionError(f"{where}: {a} vs {b}")
    elif a != b and where.split(".")[-1] not in ("numpy",):
        raise AssertionError(f"{where}: {a!r} vs {b!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = parser.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION:
        print(f"warning: scikit-learn {sklearn.__version__}, the fixtures were made with {SKLEARN_VERSION}", file=sys.stderr)
    files = build()
    if args.check:
        for name, content in files.items():
            committed = json.loads((OUT / name).read_text())
            compare(json.loads(json.dumps(content)), committed, name)
        print(f"{len(files)} fixture files reproduced within rtol {CHECK_RTOL}")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (OUT / name).write_text(json.dumps(content, separators=(",", ":")) + "\n")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
