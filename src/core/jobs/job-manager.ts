/**
 * Long work as jobs: progress events, cancellation, and a record in the registry. A job
 * is persisted when it starts and when it ends; progress lives in memory only. A job that
 * saves data marks itself done in the same transaction (`recordJobDone`), so the registry,
 * not the process, says whether it saved.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { ErrorKind } from '../../shared/contract';
import type { JobEvent, JobKind, JobProgress, JobResult, JobSnapshot } from '../../shared/types';
import { errorKind, NotFoundError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { jobs } from '../registry/schema';
import { emptyProgress, withRates } from './progress';

export interface JobContext {
  /** The job's id in the registry, for `recordJobDone` in its data transaction. */
  jobId: string;
  signal: AbortSignal;
  report(progress: Omit<JobProgress, 'recordsPerSecond' | 'etaSeconds'>): void;
}

/** The result type of a job of kind K. */
export type JobResultOf<K extends JobKind> = NonNullable<
  Extract<JobSnapshot, { kind: K }>['result']
>;

export type JobRunner<K extends JobKind = JobKind> = (ctx: JobContext) => Promise<JobResultOf<K>>;

const EVENT_INTERVAL_MS = 100;

interface LiveJob {
  snapshot: JobSnapshot;
  controller: AbortController;
  startedAt: number;
  lastEmit: number;
  finished: Promise<JobSnapshot>;
}

export class JobManager {
  private readonly live = new Map<string, LiveJob>();
  private readonly listeners = new Set<(event: JobEvent) => void>();
  /** Jobs of one kind run one after another (an import holds the registry's write lock). */
  private readonly queues = new Map<JobKind, Promise<unknown>>();

  constructor(private readonly db: RegistryDb) {
    // A job that saved its data said 'done' in that transaction: one still queued or
    // running when its process died saved nothing.
    db.update(jobs)
      .set({
        status: 'failed',
        error: 'Interrupted: VariantDesk stopped while this job ran; nothing was saved.',
        finishedAt: new Date().toISOString(),
      })
      .where(inArray(jobs.status, ['queued', 'running']))
      .run();
  }

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start<K extends JobKind>(kind: K, label: string, input: unknown, run: JobRunner<K>): JobSnapshot {
    const id = randomUUID();
    const snapshot = {
      id,
      kind,
      label,
      status: 'queued',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      progress: emptyProgress('Queued'),
      result: null,
      error: null,
    } as unknown as JobSnapshot;
    this.db
      .insert(jobs)
      .values({ id, kind, label, status: 'queued', input, createdAt: snapshot.createdAt })
      .run();
    const controller = new AbortController();
    const job: LiveJob = {
      snapshot,
      controller,
      startedAt: Date.now(),
      lastEmit: 0,
      finished: Promise.resolve(snapshot),
    };
    this.live.set(id, job);
    const previous = this.queues.get(kind) ?? Promise.resolve();
    job.finished = previous.then(() => this.execute(job, run as unknown as JobRunner));
    this.queues.set(kind, job.finished);
    this.emit(job);
    return { ...snapshot };
  }

  get(id: string): JobSnapshot {
    const job = this.live.get(id);
    if (job) return { ...job.snapshot };
    const row = this.db.select().from(jobs).where(eq(jobs.id, id)).get();
    if (!row) throw new NotFoundError(`no job ${id}`);
    return {
      id: row.id,
      kind: row.kind,
      label: row.label,
      status: row.status as JobSnapshot['status'],
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
      progress: emptyProgress(row.status),
      result: row.result ?? null,
      error: row.error,
    } as JobSnapshot;
  }

  list(): JobSnapshot[] {
    return [...this.live.values()].map((job) => ({ ...job.snapshot }));
  }

  /** Resolves when the job has ended, whatever the outcome. */
  wait(id: string): Promise<JobSnapshot> {
    const job = this.live.get(id);
    return job ? job.finished : Promise.resolve(this.get(id));
  }

  cancel(id: string): boolean {
    const job = this.live.get(id);
    if (!job || job.snapshot.finishedAt) return false;
    job.controller.abort(new DOMException('The job was cancelled', 'AbortError'));
    return true;
  }

  /** Cancels everything still running and waits for it to end (app quit, server close). */
  async shutdown(): Promise<void> {
    const running = [...this.live.values()].filter((job) => !job.snapshot.finishedAt);
    for (const job of running) this.cancel(job.snapshot.id);
    await Promise.all(running.map((job) => job.finished));
  }

  private async execute(job: LiveJob, run: JobRunner): Promise<JobSnapshot> {
    const { snapshot, controller } = job;
    if (controller.signal.aborted) return this.finish(job, 'cancelled', null, null);
    snapshot.status = 'running';
    job.startedAt = Date.now();
    this.db.update(jobs).set({ status: 'running' }).where(eq(jobs.id, snapshot.id)).run();
    snapshot.progress = emptyProgress('Starting');
    this.emit(job, true);
    const ctx: JobContext = {
      jobId: snapshot.id,
      signal: controller.signal,
      report: (progress) => {
        snapshot.progress = withRates(
          { ...progress, recordsPerSecond: 0, etaSeconds: null },
          Date.now() - job.startedAt,
        );
        this.emit(job);
      },
    };
    try {
      const result = await run(ctx);
      return this.finish(job, 'done', result, null);
    } catch (error) {
      if (controller.signal.aborted) return this.finish(job, 'cancelled', null, null);
      const message = error instanceof Error ? error.message : String(error);
      return this.finish(job, 'failed', null, message, errorKind(error));
    }
  }

  /** The result the job recorded with its data, when it committed before it ended badly. */
  private committedResult(id: string): JobResult | null {
    const row = this.db
      .select({ status: jobs.status, result: jobs.result })
      .from(jobs)
      .where(eq(jobs.id, id))
      .get();
    return row?.status === 'done' ? ((row.result ?? null) as JobResult | null) : null;
  }

  private finish(
    job: LiveJob,
    finalStatus: 'done' | 'failed' | 'cancelled',
    finalResult: JobResult | null,
    finalError: string | null,
    kind?: ErrorKind,
  ): JobSnapshot {
    const { snapshot } = job;
    // Data committed is saved even if the job failed or was cancelled after its COMMIT.
    const committed = finalStatus === 'done' ? null : this.committedResult(snapshot.id);
    const status = committed ? 'done' : finalStatus;
    const result = committed ?? finalResult;
    const error = committed ? null : finalError;
    snapshot.status = status;
    snapshot.result = result;
    snapshot.error = error;
    if (status === 'failed' && kind) snapshot.errorKind = kind;
    snapshot.finishedAt = new Date().toISOString();
    snapshot.progress = {
      ...snapshot.progress,
      etaSeconds: null,
      message:
        status === 'done'
          ? 'Done'
          : status === 'cancelled'
            ? 'Cancelled: nothing was saved'
            : 'Failed',
    };
    this.db
      .update(jobs)
      .set({ status, result, error, finishedAt: snapshot.finishedAt })
      .where(eq(jobs.id, snapshot.id))
      .run();
    this.emit(job, true);
    return { ...snapshot };
  }

  private emit(job: LiveJob, force = false): void {
    const now = Date.now();
    if (!force && now - job.lastEmit < EVENT_INTERVAL_MS) return;
    job.lastEmit = now;
    const event: JobEvent = { type: 'job', job: structuredClone(job.snapshot) };
    for (const listener of this.listeners) listener(event);
  }
}
