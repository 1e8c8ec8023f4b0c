/**
 * Saving and loading a model: toJSON / JSON.stringify, then fromJSON. The JSON holds
 * the hyperparameters and the fitted coefficients (not the training data), and
 * fromJSON validates everything it reads.
 *
 *     npx tsx --tsconfig examples/tsconfig.json examples/save-load.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElasticNet, ModelJSONError, type ModelJSON } from 'penalized';
import { loadDiabetes } from 'penalized/datasets';

const { X, y } = loadDiabetes();
const model = new ElasticNet({ alpha: 0.01, l1Ratio: 0.5 }).fit(X, y);

// save: the model serializes itself (JSON.stringify calls toJSON)
const dir = mkdtempSync(join(tmpdir(), 'penalized-'));
const file = join(dir, 'model.json');
writeFileSync(file, JSON.stringify(model, null, 2));
console.log(`saved ${readFileSync(file, 'utf8').length} bytes to model.json`);

// load, in this process or another one (or in a browser, from fetch)
const json = JSON.parse(readFileSync(file, 'utf8')) as ModelJSON;
const loaded = ElasticNet.fromJSON(json);
console.log('estimator:', json.estimator, ' params:', JSON.stringify(loaded.params));

const same = Array.from(model.predict(X)).every((v, i) => v === loaded.predict(X)[i]);
console.log('identical predictions after the round trip:', same);

// a model of another class, or a damaged file, is refused with a clear message
try {
  ElasticNet.fromJSON({ ...json, estimator: 'Lasso' });
} catch (error) {
  if (error instanceof ModelJSONError) console.log(`refused (${error.code}): ${error.message}`);
}
rmSync(dir, { recursive: true });
