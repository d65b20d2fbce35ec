import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobManager } from '../../../src/core/jobs/job-manager';
import { openRegistry } from '../../../src/core/registry/db';
import { jobs } from '../../../src/core/registry/schema';
import type { ImportReport, JobEvent } from '../../../src/shared/types';
import { tempDir } from '../../helpers/genomes';

const report = {
  dataset: null,
  duplicateOf: null,
  files: [],
  records: { total: 0, valid: 0, invalid: 0 },
  errors: [],
  errorCount: 0,
  metadata: null,
} satisfies ImportReport;

function setup(): { manager: JobManager; events: JobEvent[]; dataDir: string } {
  const dataDir = join(tempDir(), 'data');
  const manager = new JobManager(openRegistry(dataDir));
  const events: JobEvent[] = [];
  manager.onEvent((event) => events.push(event));
  return { manager, events, dataDir };
}

describe('JobManager', () => {
  it('reports progress with a rate and an ETA, and the result at the end', async () => {
    const { manager, events } = setup();
    const job = manager.start('import', 'test', {}, async (ctx) => {
      await new Promise((r) => setTimeout(r, 600));
      ctx.report({
        unit: 'bytes',
        done: 50,
        total: 100,
        records: 10,
        message: 'Reading',
        files: [],
      });
      return report;
    });
    const done = await manager.wait(job.id);
    expect(done.status).toBe('done');
    expect(done.result).toEqual(report);
    const progress = events.map((e) => e.job).find((j) => j.progress.done === 50)!.progress;
    expect(progress.recordsPerSecond).toBeGreaterThan(0);
    expect(progress.etaSeconds).toBeGreaterThan(0);
    expect(events.at(-1)!.job.status).toBe('done');
  });

  it('cancels a running job and records it', async () => {
    const { manager } = setup();
    const job = manager.start(
      'import',
      'slow',
      {},
      (ctx) =>
        new Promise((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
        ),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(manager.cancel(job.id)).toBe(true);
    expect((await manager.wait(job.id)).status).toBe('cancelled');
    expect(manager.cancel(job.id)).toBe(false);
  });

  it('runs jobs of one kind one after another', async () => {
    const { manager } = setup();
    const order: string[] = [];
    const run = (name: string) => async () => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 30));
      order.push(`end ${name}`);
      return report;
    };
    const a = manager.start('import', 'a', {}, run('a'));
    const b = manager.start('import', 'b', {}, run('b'));
    expect(manager.get(b.id).status).toBe('queued');
    await Promise.all([manager.wait(a.id), manager.wait(b.id)]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('fails a job with the error message and marks jobs interrupted by a crash as failed', async () => {
    const { manager, dataDir } = setup();
    const job = manager.start('import', 'bad', {}, async () => {
      throw new Error('x.fa: not sequence data');
    });
    expect(await manager.wait(job.id)).toMatchObject({
      status: 'failed',
      error: 'x.fa: not sequence data',
    });

    const db = openRegistry(dataDir);
    db.insert(jobs)
      .values({
        id: 'ghost',
        kind: 'import',
        label: 'ghost',
        status: 'running',
        input: {},
        createdAt: '2026-01-01',
      })
      .run();
    const restarted = new JobManager(db);
    expect(restarted.get('ghost')).toMatchObject({ status: 'failed' });
    expect(restarted.get('ghost').error).toMatch(/Interrupted/);
  });
});
