/**
 * Renders the figures of the guides into docs/figures/*.svg from real fits, with
 * Vega-Lite (compiled to Vega, rendered to SVG in Node, no browser). Run with
 * `npm run figures`; the output is deterministic, so unchanged fits give unchanged files.
 *
 * - coefficient-paths.svg: Lasso and Ridge coefficient paths on the diabetes data;
 * - geometry.svg: loss contours, the L1 diamond and the L2 disc, and the solver's
 *   trajectory recorded with `fit(X, y, { onIteration })`, on a 2-feature problem;
 * - coefficient-histograms.svg: the coefficients of a Lasso and a Ridge on a wide
 *   problem (more features than samples), each tuned on held-out data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { loadDiabetes } from '../src/datasets/index.js';
import { Lasso, Ridge } from '../src/index.js';

const outDir = fileURLToPath(new URL('../docs/figures/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const FONT = 'Helvetica, Arial, sans-serif';
const config: vl.TopLevelSpec['config'] = {
  font: FONT,
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#eee' },
  title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
};

/**
 * Text widths for layout. Without a canvas, Vega estimates every character at 0.8 em,
 * twice Helvetica's average, which pads titles and labels with empty space; Vega
 * supports replacing the measure (as vl-convert does), so use Helvetica's widths
 * (in em, from its AFM metrics, grouped).
 */
const HELVETICA: [string, number][] = [
  ["ijl'|!.,:;I", 0.24],
  ['ftr()[]-', 0.31],
  [' ', 0.278],
  ['0123456789$#_?abdeghnopqu', 0.556],
  ['ckszvxyJ', 0.5],
  ['mM', 0.833],
  ['wCDHNRUw', 0.722],
  ['GOQ', 0.778],
  ['W', 0.944],
  ['=+<>≤≥~', 0.584],
  ['²₁₂', 0.35],
];
const EM = new Map<string, number>(HELVETICA.flatMap(([chars, w]) => [...chars].map((c): [string, number] => [c, w])));
type TextItem = { fontSize?: number; fontWeight?: string | number };
// textMetrics is exported by vega (from vega-scenegraph) but missing from its type declarations
(vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = (item, text) => {
  const str = text == null ? '' : String(text).trim();
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 1.08 : 1;
  let em = 0;
  for (const c of str) em += EM.get(c) ?? (c === c.toUpperCase() && c !== c.toLowerCase() ? 0.667 : 0.556);
  return em * size * bold;
};

async function render(name: string, spec: vl.TopLevelSpec): Promise<void> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(outDir + name, svg + '\n');
  console.log(`wrote docs/figures/${name} (${(svg.length / 1024).toFixed(0)} KB)`);
}

/** Rounds for the data embedded in the specs (the SVG has pixel precision anyway). */
const round = (v: number, digits = 6): number => Number(v.toPrecision(digits));

/** A geometric grid of `count` values from `from` down to `to`. */
function geometric(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from * (to / from) ** (k / (count - 1)));
}

/** Deterministic standard normal draws (mulberry32 + Box–Muller), so figures do not change between runs. */
function normalSource(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * The next Lasso on a path, started from the previous solution: the estimator's
 * options are fixed once constructed, so the fitted model is carried over through
 * its JSON with only `alpha` changed, and `warmStart: true` starts from its `coef`.
 */
function nextOnPath(previous: Lasso, alpha: number): Lasso {
  const json = previous.toJSON();
  return Lasso.fromJSON({ ...json, params: { ...json.params, alpha } });
}

/**
 * Vertical positions for line-end labels: the lines' end values, pushed apart to at
 * least `gap` (in data units, about one text line at the panel's scale), order kept.
 */
function endLabels<T extends { coef: number }>(ends: T[]): (T & { labelY: number })[] {
  const sorted = [...ends].sort((a, b) => a.coef - b.coef);
  const range = sorted[sorted.length - 1].coef - sorted[0].coef;
  const gap = range / 26;
  const ys = sorted.map((r) => r.coef);
  for (let k = 1; k < ys.length; k++) ys[k] = Math.max(ys[k], ys[k - 1] + gap);
  return sorted.map((r, k) => ({ ...r, labelY: round(ys[k]) }));
}

// ---------------------------------------------------------------------------------
// (a) coefficient paths on the diabetes data
// ---------------------------------------------------------------------------------
async function coefficientPaths(): Promise<void> {
  const { X, y, featureNames } = loadDiabetes();
  const n = X.length;
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  // alphaMax = max_j |x_jᵀ(y − ȳ)| / n: the smallest alpha at which every Lasso coefficient is 0
  const alphaMax = Math.max(...featureNames.map((_, j) => Math.abs(X.reduce((s, row, i) => s + row[j] * (y[i] - yMean), 0)) / n));

  const rows: { model: string; alpha: number; feature: string; coef: number }[] = [];
  let lasso = new Lasso({ alpha: alphaMax, warmStart: true, tol: 1e-8, maxIter: 100_000 }).fit(X, y);
  let epochs = 0;
  for (const alpha of geometric(alphaMax, alphaMax / 1e4, 80)) {
    lasso = nextOnPath(lasso, alpha).fit(X, y);
    epochs += lasso.nIter;
    lasso.coef.forEach((c, j) => rows.push({ model: 'Lasso', alpha: round(alpha), feature: featureNames[j], coef: round(c) }));
  }
  for (const alpha of geometric(1e3, 1e-4, 80)) {
    const ridge = new Ridge({ alpha }).fit(X, y);
    ridge.coef.forEach((c, j) => rows.push({ model: 'Ridge', alpha: round(alpha), feature: featureNames[j], coef: round(c) }));
  }
  console.log(`  Lasso path: 80 alphas from alphaMax = ${alphaMax.toFixed(4)}, ${epochs} coordinate-descent epochs in all (warm starts)`);

  const panel = (model: 'Lasso' | 'Ridge', subtitle: string) => {
    const minAlpha = Math.min(...rows.filter((r) => r.model === model).map((r) => r.alpha));
    return {
      title: { text: model, subtitle },
      width: 300,
      height: 280,
      data: { values: rows.filter((r) => r.model === model) },
      encoding: {
        x: {
          field: 'alpha',
          type: 'quantitative',
          scale: { type: 'log', reverse: true, nice: false },
          axis: { title: 'alpha (log scale; weaker penalty →)', format: '~g', values: model === 'Lasso' ? [1, 0.1, 0.01, 0.001] : [1000, 100, 10, 1, 0.1, 0.01, 0.001] },
        },
        y: { field: 'coef', type: 'quantitative', axis: { title: 'coefficient' } },
        color: { field: 'feature', type: 'nominal', sort: featureNames, scale: { scheme: 'category10' }, legend: null },
      },
      layer: [
        { mark: { type: 'line', strokeWidth: 1.8, interpolate: 'linear' } },
        {
          // feature names at the right end, nudged apart where lines end close together
          data: { values: endLabels(rows.filter((r) => r.model === model && r.alpha === minAlpha)) },
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
          encoding: { y: { field: 'labelY', type: 'quantitative' }, text: { field: 'feature' } },
        },
      ],
    };
  };

  await render('coefficient-paths.svg', {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config,
    title: {
      text: 'Coefficient paths on the diabetes data (442 patients, 10 features)',
      subtitle: 'From a strong penalty (left) to a weak one (right), where both approach least squares. Each line is one feature.',
    },
    hconcat: [
      panel('Lasso', 'L1: coefficients enter one at a time and are exactly 0 before'),
      panel('Ridge', 'L2: every coefficient shrinks smoothly; none is exactly 0'),
    ],
    spacing: 40,
    resolve: { scale: { y: 'independent' } },
  } as vl.TopLevelSpec);
}

// ---------------------------------------------------------------------------------
// (b) geometry: loss contours, constraint sets and the solver's trajectory
// ---------------------------------------------------------------------------------
async function geometry(): Promise<void> {
  const normal = normalSource(4);
  const n = 60;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = normal();
    const b = -0.5 * a + Math.sqrt(0.75) * normal(); // correlation −0.5 between the features
    X.push([a, b]);
    y.push(a + 0.5 * b + 0.7 * normal());
  }
  // the squared loss with the intercept profiled out, as a quadratic in w:
  // F(w) = F(ŵ) + ½ (w − ŵ)ᵀ H (w − ŵ), H = X_cᵀX_c / n, ŵ the least-squares solution
  const mean = [0, 1].map((j) => X.reduce((s, r) => s + r[j], 0) / n);
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const H = [
    [0, 0],
    [0, 0],
  ];
  const g = [0, 0];
  for (let i = 0; i < n; i++) {
    const xc = [X[i][0] - mean[0], X[i][1] - mean[1]];
    for (let a = 0; a < 2; a++) {
      g[a] += (xc[a] * (y[i] - yMean)) / n;
      for (let b = 0; b < 2; b++) H[a][b] += (xc[a] * xc[b]) / n;
    }
  }
  const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
  const ols = [(H[1][1] * g[0] - H[0][1] * g[1]) / det, (H[0][0] * g[1] - H[1][0] * g[0]) / det];
  const excess = (w: number[]): number => {
    const d = [w[0] - ols[0], w[1] - ols[1]];
    return 0.5 * (d[0] * (H[0][0] * d[0] + H[0][1] * d[1]) + d[1] * (H[1][0] * d[0] + H[1][1] * d[1]));
  };
  // the level set {w : excess(w) = c} is an ellipse: w = ŵ + √(2c) · H^(−½) (cos t, sin t)
  const tr = H[0][0] + H[1][1];
  const disc = Math.sqrt((H[0][0] - H[1][1]) ** 2 + 4 * H[0][1] ** 2);
  const eig = [(tr + disc) / 2, (tr - disc) / 2];
  const v1 = Math.abs(H[0][1]) > 1e-15 ? normalize([eig[0] - H[1][1], H[0][1]]) : [1, 0];
  const v2 = [-v1[1], v1[0]];
  const domain = { w1: [-0.9, 1.4], w2: [-0.9, 1.4] };
  const inside = (w1: number, w2: number) => w1 >= domain.w1[0] && w1 <= domain.w1[1] && w2 >= domain.w2[0] && w2 <= domain.w2[1];
  // points of one ellipse inside the plotted square, split into pieces where it leaves
  // the square (clipping in the data keeps Vega's layout bounds to the plot area)
  const ellipse = (c: number, level: string, kind: string) => {
    const points: { w1: number; w2: number; order: number; piece: string; kind: string }[] = [];
    let piece = 0;
    let wasInside = false;
    for (let k = 0; k <= 180; k++) {
      const t = (2 * Math.PI * k) / 180;
      const a = Math.sqrt((2 * c) / eig[0]) * Math.cos(t);
      const b = Math.sqrt((2 * c) / eig[1]) * Math.sin(t);
      const w1 = ols[0] + a * v1[0] + b * v2[0];
      const w2 = ols[1] + a * v1[1] + b * v2[1];
      const isInside = inside(w1, w2);
      if (isInside && !wasInside) piece++;
      if (isInside) points.push({ w1: round(w1), w2: round(w2), order: k, piece: `${level}.${piece}`, kind });
      wasInside = isInside;
    }
    return points;
  };

  type Trace = { w1: number; w2: number; iteration: number };
  const record = (fit: (onIteration: (p: { iteration: number; coef: Float64Array }) => void) => { coef: Float64Array }) => {
    const trace: Trace[] = [{ w1: 0, w2: 0, iteration: 0 }];
    const model = fit(({ iteration, coef }) => void trace.push({ w1: round(coef[0]), w2: round(coef[1]), iteration }));
    return { trace, coef: Array.from(model.coef) };
  };
  const lassoAlpha = 0.3;
  const lasso = record((onIteration) => new Lasso({ alpha: lassoAlpha, tol: 1e-10 }).fit(X, y, { onIteration }));
  const ridgeAlpha = 20;
  // the default Ridge solve is exact (no iterations); coordinate descent shows a path
  const ridge = record((onIteration) => new Ridge({ alpha: ridgeAlpha, solver: 'cd', tol: 1e-10 }).fit(X, y, { onIteration }));
  console.log(`  Lasso(alpha=${lassoAlpha}) = [${lasso.coef.map((c) => c.toFixed(4))}] in ${lasso.trace.length - 1} epochs; Ridge(alpha=${ridgeAlpha}) = [${ridge.coef.map((c) => c.toFixed(4))}] in ${ridge.trace.length - 1} epochs; least squares [${ols.map((c) => c.toFixed(4))}]`);
  if (lasso.coef[1] !== 0) throw new Error('the figure needs a Lasso solution on a corner of the diamond (w2 = 0)');

  const t1 = Math.abs(lasso.coef[0]) + Math.abs(lasso.coef[1]);
  const diamond = [
    [t1, 0],
    [0, t1],
    [-t1, 0],
    [0, -t1],
    [t1, 0],
  ].map(([w1, w2], order) => ({ w1: round(w1), w2: round(w2), order }));
  const r2 = Math.hypot(ridge.coef[0], ridge.coef[1]);
  const circle = Array.from({ length: 121 }, (_, k) => ({
    w1: round(r2 * Math.cos((2 * Math.PI * k) / 120)),
    w2: round(r2 * Math.sin((2 * Math.PI * k) / 120)),
    order: k,
  }));

  const contours = (solution: number[]) => {
    const touching = excess(solution);
    const levels = [0.25, 0.5, 1, 1.5, 2.5, 4].map((f) => f * touching);
    return [
      ...levels.flatMap((c, k) => ellipse(c, `level ${k}`, 'contour')),
      ...ellipse(touching, 'touching', 'touching'),
    ];
  };

  const panel = (title: string, subtitle: string, setName: string, set: object[], labelAt: number, trace: Trace[], solution: number[], color: string, labelSide: 'left' | 'right') => ({
    title: { text: title, subtitle },
    width: 300,
    height: 300,
    encoding: {
      x: { field: 'w1', type: 'quantitative', scale: { domain: domain.w1, nice: false }, axis: { title: 'w₁', tickCount: 5 } },
      y: { field: 'w2', type: 'quantitative', scale: { domain: domain.w2, nice: false }, axis: { title: 'w₂', tickCount: 5 } },
    },
    layer: [
      {
        data: { values: [{ w1: 0 }] },
        mark: { type: 'rule', color: '#bbb', strokeWidth: 0.8 },
        encoding: { x: { field: 'w1', type: 'quantitative' }, y: null },
      },
      {
        data: { values: [{ w2: 0 }] },
        mark: { type: 'rule', color: '#bbb', strokeWidth: 0.8 },
        encoding: { y: { field: 'w2', type: 'quantitative' }, x: null },
      },
      {
        data: { values: contours(solution) },
        mark: { type: 'line', clip: true, strokeWidth: 1 },
        encoding: {
          detail: { field: 'piece' },
          order: { field: 'order', type: 'quantitative' },
          color: { value: '#9aa' },
          strokeDash: { condition: { test: "datum.kind === 'touching'", value: [1, 0] }, value: [3, 3] },
          strokeWidth: { condition: { test: "datum.kind === 'touching'", value: 1.6 }, value: 1 },
        },
      },
      {
        data: { values: set },
        mark: { type: 'line', clip: true, strokeWidth: 2.2, color },
        encoding: { order: { field: 'order', type: 'quantitative' } },
      },
      {
        // the set's name, just outside its lower-left edge
        data: { values: [{ w1: round(-labelAt), w2: round(-labelAt), label: setName }] },
        mark: { type: 'text', color, align: 'right', dx: -4, dy: 10, fontSize: 11, fontStyle: 'italic' },
        encoding: { text: { field: 'label' } },
      },
      {
        data: { values: trace },
        mark: { type: 'line', color: '#222', strokeWidth: 1.2, point: { filled: true, size: 18, color: '#222' } },
        encoding: { order: { field: 'iteration', type: 'quantitative' } },
      },
      {
        data: { values: [{ w1: round(ols[0]), w2: round(ols[1]), label: 'least squares' }] },
        layer: [
          { mark: { type: 'point', shape: 'cross', filled: true, size: 80, color: '#555' } },
          { mark: { type: 'text', align: 'right', dx: -7, dy: -8, fontSize: 11, color: '#333' }, encoding: { text: { field: 'label' } } },
        ],
      },
      {
        data: { values: [{ w1: round(solution[0]), w2: round(solution[1]), label: `solution (${solution[0].toFixed(2)}, ${solution[1] === 0 ? '0 exactly' : solution[1].toFixed(2)})` }] },
        layer: [
          { mark: { type: 'point', filled: true, size: 90, color, stroke: 'white', strokeWidth: 1 } },
          { mark: { type: 'text', align: labelSide, dx: labelSide === 'left' ? 8 : -8, dy: labelSide === 'left' ? 14 : -10, fontSize: 11, fontWeight: 'bold', color }, encoding: { text: { field: 'label' } } },
        ],
      },
    ],
  });

  await render('geometry.svg', {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config,
    title: {
      text: 'Why L1 gives exact zeros: the loss meets the constraint set',
      subtitle: [
        'Grey: contours of the squared loss around least squares; the solid one touches the constraint set at the solution.',
        'Black: the coordinate-descent iterates from w = 0, recorded with fit(X, y, { onIteration }). Same 2-feature data (n = 60) in both panels.',
      ],
    },
    hconcat: [
      panel(`Lasso (alpha = ${lassoAlpha})`, 'The L1 ball is a diamond: the contour first touches a corner, where w₂ = 0', '|w₁| + |w₂| ≤ t', diamond, t1 / 2, lasso.trace, lasso.coef, '#d62728', 'left'),
      panel(`Ridge (alpha = ${ridgeAlpha})`, 'The L2 ball is round: the contact point is generic, both weights ≠ 0', 'w₁² + w₂² ≤ r²', circle, r2 / Math.SQRT2, ridge.trace, ridge.coef, '#1f77b4', 'right'),
    ],
    spacing: 40,
  } as vl.TopLevelSpec);
}

function normalize(v: number[]): number[] {
  const s = Math.hypot(v[0], v[1]);
  return [v[0] / s, v[1] / s];
}

// ---------------------------------------------------------------------------------
// (c) coefficient histograms, L1 vs L2, on a wide problem
// ---------------------------------------------------------------------------------
async function histograms(): Promise<void> {
  const normal = normalSource(2024);
  const nTrain = 100;
  const nValid = 100;
  const p = 300;
  const trueCoef = new Array(p).fill(0);
  for (let j = 0; j < 12; j++) trueCoef[j * 25] = (j % 2 === 0 ? 1 : -1) * (1 + (j % 4) * 0.5);
  const draw = (rows: number) => {
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < rows; i++) {
      const row = Array.from({ length: p }, () => normal());
      X.push(row);
      y.push(row.reduce((s, v, j) => s + v * trueCoef[j], 0) + normal());
    }
    return { X, y };
  };
  const train = draw(nTrain);
  const valid = draw(nValid);

  // tune each alpha on the held-out rows, over a geometric grid (warm starts for the Lasso)
  const yMean = train.y.reduce((s, v) => s + v, 0) / nTrain;
  const alphaMax = Math.max(
    ...trueCoef.map((_, j) => Math.abs(train.X.reduce((s, row, i) => s + row[j] * (train.y[i] - yMean), 0)) / nTrain),
  );
  let lasso = new Lasso({ alpha: alphaMax, warmStart: true, tol: 1e-8, maxIter: 100_000 }).fit(train.X, train.y);
  let bestLasso = { r2: -Infinity, model: lasso, alpha: alphaMax };
  for (const alpha of geometric(alphaMax, alphaMax / 1e3, 40)) {
    lasso = nextOnPath(lasso, alpha).fit(train.X, train.y);
    const r2 = lasso.score(valid.X, valid.y);
    if (r2 > bestLasso.r2) bestLasso = { r2, model: lasso, alpha };
  }
  let bestRidge = { r2: -Infinity, model: new Ridge(), alpha: 0 };
  for (const alpha of geometric(1e4, 1e-2, 40)) {
    const ridge = new Ridge({ alpha }).fit(train.X, train.y);
    const r2 = ridge.score(valid.X, valid.y);
    if (r2 > bestRidge.r2) bestRidge = { r2, model: ridge, alpha };
  }
  const lassoZeros = bestLasso.model.coef.filter((c) => c === 0).length;
  const ridgeZeros = bestRidge.model.coef.filter((c) => c === 0).length;
  console.log(
    `  wide problem n=${nTrain}, p=${p}: Lasso alpha=${bestLasso.alpha.toPrecision(3)} held-out R² ${bestLasso.r2.toFixed(3)}, ${lassoZeros} zeros; ` +
      `Ridge alpha=${bestRidge.alpha.toPrecision(3)} held-out R² ${bestRidge.r2.toFixed(3)}, ${ridgeZeros} zeros`,
  );

  const label = (name: string, alpha: number, r2: number, zeros: number) =>
    `${name} (alpha = ${Number(alpha.toPrecision(2))}, held-out R² = ${r2.toFixed(2)}): ${zeros} of ${p} coefficients exactly 0`;
  const lassoLabel = label('Lasso', bestLasso.alpha, bestLasso.r2, lassoZeros);
  const ridgeLabel = label('Ridge', bestRidge.alpha, bestRidge.r2, ridgeZeros);
  const values = [
    ...Array.from(bestLasso.model.coef, (c) => ({ model: lassoLabel, coef: round(c), kind: c === 0 ? 'exactly 0' : 'nonzero' })),
    ...Array.from(bestRidge.model.coef, (c) => ({ model: ridgeLabel, coef: round(c), kind: c === 0 ? 'exactly 0' : 'nonzero' })),
  ];
  const step = 0.1;
  await render('coefficient-histograms.svg', {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { ...config, header: { labelFontSize: 12, labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelAlign: 'left', labelFontWeight: 'bold', labelPadding: 6 } },
    title: {
      text: `Coefficients of a Lasso and a Ridge on a wide problem (${nTrain} samples, ${p} features, 12 truly nonzero)`,
      subtitle: `Each alpha chosen on ${nValid} held-out samples. Bars of width ${step}, centred on 0; the orange part counts coefficients that are exactly 0.`,
    },
    data: { values },
    facet: { row: { field: 'model', type: 'nominal', sort: [lassoLabel, ridgeLabel], title: null } },
    spec: {
      width: 620,
      height: 180,
      mark: { type: 'bar', binSpacing: 1 },
      encoding: {
        x: {
          field: 'coef',
          type: 'quantitative',
          bin: { step, anchor: step / 2 },
          axis: { title: 'coefficient value', values: [-2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5], format: '~g' },
        },
        y: { aggregate: 'count', type: 'quantitative', axis: { title: 'number of coefficients' } },
        color: {
          field: 'kind',
          type: 'nominal',
          scale: { domain: ['exactly 0', 'nonzero'], range: ['#ff7f0e', '#4c78a8'] },
          legend: { title: null, orient: 'right' },
        },
        order: { field: 'kind', sort: 'descending' },
      },
    },
    resolve: { scale: { y: 'independent' } },
  } as vl.TopLevelSpec);
}

await coefficientPaths();
await geometry();
await histograms();
