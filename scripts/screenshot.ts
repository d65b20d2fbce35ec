/**
 * Regenerates docs/screenshot.png (Sequences), docs/variants.png (Variants, after
 * alignment and QC), docs/clusters.png (Clusters, a run with the default parameters) and
 * docs/classify.png (Classify, the production model's results with one sequence open):
 * the SARS-CoV-2 example in browser mode.
 * Run: npm run build:web && node --import tsx scripts/screenshot.ts
 */
import { resolve } from 'node:path';
import { openPage } from '../test/e2e/fixtures';
import { startApp } from '../test/e2e/harness';

const ROOT = resolve(import.meta.dirname, '..');
const app = await startApp();
try {
  const { jobId } = await app.core.call('importFiles', {
    files: [{ path: resolve(ROOT, 'resources/examples/sars-cov-2/sequences.fasta.gz') }],
    metadata: { path: resolve(ROOT, 'resources/examples/sars-cov-2/metadata.tsv') },
    name: 'SARS-CoV-2 example',
  });
  await app.core.jobs.wait(jobId);
  await app.page.reload();
  await openPage(app.page, 'Sequences');
  await app.page.waitForTimeout(1500);
  await app.page.screenshot({ path: resolve(ROOT, 'docs/screenshot.png') });
  const [dataset] = await app.core.call('listDatasets', {});
  const analysis = await app.core.call('analyzeDataset', { datasetId: dataset!.id });
  await app.core.jobs.wait(analysis.jobId!);
  await app.page.reload();
  await openPage(app.page, 'Variants');
  await app.page.waitForTimeout(2000);
  await app.page.screenshot({ path: resolve(ROOT, 'docs/variants.png') });
  const clustering = await app.core.call('clusterDataset', { datasetId: dataset!.id });
  await app.core.jobs.wait(clustering.jobId);
  // Tall enough for the form, the runs, the metrics and the plot in one picture.
  await app.page.setViewportSize({ width: 1440, height: 1560 });
  await app.page.reload();
  await openPage(app.page, 'Clusters');
  await app.page.getByRole('region', { name: 'Cluster summaries' }).waitFor();
  await app.page.locator('.cluster-plot .legend').waitFor();
  await app.page.waitForTimeout(2000);
  await app.page.screenshot({ path: resolve(ROOT, 'docs/clusters.png') });
  const run = await app.core.call('classifyDataset', { datasetId: dataset!.id });
  await app.core.jobs.wait(run.jobId);
  await app.page.setViewportSize({ width: 1440, height: 1500 });
  await app.page.reload();
  await openPage(app.page, 'Classify');
  await app.page.getByRole('region', { name: 'Classification summary' }).waitFor();
  await app.page
    .getByRole('table', { name: 'Predictions' })
    .getByRole('button', { name: 'XAK', exact: true })
    .click();
  await app.page.getByRole('list', { name: 'QC rules' }).waitFor();
  await app.page.waitForTimeout(1000);
  await app.page.screenshot({ path: resolve(ROOT, 'docs/classify.png') });
} finally {
  await app.close();
}
