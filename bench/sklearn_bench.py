"""scikit-learn side of `npm run bench` (called by bench/run.ts; not meant to be run by hand).

Usage: /usr/bin/python3 bench/sklearn_bench.py FOLDER TASKS_JSON RUNS WARMUP

FOLDER holds X.f64 (row-major float64, n x p), y.f64 and meta.json, as written by
bench/common.ts. TASKS_JSON is a list of tasks {id, model, alpha, l1Ratio, C, tol}.
Prints one JSON object: {"version": ..., "results": {id: {...}}} with the median time
of RUNS timed fits after WARMUP untimed ones, and n_iter, nonzeros and the objective
in the SAME formulas as bench/common.ts:
  Lasso/ENet 1/(2n)||y-Xw-b||^2 + a*r*||w||_1 + 0.5*a*(1-r)*||w||^2
  Ridge      ||y-Xw-b||^2 + a*||w||^2
  Linear     1/(2n)||y-Xw-b||^2
  Logistic   C*sum log(1+exp(-yt*z)) + 0.5*||w||^2
"""
import json
import os
import statistics
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge


def load(folder):
    with open(os.path.join(folder, "meta.json")) as f:
        meta = json.load(f)
    n, p = meta["n"], meta["p"]
    X = np.fromfile(os.path.join(folder, "X.f64"), dtype=np.float64).reshape(n, p)
    y = np.fromfile(os.path.join(folder, "y.f64"), dtype=np.float64)
    return meta, X, y


def make(task):
    tol = task.get("tol", 1e-4)
    m = task["model"]
    if m == "lasso":
        return Lasso(alpha=task["alpha"], tol=tol)
    if m == "enet":
        return ElasticNet(alpha=task["alpha"], l1_ratio=task["l1Ratio"], tol=tol)
    if m == "ridge":
        return Ridge(alpha=task["alpha"])  # default solver ('auto' -> cholesky here)
    if m == "linear":
        return LinearRegression()
    if m == "logistic":
        return LogisticRegression(C=task["C"], tol=tol, solver="lbfgs", max_iter=100000)
    raise ValueError(m)


def objective(task, X, y, w, b):
    z = X @ w + b
    n = X.shape[0]
    m = task["model"]
    l1 = float(np.abs(w).sum())
    l2 = float(w @ w)
    if m == "logistic":
        margin = np.where(y > 0.5, 1.0, -1.0) * z
        loss = float(np.logaddexp(0.0, -margin).sum())
        return task["C"] * loss + 0.5 * l2
    r = y - z
    rss = float(r @ r)
    if m == "lasso":
        return rss / (2 * n) + task["alpha"] * l1
    if m == "enet":
        a, q = task["alpha"], task["l1Ratio"]
        return rss / (2 * n) + a * q * l1 + 0.5 * a * (1 - q) * l2
    if m == "ridge":
        return rss + task["alpha"] * l2
    if m == "linear":
        return rss / (2 * n)
    raise ValueError(m)


def n_iter_of(model):
    it = getattr(model, "n_iter_", None)
    if it is None:
        return None
    return int(np.max(it))


def main():
    folder, tasks_json, runs, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    tasks = json.loads(tasks_json)
    _, X, y = load(folder)
    results = {}
    for task in tasks:
        times = []
        converged = True
        model = None
        for r in range(warmup + runs):
            model = make(task)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                t0 = time.perf_counter()
                model.fit(X, y)
                dt = time.perf_counter() - t0
            if any(issubclass(w.category, ConvergenceWarning) for w in caught):
                converged = False
            if r >= warmup:
                times.append(dt * 1000.0)
        w = np.ravel(model.coef_).astype(np.float64)
        b = float(np.ravel(model.intercept_)[0]) if np.ndim(model.intercept_) else float(model.intercept_)
        results[task["id"]] = {
            "timeMs": statistics.median(times),
            "times": times,
            "nIter": n_iter_of(model),
            "nonzeros": int(np.count_nonzero(w)),
            "objective": objective(task, X, y, w, b),
            "converged": converged,
        }
    print(json.dumps({"version": sklearn.__version__, "results": results}))


if __name__ == "__main__":
    main()
