/**
 * One timed read of a sequence file, in its own process (as seqkit runs in its own) and in a
 * worker thread with the limits the app's import thread has: prints the worker's figures
 * as JSON. Usage: read-once.ts FILE
 */
import { once } from 'node:events';
import { startWorker } from '../../src/core/jobs/worker-host';
import { READER_RESOURCE_LIMITS } from '../../src/core/sequences/reader-limits';

const path = process.argv[2];
if (!path) throw new Error('usage: read-once.ts FILE');
const worker = startWorker(import.meta.url, 'read-once.worker', path, READER_RESOURCE_LIMITS);
const [result] = (await once(worker, 'message')) as [unknown];
process.stdout.write(`${JSON.stringify(result)}\n`);
await worker.terminate();
