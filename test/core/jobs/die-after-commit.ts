// Test fixture: runs one job through the same code path as the core (the job's worker
// saves its data and records the job's outcome in one transaction), then dies by SIGKILL
// the moment the worker has replied: after COMMIT, before the job manager's final update.
// Usage: die-after-commit.ts <dataDir> import <file> | analysis <datasetId> | cluster <datasetId>
import { runAnalysisJob } from '../../../src/core/analysis/analysis-job';
import { runClusterJob } from '../../../src/core/cluster/cluster-job';
import { runImportJob } from '../../../src/core/sequences/import-job';
import { JobManager, type JobContext } from '../../../src/core/jobs/job-manager';
import { openRegistry } from '../../../src/core/registry/db';
import { pathogensDir } from '../../../src/core/resources';
import { parseInput } from '../../../src/core/variantdesk-core';

const [dataDir, kind, target] = process.argv.slice(2) as [string, string, string];
const jobs = new JobManager(openRegistry(dataDir));

function runJob(ctx: JobContext): Promise<unknown> {
  if (kind === 'import')
    return runImportJob(dataDir, parseInput('importFiles', { files: [{ path: target }] }), ctx);
  const datasetId = Number(target);
  if (kind === 'analysis') {
    const input = parseInput('analyzeDataset', { datasetId });
    return runAnalysisJob({ dataDir, pathogensDir: pathogensDir(), input }, ctx);
  }
  const { params } = parseInput('clusterDataset', {
    datasetId,
    params: { embed: 'pca', method: 'kmeans', k: 3 },
  });
  return runClusterJob({ dataDir, datasetId, params }, ctx);
}

const job = jobs.start(kind as 'import', `die after commit: ${kind}`, {}, async (ctx) => {
  await runJob(ctx);
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => undefined);
});
process.stdout.write(`${job.id}\n`);
