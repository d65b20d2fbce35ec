/**
 * Child process of bundle-store.test.ts, run under `ulimit -f` so that copying a bundle into
 * the data directory fails part-way (EFBIG): imports the bundle and prints the outcome.
 * Usage: node --import tsx import-with-file-limit.ts <data-dir> <bundle.zip>
 */
import { VariantDeskCore } from '../../../src/core/variantdesk-core';

const [dataDir, bundle] = process.argv.slice(2) as [string, string];
const core = new VariantDeskCore(dataDir, []);
try {
  const { model } = await core.call('importModel', { file: { path: bundle } });
  process.stdout.write(`registered ${model.name}@${model.version}\n`);
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
} finally {
  await core.close();
}
