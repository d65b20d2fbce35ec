/**
 * A job killed just after its data commits reports, on reopen, what it saved: the status
 * comes from the registry (written in the data's own transaction), not from the dead process.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { JobManager } from '../../../src/core/jobs/job-manager';
import { recordJobDone } from '../../../src/core/jobs/job-outcome';
import { openRegistry } from '../../../src/core/registry/db';
import type { ImportReport, JobSnapshot } from '../../../src/shared/types';
import { tempDir } from '../../helpers/genomes';

const run = promisify(execFile);
const DIE = resolve(import.meta.dirname, 'die-after-commit.ts');
const FLU = resolve(import.meta.dirname, '../../../resources/examples/flu-h3n2-ha/sequences.fasta');

/** Runs a job in a process that is SIGKILLed after the data commit; returns the job id. */
async function killedAfterCommit(dataDir: string, ...args: string[]): Promise<string> {
  const error = await run(process.execPath, ['--import', 'tsx', DIE, dataDir, ...args]).then(
    () => null,
    (e: { signal?: string; stdout: string }) => e,
  );
  expect(error?.signal).toBe('SIGKILL');
  return error!.stdout.trim();
}

/** The job as a new process sees it: the registry reopened, its jobs reconciled. */
function reopened(dataDir: string, jobId: string): JobSnapshot {
  const db = openRegistry(dataDir);
  try {
    return new JobManager(db).get(jobId);
  } finally {
    db.$client.close();
  }
}

describe('a job killed after its commit', () => {
  it('import, analysis and clustering each report what they saved on reopen', async () => {
    const dataDir = join(tempDir(), 'data');
    const importJob = reopened(dataDir, await killedAfterCommit(dataDir, 'import', FLU));
    expect(importJob).toMatchObject({ kind: 'import', status: 'done', error: null });
    const datasetId = (importJob.result as ImportReport).dataset!.id;
    expect((importJob.result as ImportReport).dataset).toMatchObject({ sequenceCount: 48 });

    const analysisJob = reopened(
      dataDir,
      await killedAfterCommit(dataDir, 'analysis', `${datasetId}`),
    );
    expect(analysisJob).toMatchObject({
      kind: 'analysis',
      status: 'done',
      result: { analysis: { datasetId, alignedCount: 48 }, reused: false },
    });

    const clusterJob = reopened(
      dataDir,
      await killedAfterCommit(dataDir, 'cluster', `${datasetId}`),
    );
    expect(clusterJob).toMatchObject({
      kind: 'cluster',
      status: 'done',
      result: { clustering: { datasetId, sequenceCount: 48, clusterCount: 3 } },
    });
  }, 120_000);
});

describe('JobManager and recorded outcomes', () => {
  it('a job that fails after committing its data says done, with what it saved', async () => {
    const db = openRegistry(join(tempDir(), 'data'));
    const manager = new JobManager(db);
    const saved = {
      dataset: null,
      duplicateOf: null,
      files: [],
      records: { total: 3, valid: 3, invalid: 0 },
      errors: [],
      errorCount: 0,
      metadata: null,
    } satisfies ImportReport;
    const job = manager.start('import', 'commits, then fails', {}, async (ctx) => {
      db.$client.transaction(() => recordJobDone(db.$client, ctx.jobId, saved))();
      throw new Error('the worker crashed while closing its pool');
    });
    expect(await manager.wait(job.id)).toMatchObject({
      status: 'done',
      result: saved,
      error: null,
    });
    expect(new JobManager(db).get(job.id)).toMatchObject({ status: 'done', result: saved });
  });

  it('refuses to record an outcome outside a transaction', () => {
    const db = openRegistry(join(tempDir(), 'data'));
    expect(() => recordJobDone(db.$client, 'some-job', {} as ImportReport)).toThrow(
      /inside the data transaction/,
    );
  });
});
