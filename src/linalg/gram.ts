/**
 * The Gram matrix XᵀWX of a column-major n×p matrix: the n·p²/2 multiply-adds that
 * dominate an exact least-squares solve.
 *
 * Computed the way a BLAS `syrk` is, within what scalar JavaScript allows:
 * - rows are taken in blocks of {@link ROW_BLOCK}; each block of X is copied (and
 *   weighted) into a small contiguous buffer that stays in L2 cache while every pair
 *   of its columns is visited;
 * - a 3×3 register tile accumulates nine entries of XᵀWX from six column loads per
 *   row, instead of one entry from two loads (a dot product). Measured on
 *   20000×500: 3×3 beat 2×4, 3×4, 4×4 and 2×6 (V8 has 16 float registers; larger
 *   tiles spill);
 * - only tiles on or above the diagonal are computed; the lower triangle is a copy,
 *   so the result is exactly symmetric.
 *
 * Each entry is summed in a different order than a plain dot product (within a row
 * block, then across blocks), which changes it by rounding only: both stay within
 * γₙ·Σᵢ|wᵢxᵢⱼxᵢₖ| of the exact value (γₙ ≈ n·2⁻⁵³).
 *
 * @module
 */

/**
 * Rows per block: a block of 128 rows × p columns is 1 KiB per column, so for a few
 * hundred columns both copies fit in L2 and the six columns a tile reads fit in L1.
 * 64 to 256 measured alike; beyond, the blocks fall out of cache.
 */
const ROW_BLOCK = 128;

/**
 * XᵀWX (W = diag(weights), the identity without them) of the column-major n×p
 * `values` (column j at `[j*n, (j+1)*n)`), as a dense row-major p×p array that is
 * exactly symmetric.
 */
export function gramMatrix(values: Float64Array, n: number, p: number, weights?: Float64Array): Float64Array {
  return blockedGram(n, p, weights !== undefined, (start, rows, block, right) => {
    for (let j = 0; j < p; j++) {
      const from = j * n + start;
      const to = j * rows;
      block.set(values.subarray(from, from + rows), right + to);
      if (weights) {
        for (let i = 0; i < rows; i++) block[to + i] = weights[start + i] * values[from + i];
      }
    }
  });
}

/**
 * ZᵀWZ for Z = [X − 1μᵀ, y − μ_y, 1] restricted to `rows` (W = diag(weights) of those
 * rows, the identity without them): the (p+2)×(p+2) Gram matrix of the shifted design with
 * the targets and a column of ones appended, so that one pass gives X̃ᵀWX̃, X̃ᵀWỹ, ỹᵀWỹ,
 * the weighted sums and Σw. `shift` holds μ then μ_y; `values` is column-major n×p.
 * Exactly symmetric, row-major.
 */
export function shiftedGramOfRows(
  values: Float64Array,
  n: number,
  p: number,
  y: Float64Array,
  rows: Int32Array,
  shift: Float64Array,
  weights?: Float64Array,
): Float64Array {
  return blockedGram(rows.length, p + 2, weights !== undefined, (start, count, block, right) => {
    for (let c = 0; c <= p + 1; c++) {
      const to = c * count;
      for (let i = 0; i < count; i++) block[right + to + i] = c < p ? values[c * n + rows[start + i]] - shift[c] : c === p ? y[rows[start + i]] - shift[p] : 1;
      if (weights) {
        for (let i = 0; i < count; i++) block[to + i] = weights[rows[start + i]] * block[right + to + i];
      }
    }
  });
}

/**
 * XXᵀ of the same column-major n×p `values`, as a dense row-major n×n array that is
 * exactly symmetric: the Gram matrix of Xᵀ, whose rows are X's columns.
 */
export function outerGramMatrix(values: Float64Array, n: number, p: number): Float64Array {
  return blockedGram(p, n, false, (start, rows, block) => {
    // rows [start, start + rows) of Xᵀ are columns of X: a transposing copy
    for (let j = 0; j < rows; j++) {
      const from = (start + j) * n;
      for (let i = 0; i < n; i++) block[i * rows + j] = values[from + i];
    }
  });
}

/**
 * Fills `block` with rows [start, start + rows) of the m×q operand, column c at
 * [c*rows, (c+1)*rows): the left factor (weighted, if any) at offset 0 and, when the
 * factors differ, the right factor at offset `right`.
 */
type PackRows = (start: number, rows: number, block: Float64Array, right: number) => void;

/** AᵀB (A = B, or A = W·B when `weighted`) of an m×q operand delivered by `pack`, row block by row block. */
function blockedGram(m: number, q: number, weighted: boolean, pack: PackRows): Float64Array {
  const gram = new Float64Array(q * q);
  const rowsPerBlock = Math.min(ROW_BLOCK, m);
  // One buffer for both factors rather than two saves V8 a second array check per row
  // (15% here); being small, it keeps every index below 2³¹.
  const leftSize = rowsPerBlock * q;
  const block = new Float64Array(weighted ? 2 * leftSize : leftSize);
  const right = weighted ? leftSize : 0;
  const tiled = q - (q % 3);
  for (let start = 0; start < m; start += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, m - start);
    pack(start, rows, block, right);
    for (let j = 0; j < tiled; j += 3) {
      let k = j;
      for (; k < tiled; k += 3) accumulateTile(block, j * rows, right + k * rows, rows, gram, j * q + k, q);
      for (; k < q; k++) accumulateColumn(block, j * rows, right + k * rows, rows, gram, j * q + k, q);
    }
    // the last q mod 3 rows of the upper triangle, one dot product per entry
    for (let j = tiled; j < q; j++) {
      for (let k = j; k < q; k++) {
        const a = j * rows;
        const b = right + k * rows;
        let sum = 0;
        for (let i = 0; i < rows; i++) sum += block[a + i] * block[b + i];
        gram[j * q + k] += sum;
      }
    }
  }
  for (let j = 0; j < q; j++) {
    for (let k = j + 1; k < q; k++) gram[k * q + j] = gram[j * q + k];
  }
  return gram;
}

/**
 * gram[g.., three rows × three columns at row stride p] += the 3×3 products of the
 * block columns starting at `left` and at `right` (each column `rows` long, the three
 * at stride `rows`), over one row block. Indices are written `(a + i) | 0` so V8 adds
 * them without an overflow check (about 10% faster here); they are far below 2³¹.
 */
function accumulateTile(block: Float64Array, left: number, right: number, rows: number, gram: Float64Array, g: number, p: number): void {
  const a0 = left;
  const a1 = a0 + rows;
  const a2 = a1 + rows;
  const b0 = right;
  const b1 = b0 + rows;
  const b2 = b1 + rows;
  let s00 = 0, s01 = 0, s02 = 0;
  let s10 = 0, s11 = 0, s12 = 0;
  let s20 = 0, s21 = 0, s22 = 0;
  for (let i = 0; i < rows; i++) {
    const x0 = block[(a0 + i) | 0];
    const x1 = block[(a1 + i) | 0];
    const x2 = block[(a2 + i) | 0];
    let y = block[(b0 + i) | 0];
    s00 += x0 * y; s10 += x1 * y; s20 += x2 * y;
    y = block[(b1 + i) | 0];
    s01 += x0 * y; s11 += x1 * y; s21 += x2 * y;
    y = block[(b2 + i) | 0];
    s02 += x0 * y; s12 += x1 * y; s22 += x2 * y;
  }
  gram[g] += s00; gram[g + 1] += s01; gram[g + 2] += s02;
  g += p;
  gram[g] += s10; gram[g + 1] += s11; gram[g + 2] += s12;
  g += p;
  gram[g] += s20; gram[g + 1] += s21; gram[g + 2] += s22;
}

/** The ragged right edge: three rows × one column of {@link accumulateTile}. */
function accumulateColumn(block: Float64Array, left: number, right: number, rows: number, gram: Float64Array, g: number, p: number): void {
  const a0 = left;
  const a1 = a0 + rows;
  const a2 = a1 + rows;
  let s0 = 0, s1 = 0, s2 = 0;
  for (let i = 0; i < rows; i++) {
    const y = block[right + i];
    s0 += block[a0 + i] * y;
    s1 += block[a1 + i] * y;
    s2 += block[a2 + i] * y;
  }
  gram[g] += s0;
  gram[g + p] += s1;
  gram[g + 2 * p] += s2;
}
