#!/usr/bin/python3
"""scikit-learn side of bench/cv.ts (not a test; run by that script).

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 cv_sklearn.py FOLDER RUNS ESTIMATOR

FOLDER holds X.f64 (row-major float64, n x p), y.f64 and meta.json ({"n", "p"}).
ESTIMATOR is LassoCV or ElasticNetCV (l1_ratio=0.5); cv=5, defaults otherwise. Prints
JSON: the wall seconds of each fit and the alpha chosen.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNetCV, LassoCV

folder, runs, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(os.path.join(folder, "meta.json")) as f:
    meta = json.load(f)
n, p = meta["n"], meta["p"]
X = np.fromfile(os.path.join(folder, "X.f64"), dtype=np.float64).reshape(n, p)
y = np.fromfile(os.path.join(folder, "y.f64"), dtype=np.float64)

make = (lambda: LassoCV(cv=5)) if name == "LassoCV" else (lambda: ElasticNetCV(cv=5, l1_ratio=0.5))
wall = []
model = None
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    for _ in range(runs):
        model = make()
        w0 = time.perf_counter()
        model.fit(X, y)
        wall.append(time.perf_counter() - w0)
print(json.dumps({"wall": wall, "alpha": float(model.alpha_)}))
