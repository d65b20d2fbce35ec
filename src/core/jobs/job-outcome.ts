/**
 * A job's final status written by the job itself, inside the transaction that saves its
 * data: killed the instant after COMMIT, the process still leaves a job that says 'done'
 * with what it saved, and a job row still 'running' after its process died saved nothing.
 */
import type Database from 'better-sqlite3';
import type { JobResult } from '../../shared/types';

/**
 * Marks job `jobId` done with `result`. Call it inside the data transaction, on the
 * connection that holds it (a worker's own, or the main one), just before COMMIT.
 */
export function recordJobDone(client: Database.Database, jobId: string, result: JobResult): void {
  if (!client.inTransaction)
    throw new Error(`job ${jobId}: its outcome must be recorded inside the data transaction`);
  client
    .prepare(
      `UPDATE jobs SET status = 'done', result = ?, error = NULL, finished_at = ? WHERE id = ?`,
    )
    .run(JSON.stringify(result), new Date().toISOString(), jobId);
}
