/**
 * Hostile X, y, labels and options: each gives a typed error whose message names the bad
 * row/column or option and says what is expected. Extends tests/errors.test.ts (which
 * covers NaN/±Infinity/null/undefined/boolean/string cells, ragged rows, a holey row
 * `[1, , 3]`, a deleted row, a hole in y, out-of-range hyperparameters); nothing here
 * repeats those.
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { DataError, ElasticNet, Lasso, Linear, LogisticL2, ParameterError, Ridge } from '../../src/index.js';
import { expectError } from './expect-error.js';

const X = [
  [1, 2],
  [2, 1],
  [3, 4],
  [4, 3],
  [5, 6],
  [6, 5],
];
const y = [1, 2, 3, 4, 5, 7];
const labels = ['a', 'b', 'a', 'b', 'b', 'a'];

type Model = { fit(X: unknown, y: unknown): Model; predict(X: unknown): unknown; coef: Float64Array; intercept: number };
const estimators: [string, (o?: object) => Model, unknown[]][] = [
  ['Linear', (o) => new Linear(o as never) as unknown as Model, y],
  ['Ridge', (o) => new Ridge(o as never) as unknown as Model, y],
  ['Lasso', (o) => new Lasso({ alpha: 0.1, ...o } as never) as unknown as Model, y],
  ['ElasticNet', (o) => new ElasticNet({ alpha: 0.1, ...o } as never) as unknown as Model, y],
  ['LogisticL2', (o) => new LogisticL2(o as never) as unknown as Model, labels],
];

describe.each(estimators)('%s: X that only pretends to be a matrix', (_name, make, target) => {
  it('an array-like object instead of X: names it and says Array.from', () => {
    const fake = { length: 6, 0: [1, 2], 1: [2, 1], 2: [3, 4], 3: [4, 3], 4: [5, 6], 5: [6, 5] };
    expectError(() => make().fit(fake, target), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'array-like', 'Array.from');
  });

  it('an array-like object as a row: names the row', () => {
    const rows: unknown[] = X.map((r) => r.slice());
    rows[2] = { length: 2, 0: 3, 1: 4 };
    expectError(() => make().fit(rows, target), DataError, 'INVALID_DATA', 'X[2] is an object with a length', 'not a row of numbers', 'Array.from');
  });

  it('a flat typed array, a DataView row, a string row, a Map', () => {
    expectError(() => make().fit(new Float64Array(12), target), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'a Float64Array');
    const dataView: unknown[] = X.map((r) => r.slice());
    dataView[1] = new DataView(new ArrayBuffer(16));
    expectError(() => make().fit(dataView, target), DataError, 'INVALID_DATA', 'X[1] is a DataView', 'not a row of numbers');
    const stringRow: unknown[] = X.map((r) => r.slice());
    stringRow[4] = '56';
    expectError(() => make().fit(stringRow, target), DataError, 'INVALID_DATA', 'X[4] is the string "56"');
    expectError(() => make().fit(new Map([[0, [1, 2]]]), target), DataError, 'INVALID_DATA', 'X must be a 2-D array', 'a Map');
  });

  it('an ml-matrix look-alike with nonsense dimensions', () => {
    const lookalike = (rows: unknown, columns: unknown) => ({ klass: 'Matrix', rows, columns, get: () => 1 });
    expectError(() => make().fit(lookalike(2.5, 2), target), DataError, 'INVALID_DATA', 'looks like an ml-matrix Matrix but has 2.5 rows and 2 columns', 'non-negative integers');
    expectError(() => make().fit(lookalike('6', 2), target), DataError, 'INVALID_DATA', 'has the string "6" rows');
    expectError(() => make().fit(lookalike(6, -1), target), DataError, 'INVALID_DATA', 'and -1 columns');
    expectError(() => make().fit(lookalike(NaN, 2), target), DataError, 'INVALID_DATA', 'has NaN rows');
    // a size no Float64Array can hold: a typed error, not a RangeError
    expectError(() => make().fit(lookalike(1e10, 1e10), target), DataError, 'INVALID_DATA', '10000000000 × 10000000000 values', 'more than one Float64Array can hold');
    // a get() that returns a string
    expectError(() => make().fit({ klass: 'Matrix', rows: 6, columns: 2, get: (i: number) => (i === 3 ? '4' : 1) }, target), DataError, 'INVALID_DATA', 'X[3][0] is the string "4"');
  });

  it('a real ml-matrix Matrix with an Infinity names the cell at predict too', () => {
    const model = make().fit(X, target);
    const m = new Matrix([[1, 2], [3, 4]]);
    m.set(1, 1, -Infinity);
    expectError(() => model.predict(m), DataError, 'INVALID_DATA', 'X[1][1] is -Infinity');
  });
});

describe.each(estimators)('%s: sparse and holey arrays', (_name, make, target) => {
  it('X made with new Array(n): the first missing row is named', () => {
    expectError(() => make().fit(new Array(6), target), DataError, 'INVALID_DATA', 'X[0] is missing', 'a hole in the array');
  });

  it('a row with a trailing hole (length extended): the missing cell is named', () => {
    const rows = X.map((r) => r.slice());
    rows[5].length = 2;
    delete (rows[5] as unknown[])[1];
    expectError(() => make().fit(rows, target), DataError, 'INVALID_DATA', 'X[5][1] is undefined (missing)');
  });

  it('a row with only holes of the right length', () => {
    const rows: unknown[] = X.map((r) => r.slice());
    rows[0] = new Array(2);
    expectError(() => make().fit(rows, target), DataError, 'INVALID_DATA', 'X[0][0] is undefined (missing)');
  });

  it('a holey array at predict names the row or cell', () => {
    const model = make().fit(X, target);
    // eslint-disable-next-line no-sparse-arrays
    expectError(() => model.predict([[1, 2], , [3, 4]]), DataError, 'INVALID_DATA', 'X[1] is missing');
    // eslint-disable-next-line no-sparse-arrays
    expectError(() => model.predict([[1, , 3].slice(0, 2)]), DataError, 'INVALID_DATA', 'X[0][1] is undefined (missing)');
  });

  it('y (or the labels) made with new Array(n) and one entry set', () => {
    const sparse = new Array(6);
    sparse[3] = target[3];
    expectError(() => make().fit(X, sparse), DataError, 'INVALID_DATA', 'y[0] is missing');
  });
});

describe.each(estimators)('%s: BigInt, boolean and numeric-string cells', (_name, make, target) => {
  it('a BigInt cell, a BigInt64Array row', () => {
    const withBig: unknown[][] = X.map((r) => r.slice());
    withBig[1][0] = 2n;
    expectError(() => make().fit(withBig, target), DataError, 'INVALID_DATA', 'X[1][0] is the bigint 2n', 'finite number');
    const bigRow: unknown[] = X.map((r) => r.slice());
    bigRow[4] = new BigInt64Array([5n, 6n]);
    expectError(() => make().fit(bigRow, target), DataError, 'INVALID_DATA', 'X[4][0] is the bigint 5n');
  });

  it('a Boolean object and a Number object are not numbers', () => {
    const boxed: unknown[][] = X.map((r) => r.slice());
    boxed[2][1] = new Number(4);
    expectError(() => make().fit(boxed, target), DataError, 'INVALID_DATA', 'X[2][1] is a Number');
    boxed[2][1] = new Boolean(true);
    expectError(() => make().fit(boxed, target), DataError, 'INVALID_DATA', 'X[2][1] is a Boolean');
  });

  it.each(['', ' 3 ', '1e3', 'NaN', '0x10', '٣'])('the numeric-looking string %j names the cell and suggests Number()', (text) => {
    const withText: unknown[][] = X.map((r) => r.slice());
    withText[3][1] = text;
    expectError(() => make().fit(withText, target), DataError, 'INVALID_DATA', 'X[3][1] is the string', 'Number()');
  });

  it('a symbol cell', () => {
    const withSymbol: unknown[][] = X.map((r) => r.slice());
    withSymbol[0][0] = Symbol('x');
    expectError(() => make().fit(withSymbol, target), DataError, 'INVALID_DATA', 'X[0][0] is a symbol');
  });
});

describe('nested typed arrays', () => {
  it('typed rows of different lengths: ragged, naming the first row that differs and both lengths', () => {
    const rows = [new Float64Array([1, 2]), new Float64Array([2, 1]), new Float32Array([3]), new Float64Array([4, 3])];
    expectError(() => new Lasso().fit(rows, [1, 2, 3, 4]), DataError, 'INVALID_DATA', 'ragged', 'row 0 has 2', 'row 2 has 1');
  });

  it('a mix of typed and plain rows of equal length is accepted and gives the plain-array model', () => {
    // values exactly representable in every type used
    const mixed = [new Float64Array([1, 2]), [2, 1], new Float32Array([3, 4]), new Int8Array([4, 3]), new Uint8Array([5, 6]), new Int32Array([6, 5])];
    for (const make of [() => new Linear(), () => new Lasso({ alpha: 0.1 }), () => new Ridge()]) {
      const a = make().fit(mixed, y);
      const b = make().fit(X, y);
      expect(Array.from(a.coef)).toStrictEqual(Array.from(b.coef));
      expect(a.intercept).toBe(b.intercept);
    }
  });

  it('a typed row holding NaN (Float32Array) names the cell', () => {
    const rows = X.map((r) => Float32Array.from(r));
    rows[2][1] = NaN;
    expectError(() => new Ridge().fit(rows, y), DataError, 'INVALID_DATA', 'X[2][1] is NaN');
  });
});

describe('regression targets', () => {
  it.each([
    ['a BigInt', 3n, 'y[2] is the bigint 3n'],
    ['a numeric string', '3', 'y[2] is the string "3"'],
    ['a Number object', new Number(3), 'y[2] is a Number'],
    ['an array', [3], 'y[2] is an array of length 1'],
    ['a symbol', Symbol('3'), 'y[2] is a symbol'],
  ] as const)('%s in y names the entry', (_what, value, part) => {
    const target: unknown[] = y.slice();
    target[2] = value;
    expectError(() => new Linear().fit(X, target), DataError, 'INVALID_DATA', part, 'finite number');
  });

  it('y as a BigInt64Array, an array-like, a Set', () => {
    expectError(() => new Ridge().fit(X, new BigInt64Array([1n, 2n, 3n, 4n, 5n, 7n])), DataError, 'INVALID_DATA', 'y[0] is the bigint 1n');
    expectError(() => new Ridge().fit(X, { length: 6, 0: 1 }), DataError, 'INVALID_DATA', 'y must be a 1-D array', 'array-like', 'Array.from');
    expectError(() => new Ridge().fit(X, new Set(y)), DataError, 'INVALID_DATA', 'y must be a 1-D array', 'a Set');
  });

  it('a column whose sum of squares underflows (entries below ~1e-154) is named too', () => {
    // shrunk by fast-check (tests/properties/determinism.test.ts): Linear on [[0, -1e-300]]
    // returned NaN coefficients with converged = true, and [[1e-160, 2e-160]] a silent 0;
    // a Lasso with one column at 1e-155 returned NaN. Refused at the boundary now.
    expectError(() => new Linear({ fitIntercept: false }).fit([[0, -1e-300]], [-0]), DataError, 'INVALID_DATA', 'column 1 of X is too small', 'underflows', 'X[0][1] is -1e-300');
    expectError(() => new Linear({ fitIntercept: false }).fit([[1e-160, 2e-160]], [1]), DataError, 'INVALID_DATA', 'column 0 of X is too small');
    const tiny = X.map((r, i) => [r[0], r[1] * 1e-156 * (i + 1)]);
    expectError(() => new Lasso({ alpha: 0.1 }).fit(tiny, y), DataError, 'INVALID_DATA', 'column 1 of X is too small', 'rescale that column to entries between 1e-150 and 1e150');
    // exactly constant (even tiny) and all-zero columns are fine: they center to exact zeros
    expect(() => new Linear().fit(X.map((r) => [r[0], 1e-300]), y)).not.toThrow();
    expect(() => new Linear({ fitIntercept: false }).fit(X.map((r) => [r[0], 0]), y)).not.toThrow();
    // and data at 1e-150 is still accepted (tests/extremes/scaling.test.ts fits it)
    expect(() => new Linear().fit(X.map((r) => r.map((v) => v * 1e-150)), y)).not.toThrow();
  });

  it('a column whose sum of squares overflows is named, with the largest entry and what to do', () => {
    const big = X.map((r, i) => [r[0], i === 4 ? 3e160 : r[1]]);
    expectError(() => new Linear().fit(big, y), DataError, 'INVALID_DATA', 'column 1 of X is too large', 'sum of squares overflows', 'X[4][1] is 3e+160', 'rescale that column');
  });
});

describe('labels that are not numbers or strings', () => {
  it.each([
    ['an object', { a: 1 }, 'y[1] is an object'],
    ['an array', ['b'], 'y[1] is an array of length 1'],
    ['a symbol', Symbol('b'), 'y[1] is a symbol'],
    ['a Date', new Date(0), 'y[1] is a Date'],
    ['a function', () => 'b', 'y[1] is a function'],
    ['a BigInt', 1n, 'y[1] is the bigint 1n'],
    ['a boolean', false, 'y[1] is the boolean false'],
    ['null', null, 'y[1] is null'],
    ['NaN', NaN, 'y[1] is NaN'],
  ] as const)('%s names the label and says what labels may be', (_what, value, part) => {
    const target: unknown[] = labels.slice();
    target[1] = value;
    expectError(() => new LogisticL2().fit(X, target), DataError, 'INVALID_LABELS', 'LogisticL2', part, 'finite numbers or strings');
  });

  it('objects as every label are rejected at the first one', () => {
    const objects = labels.map((l) => ({ label: l }));
    expectError(() => new LogisticL2().fit(X, objects), DataError, 'INVALID_LABELS', 'y[0] is an object');
  });

  it('0 and −0 are one class', () => {
    expectError(() => new LogisticL2().fit(X, [0, -0, 0, -0, 0, -0]), DataError, 'INVALID_LABELS', 'only one class');
  });
});

describe('options of the wrong type', () => {
  const iterative: [string, (o: object) => unknown][] = [
    ['Lasso', (o) => new Lasso(o as never)],
    ['Ridge', (o) => new Ridge(o as never)],
    ['ElasticNet', (o) => new ElasticNet(o as never)],
    ['LogisticL2', (o) => new LogisticL2(o as never)],
  ];

  it.each(iterative)('%s maxIter: string, BigInt, boolean, null, boxed, non-finite, beyond 2^53', (name, make) => {
    const cases: [unknown, string][] = [
      ['100', 'the string "100"'],
      [100n, 'the bigint 100n'],
      [true, 'the boolean true'],
      [null, 'null'],
      [new Number(100), 'a Number'],
      [Infinity, 'Infinity'],
      [NaN, 'NaN'],
      [2 ** 53, '9007199254740992'],
      [1e300, '1e+300'],
      [[100], 'an array of length 1'],
    ];
    for (const [value, received] of cases) {
      expectError(() => make({ maxIter: value }), ParameterError, 'INVALID_PARAMETER', `${name}: option 'maxIter' must be an integer ≥ 1`, `received ${received}`);
    }
    // the largest allowed value is accepted
    expect(() => make({ maxIter: Number.MAX_SAFE_INTEGER })).not.toThrow();
  });

  it.each(iterative)('%s tol: string, BigInt, boolean, null, object, NaN, Infinity', (name, make) => {
    const cases: [unknown, string][] = [
      ['1e-4', 'the string "1e-4"'],
      [1n, 'the bigint 1n'],
      [false, 'the boolean false'],
      [null, 'null'],
      [{ value: 1e-4 }, 'an object'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
    ];
    for (const [value, received] of cases) {
      expectError(() => make({ tol: value }), ParameterError, 'INVALID_PARAMETER', `${name}: option 'tol' must be a finite number ≥ 0`, `received ${received}`);
    }
  });

  it('options that are not a plain object: a Map, a class instance, an object with inherited options', () => {
    class Options {
      alpha = 0.5;
    }
    expectError(() => new Lasso(new Map([['alpha', 5]]) as never), ParameterError, 'INVALID_PARAMETER', 'Lasso: options must be a plain object', 'received a Map');
    expectError(() => new Ridge(new Options() as never), ParameterError, 'INVALID_PARAMETER', 'Ridge: options must be a plain object', '{ ...options }');
    // the inherited alpha would otherwise be ignored silently, giving alpha = 1
    expectError(() => new Lasso(Object.create({ alpha: 5 })), ParameterError, 'INVALID_PARAMETER', 'plain object');
    // a null-prototype object is a plain object
    const bare = Object.assign(Object.create(null), { alpha: 0.5 });
    expect(new Lasso(bare).params.alpha).toBe(0.5);
    // and so is an object literal from another realm (its prototype is that realm's Object.prototype)
    const foreign = Object.setPrototypeOf({ alpha: 0.25 }, Object.create(null));
    expect(new Lasso(foreign).params.alpha).toBe(0.25);
  });

  it('an own __proto__ key (as JSON.parse makes it) is an unknown option, and pollutes nothing', () => {
    const options = JSON.parse('{"__proto__": {"alpha": 5, "polluted": true}, "alpha": 0.5}');
    expectError(() => new Lasso(options), ParameterError, 'UNKNOWN_OPTION', "unknown option '__proto__'");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('alpha as BigInt, C as a string, l1Ratio as a boolean, solver as a number', () => {
    expectError(() => new Lasso({ alpha: 1n } as never), ParameterError, 'INVALID_PARAMETER', "option 'alpha'", 'received the bigint 1n');
    expectError(() => new LogisticL2({ C: '1' } as never), ParameterError, 'INVALID_PARAMETER', "option 'C'", 'received the string "1"');
    expectError(() => new ElasticNet({ l1Ratio: true } as never), ParameterError, 'INVALID_PARAMETER', "option 'l1Ratio'", 'received the boolean true');
    expectError(() => new Ridge({ solver: 0 } as never), ParameterError, 'INVALID_PARAMETER', "option 'solver'", "'auto'", 'received 0');
  });
});

describe('the copy into the engine layout reads eight rows at a time', () => {
  // toDesign validates while it copies, eight rows per block and a row at a time for the
  // last n mod 8; whichever path a cell goes through, the error must name that cell.
  const grid = (n: number, p: number) => Array.from({ length: n }, (_, i) => Array.from({ length: p }, (_, j) => 1 + i + 0.5 * j * j + (i * j) % 3));

  it('a single bad cell is named wherever it sits, in a block or in the tail, for every input form', () => {
    for (const n of [8, 9, 15, 17]) {
      const p = 3;
      const target = Array.from({ length: n }, (_, i) => i % 4);
      for (const [bad, described] of [[NaN, 'is NaN'], [-Infinity, 'is -Infinity'], ['7', 'is the string "7"'], [null, 'is null']] as const) {
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < p; j++) {
            const rows: unknown[][] = grid(n, p);
            rows[i][j] = bad;
            expectError(() => new Lasso({ alpha: 0.1 }).fit(rows, target), DataError, 'INVALID_DATA', `X[${i}][${j}] ${described}`);
            const matrix = { klass: 'Matrix', rows: n, columns: p, get: (r: number, c: number) => rows[r][c] };
            expectError(() => new Ridge().fit(matrix, target), DataError, 'INVALID_DATA', `X[${i}][${j}] ${described}`);
          }
        }
      }
    }
  });

  it('with two bad cells in one block, the first in row order is named (not the first column reached)', () => {
    const rows: unknown[][] = grid(16, 4);
    rows[10][0] = NaN; // column 0 is reached first in the block of rows 8–15
    rows[9][3] = 'x'; // but row 9 comes first
    expectError(() => new Lasso({ alpha: 0.1 }).fit(rows, new Array(16).fill(0).map((_, i) => i)), DataError, 'INVALID_DATA', 'X[9][3] is the string "x"');
  });

  it('eight finite entries whose block sum overflows are not mistaken for a bad cell', () => {
    // 1e308 · 8 overflows the partial sum the copy checks; the cells are all finite, so
    // the error is the column's scale, naming its largest entry
    const rows = grid(8, 2).map((r) => [1e308, r[1]]);
    rows[5][0] = 1.5e308;
    expectError(() => new Linear().fit(rows, [1, 2, 3, 4, 5, 6, 7, 8]), DataError, 'INVALID_DATA', 'column 0 of X is too large', 'X[5][0] is 1.5e+308');
  });
});
