#!/usr/bin/python3
"""Regenerate (or verify) the conformance fixtures in tests/fixtures/conformance/.

Run it with Debian's Python, which is the one that has scikit-learn
(`apt-get install python3-sklearn`, version 1.2.1 on Debian 12):

    /usr/bin/python3 scripts/make_fixtures.py            # rewrite tests/fixtures/conformance/*.json
    /usr/bin/python3 scripts/make_fixtures.py --check    # regenerate in memory, diff against the committed files
    /usr/bin/python3 scripts/make_fixtures.py --out DIR  # write the cases into DIR instead

Each case is fitted with scikit-learn and the answer is then refined past the
solver's stopping tolerance, so that the fixture holds the exact minimizer (to
floating point) rather than "whatever sklearn stopped at":

  * Lasso / ElasticNet: cyclic coordinate descent on the centred problem until
    every KKT condition holds to 1e-15 relative to alpha_max (1e-13 at the
    very least: rounding may stall it in between);
  * Ridge: Cholesky solve of the (centred) normal equations;
  * Linear: least squares (LAPACK gelsd) on the centred data;
  * LogisticL2: damped Newton iterations from sklearn's answer.

Before anything is written, each solution must satisfy its optimality
conditions and agree with sklearn's own fit.  Predictions, scores and
probabilities come from the fitted sklearn estimator after the refined
parameters have been put back into it, so they follow sklearn's semantics.

The data are reproduced draw for draw: one numpy Generator (PCG64) seeded with
20261121 feeds, in this order, the diabetes split, the correlated Lasso design,
its split, the wide ElasticNet design, its split and the breast-cancer split.
Do not reorder the cases or add draws in between: append new cases at the end.

See tests/fixtures/README.md for the file format and the objectives.
"""

import argparse
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path

try:
    import numpy as np
    import scipy.linalg
    from scipy.special import expit

    import sklearn
    from sklearn import datasets
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import (ElasticNet, Lasso, LinearRegression,
                                      LogisticRegression, Ridge)
except ImportError as err:  # typically a pyenv/venv python that shadows Debian's
    sys.exit(f"{err}\nrun this with Debian's python, which has scikit-learn "
             f"(apt-get install python3-sklearn):\n    /usr/bin/python3 {sys.argv[0]} ...")

SEED = 20261121
SKLEARN_VERSION = "1.2.1"  # the version the committed fixtures were made with
FIXTURE_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "conformance"

KKT_TARGET = 1e-15    # iterative refinement aims at this relative KKT / gradient residual ...
KKT_REQUIRED = 1e-13  # ... stops early only if it stagnates, and must reach at least this
STALL_SWEEPS = 50     # sweeps (or Newton steps) without a new best residual that count as stagnation
CHECK_RTOL = 1e-8     # --check: allowed relative deviation from the committed numbers
DATA_RTOL = 1e-10     # --check: the data must be reproduced (bit for bit up to the BLAS's rounding)


# =============================================================================
# data
# =============================================================================

def holdout(gen, X, y, n_test):
    """Shuffle rows with one permutation draw; the first n_test go to the test set."""
    order = gen.permutation(len(y))
    test, train = order[:n_test], order[n_test:]
    return X[train], y[train], X[test], y[test]


def ar1_design(gen, n, p, rho, k, noise):
    """Gaussian rows with corr(x_i, x_j) = rho^|i-j|, a k-sparse target and intercept 3.

    Draw order: the n x p normals, the support, the signs, the magnitudes, the noise.
    """
    sigma = scipy.linalg.toeplitz(rho ** np.arange(p))
    chol = np.linalg.cholesky(sigma)
    X = gen.standard_normal((n, p)) @ chol.T
    support = gen.choice(p, size=k, replace=False)
    signs = gen.choice([-1, 1], size=k)
    sizes = gen.uniform(1, 5, size=k)
    w_true = np.zeros(p)
    w_true[support] = signs * sizes
    y = X @ w_true + 3.0 + noise * gen.standard_normal(n)
    return X, y


def zscore(X_train, X_test):
    """Standardize with the training mean and population (ddof=0) standard deviation."""
    mu = X_train.mean(axis=0)
    sd = X_train.std(axis=0)
    return (X_train - mu) / sd, (X_test - mu) / sd


# =============================================================================
# objectives (the ones in tests/fixtures/README.md)
# =============================================================================

def squared_objective(X, y, w, b, l1=0.0, l2=0.0):
    """1/(2n)||y - Xw - b||^2 + l1 ||w||_1 + l2/2 ||w||^2."""
    r = y - (X @ w + b)
    return float(r @ r / (2 * len(y)) + l1 * np.sum(np.abs(w)) + 0.5 * l2 * (w @ w))


def ridge_objective(X, y, w, b, alpha):
    """||y - Xw - b||^2 + alpha ||w||^2  (sklearn's Ridge: no 1/n, no 1/2)."""
    r = y - (X @ w + b)
    return float(r @ r + alpha * (w @ w))


def logistic_objective(X, s, w, b, C):
    """C sum log(1 + exp(-s_i (x_i.w + b))) + 1/2 ||w||^2 with s_i in {-1, +1}."""
    return float(C * np.sum(np.logaddexp(0.0, -s * (X @ w + b))) + 0.5 * (w @ w))


# =============================================================================
# exact solvers
# =============================================================================

class KKTError(AssertionError):
    pass


def centred(X, y, fit_intercept):
    if fit_intercept:
        x_mean, y_mean = X.mean(axis=0), y.mean()
    else:
        x_mean, y_mean = np.zeros(X.shape[1]), 0.0
    return X - x_mean, y - y_mean, x_mean, y_mean


def agree(ours, theirs, what, rtol):
    """Refining must not move far from sklearn's own answer."""
    scale = max(np.max(np.abs(ours)), 1e-300)
    gap = np.max(np.abs(ours - theirs)) / scale
    if not gap <= rtol:
        raise KKTError(f"{what}: sklearn's fit is {gap:.2e} (relative) away from the refined solution")


def enet_violation(Xc, yc, w, l1_pen, l2_pen, scale):
    """Largest KKT violation of 1/(2n)||yc - Xc w||^2 + l1_pen|w|_1 + l2_pen/2 ||w||^2, over scale."""
    g = Xc.T @ (yc - Xc @ w) / len(yc) - l2_pen * w      # minus the smooth gradient
    off = np.where(w != 0, np.abs(g - l1_pen * np.sign(w)),  # active: g = l1_pen sign(w)
                   np.maximum(np.abs(g) - l1_pen, 0.0))      # inactive: |g| <= l1_pen
    return float(np.max(off)) / scale


def fit_enet(X, y, alpha, l1_ratio, fit_intercept, lasso):
    if lasso:
        model = Lasso(alpha=alpha, fit_intercept=fit_intercept, tol=1e-12, max_iter=1_000_000)
    else:
        model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, fit_intercept=fit_intercept,
                           tol=1e-12, max_iter=1_000_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # we refine below anyway
        model.fit(X, y)

    Xc, yc, x_mean, y_mean = centred(X, y, fit_intercept)
    n, p = Xc.shape
    l1_pen, l2_pen = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    scale = max(np.max(np.abs(Xc.T @ yc)) / n, 1e-300)       # alpha_max * l1_ratio
    col_sq = np.einsum("ij,ij->j", Xc, Xc) / n

    w = model.coef_.astype(float).copy()
    violation = enet_violation(Xc, yc, w, l1_pen, l2_pen, scale)
    best, best_w, since_best, sweeps = violation, w.copy(), 0, 0
    while best > KKT_TARGET and since_best < STALL_SWEEPS and sweeps < 100_000:
        r = yc - Xc @ w                                     # fresh residual each sweep
        for j in range(p):
            if col_sq[j] == 0.0:
                continue
            z = Xc[:, j] @ r / n + col_sq[j] * w[j]
            new = np.sign(z) * max(abs(z) - l1_pen, 0.0) / (col_sq[j] + l2_pen)
            if new != w[j]:
                r -= (new - w[j]) * Xc[:, j]
                w[j] = new
        sweeps += 1
        violation = enet_violation(Xc, yc, w, l1_pen, l2_pen, scale)
        if violation < best:
            best, best_w, since_best = violation, w.copy(), 0
        else:
            since_best += 1
    w, violation = best_w, best
    if not violation <= KKT_REQUIRED:
        raise KKTError(f"coordinate descent stalled at KKT violation {violation:.2e}")

    b = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    agree(w, model.coef_, "Lasso/ElasticNet", 1e-6)
    return model, w, b, {"kkt": violation, "sweeps": sweeps}


def fit_ridge(X, y, alpha, fit_intercept):
    model = Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X, y)
    Xc, yc, x_mean, y_mean = centred(X, y, fit_intercept)
    gram = Xc.T @ Xc + alpha * np.eye(Xc.shape[1])
    w = scipy.linalg.cho_solve(scipy.linalg.cho_factor(gram), Xc.T @ yc)
    b = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    # stationarity in w:  X^T(y - Xw - b) = alpha w ;  in b: sum(y - Xw - b) = 0
    r = y - (X @ w + b)
    scale = max(np.max(np.abs(Xc.T @ yc)), 1e-300)
    kkt = np.max(np.abs(X.T @ r - alpha * w)) / scale
    if fit_intercept:
        kkt = max(kkt, abs(r.sum()) / max(np.max(np.abs(y)) * len(y), 1e-300))
    if not kkt <= 1e-12:
        raise KKTError(f"Ridge normal equations violated: {kkt:.2e}")
    agree(w, model.coef_, "Ridge", 1e-8)
    return model, w, b, {"kkt": kkt}


def fit_linear(X, y, fit_intercept, min_norm=False):
    """Least squares; with min_norm the design may be rank-deficient (collinear columns,
    p >= n), and the answer is lstsq's solution of minimum ||w||, which must be orthogonal
    to the null space of the centred X."""
    model = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    Xc, yc, x_mean, y_mean = centred(X, y, fit_intercept)
    # scipy's lstsq drops singular values below cond * s_max, by default cond = eps; a
    # rank-deficient design's zero singular values come out as rounding, ~1e-15 * s_max,
    # and may be kept, which adds noise of that size divided by them along the null space
    # (1e-2 relative on the wide case). The minimum-norm solution drops them: numpy's
    # convention, cond = eps * max(n, p).
    cond = np.finfo(float).eps * max(Xc.shape) if min_norm else None
    w, _, rank, _ = scipy.linalg.lstsq(Xc, yc, cond=cond, lapack_driver="gelsd")
    if rank < Xc.shape[1] and not min_norm:
        raise KKTError("least squares: rank-deficient design, the solution is not unique")
    coef_sklearn = model.coef_
    if min_norm:
        if rank == Xc.shape[1]:
            raise KKTError("min-norm case: the design is full rank, the case tests nothing")
        _, sv, vt = np.linalg.svd(Xc, full_matrices=True)
        off = np.max(np.abs(vt[rank:] @ w)) / np.max(np.abs(w))
        if not off <= 1e-12:
            raise KKTError(f"the answer is not orthogonal to the null space: {off:.2e}")
        # sklearn's answer must agree on the row space; along the null space it may carry
        # the rounding noise described above
        coef_sklearn = w + vt[:rank].T @ (vt[:rank] @ (model.coef_ - w))
    b = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    r = y - (X @ w + b)
    scale = max(np.max(np.abs(Xc.T @ yc)), 1e-300)
    kkt = np.max(np.abs(X.T @ r)) / scale
    if fit_intercept:
        kkt = max(kkt, abs(r.sum()) / max(np.max(np.abs(y)) * len(y), 1e-300))
    if not kkt <= 1e-12:
        raise KKTError(f"least-squares normal equations violated: {kkt:.2e}")
    agree(w, coef_sklearn, "Linear", 1e-8)
    return model, w, b, {"kkt": kkt, "rank": int(rank)}


def fit_logistic(X, labels, C, fit_intercept):
    model = LogisticRegression(C=C, fit_intercept=fit_intercept, solver="newton-cholesky",
                               tol=1e-10, max_iter=1000).fit(X, labels)
    if len(model.classes_) != 2:
        raise KKTError("LogisticL2 fixtures must be binary")
    s = np.where(labels == model.classes_[1], 1.0, -1.0)
    n, p = X.shape
    A = np.column_stack([X, np.ones(n)]) if fit_intercept else X
    penalized = np.r_[np.ones(p), np.zeros(A.shape[1] - p)]   # the intercept is free

    def f(theta):
        return C * np.sum(np.logaddexp(0.0, -s * (A @ theta))) + 0.5 * np.sum(penalized * theta ** 2)

    def grad(theta):
        return -C * (A.T @ (s * expit(-s * (A @ theta)))) + penalized * theta

    scale = max(np.max(np.abs(grad(np.zeros(A.shape[1])))), 1e-300)
    theta = np.r_[model.coef_.ravel(), model.intercept_] if fit_intercept else model.coef_.ravel().copy()
    g = grad(theta)
    best, best_theta, since_best, steps = np.max(np.abs(g)) / scale, theta.copy(), 0, 0
    while best > KKT_TARGET and since_best < STALL_SWEEPS and steps < 200:
        prob = expit(A @ theta)
        hess = C * (A.T * (prob * (1.0 - prob))) @ A + np.diag(penalized)
        step = scipy.linalg.cho_solve(scipy.linalg.cho_factor(hess), g)
        t, f0 = 1.0, f(theta)
        while f(theta - t * step) > f0 + 1e-14 * abs(f0) and t > 1e-8:   # damping, rarely used
            t *= 0.5
        theta = theta - t * step
        g = grad(theta)
        steps += 1
        if np.max(np.abs(g)) / scale < best:
            best, best_theta, since_best = np.max(np.abs(g)) / scale, theta.copy(), 0
        else:
            since_best += 1
    theta, kkt = best_theta, best
    if not kkt <= KKT_REQUIRED:
        raise KKTError(f"Newton stalled at relative gradient {kkt:.2e}")

    w = theta[:p].copy()
    b = float(theta[p]) if fit_intercept else 0.0
    agree(w, model.coef_.ravel(), "LogisticL2", 1e-6)
    return model, w, b, {"kkt": float(kkt), "newton": steps}


# =============================================================================
# cases
# =============================================================================

def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def matrix(X):
    return [floats(row) for row in np.asarray(X)]


def regression_case(name, description, estimator, params, data, min_norm=False):
    X, y, Xt, yt = data
    fit_intercept = params.get("fitIntercept", True)
    alpha = params.get("alpha")
    if estimator == "Lasso":
        model, w, b, info = fit_enet(X, y, alpha, 1.0, fit_intercept, lasso=True)
        objective = squared_objective(X, y, w, b, l1=alpha)
    elif estimator == "ElasticNet":
        l1_ratio = params["l1Ratio"]
        model, w, b, info = fit_enet(X, y, alpha, l1_ratio, fit_intercept, lasso=False)
        objective = squared_objective(X, y, w, b, l1=alpha * l1_ratio, l2=alpha * (1 - l1_ratio))
    elif estimator == "Ridge":
        model, w, b, info = fit_ridge(X, y, alpha, fit_intercept)
        objective = ridge_objective(X, y, w, b, alpha)
    elif estimator == "Linear":
        model, w, b, info = fit_linear(X, y, fit_intercept, min_norm)
        objective = squared_objective(X, y, w, b)
    else:
        raise ValueError(estimator)
    # hand the refined parameters back to sklearn and let it predict and score
    model.coef_, model.intercept_ = w.copy(), b
    return {
        "name": name, "description": description, "estimator": estimator, "params": params,
        "X": matrix(X), "y": floats(y), "Xtest": matrix(Xt), "ytest": floats(yt),
        "expected": {
            "coef": floats(w),
            "intercept": float(b),
            "objective": objective,
            "predictTest": floats(model.predict(Xt)),
            "scoreTest": float(model.score(Xt, yt)),
            "nonzero": int(np.count_nonzero(w)),
        },
    }, info


def logistic_case(name, description, params, data):
    X, y, Xt, yt = data
    fit_intercept = params.get("fitIntercept", True)
    model, w, b, info = fit_logistic(X, y, params["C"], fit_intercept)
    classes = model.classes_
    s = np.where(y == classes[1], 1.0, -1.0)
    objective = logistic_objective(X, s, w, b, params["C"])
    model.coef_, model.intercept_ = w[None, :].copy(), np.array([b])
    # numeric labels are written as JSON floats (0.0 / 1.0), as in the committed files
    label = (lambda v: v if isinstance(v, str) else float(v))
    return {
        "name": name, "description": description, "estimator": "LogisticL2", "params": params,
        "X": matrix(X), "y": [label(v) for v in y], "Xtest": matrix(Xt), "ytest": [label(v) for v in yt],
        "expected": {
            "coef": floats(w),
            "intercept": float(b),
            "objective": objective,
            "classes": [label(v) for v in classes],
            "probaTest": floats(model.predict_proba(Xt)[:, 1]),
            "predictTest": [label(v) for v in model.predict(Xt)],
            "scoreTest": float(model.score(Xt, yt)),
        },
    }, info


def build_cases():
    """All cases, in draw order.  Returns a list of (case dict, solver info)."""
    if sklearn.__version__ != SKLEARN_VERSION:
        print(f"warning: scikit-learn {sklearn.__version__}; the fixtures were made with {SKLEARN_VERSION}",
              file=sys.stderr)
    gen = np.random.default_rng(SEED)
    out = []

    # sklearn's diabetes data, scaled features (load_diabetes' default): 400 train / 42 test
    X, y = datasets.load_diabetes(return_X_y=True, scaled=True)
    diabetes = holdout(gen, X, y, 42)
    for alpha in (0.01, 0.1, 1.0):
        out.append(regression_case(
            f"lasso-diabetes-alpha{alpha}",
            "Lasso on sklearn's diabetes data (scaled), sklearn objective",
            "Lasso", {"alpha": alpha}, diabetes))
    out.append(regression_case(
        "enet-diabetes", "ElasticNet alpha=0.01 l1Ratio=0.5 on diabetes",
        "ElasticNet", {"alpha": 0.01, "l1Ratio": 0.5}, diabetes))
    out.append(regression_case(
        "ridge-diabetes", "Ridge alpha=0.5 on diabetes (sklearn: ||r||^2 + alpha ||w||^2)",
        "Ridge", {"alpha": 0.5}, diabetes))
    out.append(regression_case(
        "linear-diabetes", "ordinary least squares on diabetes",
        "Linear", {}, diabetes))

    # correlated design, 240 x 60 -> 200 train / 40 test, fitted without an intercept
    X, y = ar1_design(gen, 240, 60, rho=0.6, k=6, noise=1.0)
    out.append(regression_case(
        "lasso-toeplitz-nointercept", "Lasso alpha=0.05, fitIntercept false, correlated features",
        "Lasso", {"alpha": 0.05, "fitIntercept": False}, holdout(gen, X, y, 40)))

    # wide design, 80 x 300 -> 60 train / 20 test
    X, y = ar1_design(gen, 80, 300, rho=0.5, k=8, noise=0.5)
    out.append(regression_case(
        "enet-wide", "ElasticNet alpha=0.1 l1Ratio=0.7 with p >> n (60 x 300)",
        "ElasticNet", {"alpha": 0.1, "l1Ratio": 0.7}, holdout(gen, X, y, 20)))

    # sklearn's breast cancer data, 500 train / 69 test, standardized with training statistics
    X, y = datasets.load_breast_cancer(return_X_y=True)
    Xtr, ytr, Xte, yte = holdout(gen, X, y, 69)
    Xtr, Xte = zscore(Xtr, Xte)
    out.append(logistic_case(
        "logistic-breast-cancer", "LogisticL2 C=1 on standardized breast cancer data, labels 0/1",
        {"C": 1.0}, (Xtr, ytr, Xte, yte)))

    # rank-deficient least squares: scikit-learn (lstsq) returns the solution of minimum
    # ||w||; many others fit equally well, so these pin down which one
    # wide, 60 x 150 -> 40 train / 20 test: centred, 40 rows span 39 dimensions
    X, y = ar1_design(gen, 60, 150, rho=0.5, k=8, noise=0.5)
    out.append(regression_case(
        "linear-wide-minnorm", "Linear with p > n (40 x 150): lstsq's minimum-norm solution",
        "Linear", {}, holdout(gen, X, y, 20), min_norm=True))
    # square, 40 x 30 -> 30 train / 10 test: with the intercept, 30 centred rows span 29
    X, y = ar1_design(gen, 40, 30, rho=0.5, k=5, noise=0.5)
    out.append(regression_case(
        "linear-square-minnorm", "Linear with n = p = 30 and an intercept (centred rank 29)",
        "Linear", {}, holdout(gen, X, y, 10), min_norm=True))
    # collinear columns, 140 x 12 -> 120 train / 20 test: x11 = 2 x0 and x10 = x3 - x5
    X, y = ar1_design(gen, 140, 12, rho=0.3, k=4, noise=1.0)
    X[:, 11] = 2 * X[:, 0]
    X[:, 10] = X[:, 3] - X[:, 5]
    out.append(regression_case(
        "linear-collinear-minnorm", "Linear with two exact collinearities (x11 = 2 x0, x10 = x3 - x5)",
        "Linear", {}, holdout(gen, X, y, 20), min_norm=True))
    # one-hot encodings that keep every level, 180 x (4 + 4 + 4) -> 160 train / 20 test:
    # each variable's columns sum to 1, collinear with the intercept
    numeric = gen.standard_normal((180, 4))
    levels = gen.integers(0, 4, size=(180, 2))
    onehot = np.concatenate([np.eye(4)[levels[:, 0]], np.eye(4)[levels[:, 1]]], axis=1)
    X = np.concatenate([numeric, onehot], axis=1)
    y = numeric @ np.array([1.5, -2.0, 0.0, 0.5]) + levels[:, 0] - 0.5 * levels[:, 1] + 0.3 * gen.standard_normal(180)
    out.append(regression_case(
        "linear-onehot-minnorm", "Linear on one-hot columns with every level kept (collinear with the intercept)",
        "Linear", {}, holdout(gen, X, y, 20), min_norm=True))
    return out


# =============================================================================
# output and --check
# =============================================================================

def serialize(case):
    return json.dumps(case, separators=(",", ":"))   # compact, key order as built, no newline


def write_all(cases, directory):
    directory.mkdir(parents=True, exist_ok=True)
    for case, info in cases:
        target = directory / f"{case['name']}.json"
        # write beside the target and rename, so read-only checkouts of the old file are fine
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w") as fh:
            fh.write(serialize(case))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        print(f"wrote {target}  ({describe(info)})")


def describe(info):
    return ", ".join(f"{k} {v:.1e}" if isinstance(v, float) else f"{k} {v}" for k, v in info.items())


def rel_dev(new, old):
    """Max elementwise |new - old| / max(|new|, |old|)  (0 where both are 0)."""
    a, b = np.asarray(new, dtype=float).ravel(), np.asarray(old, dtype=float).ravel()
    if a.shape != b.shape:
        return np.inf
    den = np.maximum(np.abs(a), np.abs(b))
    diff = np.abs(a - b)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(den > 0, diff / den, 0.0)
    return float(r.max()) if r.size else 0.0


def close(new, old, rtol):
    """|new - old| <= rtol * max(|new|, |old|) + 1e-14 * max|old|, elementwise."""
    a, b = np.asarray(new, dtype=float).ravel(), np.asarray(old, dtype=float).ravel()
    if a.shape != b.shape:
        return False
    atol = 1e-14 * (np.max(np.abs(b)) if b.size else 0.0)
    return bool(np.all(np.abs(a - b) <= rtol * np.maximum(np.abs(a), np.abs(b)) + atol))


def short_diff(old, new):
    """'old -> new' for scalars; for lists, how many entries differ and the first one."""
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        at = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        return f"{len(at)} of {len(old)} entries, first [{at[0]}]: {old[at[0]]!r} -> {new[at[0]]!r}"
    return f"{old!r} -> {new!r}"


def compare(new, old):
    """Returns ({column: max relative deviation}, [problems])."""
    problems, devs = [], {}
    for key in ("name", "description", "estimator", "params"):
        if new.get(key) != old.get(key):
            problems.append(f"{key}: {old.get(key)!r} -> {new.get(key)!r}")
    if set(new) != set(old) or set(new["expected"]) != set(old.get("expected", {})):
        problems.append(f"fields differ: {sorted(set(new) ^ set(old))} "
                        f"expected.{sorted(set(new['expected']) ^ set(old.get('expected', {})))}")
        return devs, problems
    ne, oe = new["expected"], old["expected"]
    logistic = new["estimator"] == "LogisticL2"

    # the data: must be reproduced (labels exactly)
    data = [(new["X"], old["X"]), (new["Xtest"], old["Xtest"])]
    if logistic:
        for key in ("y", "ytest"):
            if new[key] != old[key]:
                problems.append(f"{key} (labels) differ: {short_diff(old[key], new[key])}")
    else:
        data += [(new["y"], old["y"]), (new["ytest"], old["ytest"])]
    devs["data"] = max(rel_dev(a, b) for a, b in data)
    if not all(close(a, b, DATA_RTOL) for a, b in data):
        problems.append(f"data differ (max rel {devs['data']:.2e})")

    numeric = ["coef", "intercept", "objective", "scoreTest"]
    numeric += ["probaTest"] if logistic else ["predictTest"]
    for key in numeric:
        devs[key] = rel_dev(ne[key], oe[key])
        if not close(ne[key], oe[key], CHECK_RTOL):
            problems.append(f"expected.{key}: max rel deviation {devs[key]:.2e} > {CHECK_RTOL:g}")

    exact = ["classes", "predictTest"] if logistic else ["nonzero"]
    for key in exact:
        if ne[key] != oe[key]:
            problems.append(f"expected.{key} differs: {short_diff(oe[key], ne[key])}")
    if not logistic:
        devs["nonzero"] = f"{ne['nonzero']}={oe['nonzero']}" if ne["nonzero"] == oe["nonzero"] \
            else f"{ne['nonzero']}!={oe['nonzero']}"
    else:
        devs["labels"] = "same" if ne["predictTest"] == oe["predictTest"] else "DIFFER"
    return devs, problems


def check_all(cases, directory):
    columns = ["coef", "intercept", "objective", "predictTest", "probaTest", "scoreTest", "data"]
    print(f"checking {len(cases)} regenerated cases against {directory} "
          f"(rtol {CHECK_RTOL:g}; data rtol {DATA_RTOL:g})")
    print(f"{'case':28s}" + "".join(f"{c:>12s}" for c in columns) + f"{'zeros/labels':>14s}  bytes  KKT")
    failures = 0
    identical = 0
    names = set()
    for case, info in cases:
        names.add(case["name"] + ".json")
        path = directory / f"{case['name']}.json"
        if not path.exists():
            print(f"{case['name']:28s} MISSING {path}")
            failures += 1
            continue
        text = path.read_text()
        same_bytes = text == serialize(case)
        identical += same_bytes
        devs, problems = compare(case, json.loads(text))
        row = f"{case['name']:28s}" + "".join(
            f"{devs[c]:12.1e}" if c in devs else f"{'-':>12s}" for c in columns)
        row += f"{devs.get('nonzero', devs.get('labels', '')):>14s}  {'same' if same_bytes else 'diff':5s}"
        row += f"  {info['kkt']:.1e}"
        print(row)
        for p in problems:
            print(f"    MISMATCH {p}")
        failures += bool(problems)
    extra = sorted(f.name for f in directory.glob("*.json") if f.name not in names)
    for name in extra:
        print(f"    UNEXPECTED file {name} (no case generates it)")
    failures += len(extra)
    print(f"{identical}/{len(cases)} files byte-identical to the regenerated output")
    if failures:
        print(f"FAIL: {failures} file(s) missing, unexpected or different")
        return 1
    print(f"OK: all {len(cases)} cases match")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Regenerate the conformance fixtures from scikit-learn (run with /usr/bin/python3).")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help=f"regenerate in memory and compare with the files in {FIXTURE_DIR}; "
                           "exit 1 on any mismatch")
    mode.add_argument("--out", type=Path, metavar="DIR",
                      help="write the cases into DIR instead of tests/fixtures/conformance")
    args = parser.parse_args(argv)

    cases = build_cases()
    if args.check:
        return check_all(cases, FIXTURE_DIR)
    write_all(cases, args.out if args.out is not None else FIXTURE_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
