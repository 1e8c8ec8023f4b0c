#!/usr/bin/python3
"""scikit-learn side of bench/path.ts (not a test; run by that script).

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 path_sklearn.py FOLDER RUNS TOL

FOLDER holds X.f64 (row-major float64, n x p), y.f64 and meta.json ({"n", "p"}).
Times scikit-learn's lasso_path(X - mean, y - mean, n_alphas=100, eps=1e-3, tol=TOL)
(lasso_path fits no intercept, so the centering that penalized does inside lassoPath
is done here, inside the timed region). Prints JSON: CPU (time.process_time) and wall
(time.perf_counter) seconds of each run, plus the grid ends, the epochs per alpha and
the support size at the smallest alpha, to check both sides solved the same problem.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import lasso_path

folder, runs, tol = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
with open(os.path.join(folder, "meta.json")) as f:
    meta = json.load(f)
n, p = meta["n"], meta["p"]
X = np.fromfile(os.path.join(folder, "X.f64"), dtype=np.float64).reshape(n, p)
y = np.fromfile(os.path.join(folder, "y.f64"), dtype=np.float64)

cpu, wall = [], []
for _ in range(runs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        c0, w0 = time.process_time(), time.perf_counter()
        Xc = X - X.mean(axis=0)
        yc = y - y.mean()
        alphas, coefs, gaps, n_iters = lasso_path(Xc, yc, n_alphas=100, eps=1e-3, tol=tol, return_n_iter=True)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
print(json.dumps({
    "version": sklearn.__version__,
    "cpu": cpu,
    "wall": wall,
    "alphaMax": float(alphas[0]),
    "alphaMin": float(alphas[-1]),
    "epochs": int(np.sum(n_iters)),
    "supportLast": int(np.count_nonzero(coefs[:, -1])),
    "coefLast": coefs[:, -1].tolist(),
}))
