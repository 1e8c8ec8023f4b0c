/**
 * Small references shared by the extremes tests: relative errors and a plain
 * coordinate-descent elastic net written out from the objective, independent of `src`.
 */

/** max |a − b| / max |b|: the relative error of a prediction vector. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

/** ‖a − b‖ / ‖b‖ (ℓ2). */
export function l2RelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    d += (a[i] - b[i]) ** 2;
    s += b[i] ** 2;
  }
  return Math.sqrt(d / s);
}

/**
 * argmin 1/(2n)‖y − Xv − b‖² + Σⱼ (l1ⱼ·|vⱼ| + ½·l2ⱼ·vⱼ²) by plain cyclic coordinate
 * descent on the centered data (b = 0 without an intercept), run to a 1e-15 change.
 * With l2 = 0 it is the Lasso with per-feature strengths.
 */
export function referenceElasticNet(M: number[][], t: number[], l1: number[], l2: number[], fitIntercept = true): { v: number[]; b: number } {
  const rows = M.length;
  const m = l1.length;
  const means = Array.from({ length: m }, (_, j) => (fitIntercept ? M.reduce((a, row) => a + row[j], 0) / rows : 0));
  const tMean = fitIntercept ? t.reduce((a, v) => a + v, 0) / rows : 0;
  const Xc = M.map((row) => row.map((v, j) => v - means[j]));
  const residual = t.map((v) => v - tMean);
  const v = new Array<number>(m).fill(0);
  const curvature = Array.from({ length: m }, (_, j) => Xc.reduce((a, row) => a + row[j] * row[j], 0) / rows);
  for (let epoch = 0; epoch < 100_000; epoch++) {
    let change = 0;
    for (let j = 0; j < m; j++) {
      let g = 0;
      for (let i = 0; i < rows; i++) g += Xc[i][j] * residual[i];
      const z = curvature[j] * v[j] + g / rows;
      const next = (z > l1[j] ? z - l1[j] : z < -l1[j] ? z + l1[j] : 0) / (curvature[j] + l2[j]);
      if (next !== v[j]) {
        for (let i = 0; i < rows; i++) residual[i] -= Xc[i][j] * (next - v[j]);
        change = Math.max(change, Math.abs(next - v[j]));
        v[j] = next;
      }
    }
    if (change < 1e-15) break;
  }
  return { v, b: tMean - v.reduce((a, x, j) => a + x * means[j], 0) };
}
