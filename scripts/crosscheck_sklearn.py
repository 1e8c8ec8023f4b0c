#!/usr/bin/python3
"""Random problems fitted by scikit-learn at tight tolerances, for scripts/crosscheck.ts.

    /usr/bin/python3 scripts/crosscheck_sklearn.py /tmp/crosscheck.json
    npx tsx scripts/crosscheck.ts /tmp/crosscheck.json

96 small problems (tall 40x8 and wide 25x60, columns in scales 0.1-10): Lasso, positive
Lasso, ElasticNet, Ridge, Linear, positive Linear and LogisticL2, with and without an
intercept, most with sample weights. A development check, not a test: it needs Debian's
scikit-learn, and its answers are only as exact as scikit-learn's solvers (its lbfgs
stops on ftol; wide NNLS has many solutions). The committed references, polished to KKT
precision, are tests/fixtures/conformance.
"""
import json, sys, numpy as np, warnings
from sklearn.linear_model import Lasso, ElasticNet, Ridge, LinearRegression, LogisticRegression
warnings.filterwarnings("ignore")
rng = np.random.default_rng(0)
cases = []
def add(name, est, params, X, y, sw=None, extra=None):
    kw = {} if sw is None else {"sample_weight": sw}
    m = est.fit(X, y, **kw)
    cases.append({"name": name, "params": params, "X": X.tolist(), "y": y.tolist(), "sw": None if sw is None else sw.tolist(),
                  "coef": np.ravel(m.coef_).tolist(), "intercept": float(np.ravel(m.intercept_)[0]) if np.ndim(m.intercept_) else float(m.intercept_)})
for trial in range(3):
    for (n, p) in [(40, 8), (25, 60)]:
        X = rng.standard_normal((n, p)) * rng.uniform(0.1, 10, size=p)
        w = np.zeros(p); w[:3] = rng.standard_normal(3) * 3
        y = X @ w + 2 + rng.standard_normal(n)
        lab = (y > np.median(y)).astype(int)
        sw = rng.uniform(0.2, 3, size=n)
        a = 0.1
        for fi in (True, False):
            add(f"lasso n{n}p{p} fi{fi}", Lasso(alpha=a, fit_intercept=fi, tol=1e-12, max_iter=10**6), {"est": "Lasso", "alpha": a, "fitIntercept": fi}, X, y)
            add(f"lasso-sw n{n}p{p} fi{fi}", Lasso(alpha=a, fit_intercept=fi, tol=1e-12, max_iter=10**6), {"est": "Lasso", "alpha": a, "fitIntercept": fi}, X, y, sw)
            add(f"lasso-pos n{n}p{p} fi{fi}", Lasso(alpha=a, fit_intercept=fi, positive=True, tol=1e-12, max_iter=10**6), {"est": "Lasso", "alpha": a, "fitIntercept": fi, "positive": True}, X, y)
            add(f"enet-sw n{n}p{p} fi{fi}", ElasticNet(alpha=a, l1_ratio=0.3, fit_intercept=fi, tol=1e-12, max_iter=10**6), {"est": "ElasticNet", "alpha": a, "l1Ratio": 0.3, "fitIntercept": fi}, X, y, sw)
            add(f"ridge-sw n{n}p{p} fi{fi}", Ridge(alpha=2.0, fit_intercept=fi), {"est": "Ridge", "alpha": 2.0, "fitIntercept": fi}, X, y, sw)
            add(f"linear-sw n{n}p{p} fi{fi}", LinearRegression(fit_intercept=fi), {"est": "Linear", "fitIntercept": fi}, X, y, sw)
            add(f"linear-pos n{n}p{p} fi{fi}", LinearRegression(fit_intercept=fi, positive=True), {"est": "Linear", "fitIntercept": fi, "positive": True}, X, y)
            add(f"logistic-sw n{n}p{p} fi{fi}", LogisticRegression(C=0.7, fit_intercept=fi, tol=1e-12, max_iter=10**6), {"est": "LogisticL2", "C": 0.7, "fitIntercept": fi}, X, lab, sw)
json.dump(cases, open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/crosscheck.json", "w"))
print(len(cases))
