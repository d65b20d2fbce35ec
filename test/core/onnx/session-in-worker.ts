/**
 * Child process of offline-telemetry.test.ts: the main thread loads the core (as the CLI,
 * the server and the app do) and a worker thread runs a model, as the clustering job's PCA
 * does. Prints the worker's probability count.
 * Usage: node --import tsx session-in-worker.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort } from 'node:worker_threads';
import { unzipSync } from 'fflate';

const FLU_BUNDLE = resolve(import.meta.dirname, '../../../models/flu-h3n2-ha-clade.zip');
const FLU_FEATURES = 4808;

if (isMainThread) {
  await import('../../../src/core/variantdesk-core');
  const { startWorker } = await import('../../../src/core/jobs/worker-host');
  const worker = startWorker(import.meta.url, 'session-in-worker');
  worker.on('message', (count: number) => process.stdout.write(`${count} probabilities\n`));
  worker.on('error', (error) => {
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
} else {
  const { createSession, runSession } = await import('../../../src/core/onnx/session');
  const session = await createSession(unzipSync(readFileSync(FLU_BUNDLE))['model.onnx']!);
  const features = { data: new Float32Array(FLU_FEATURES), dims: [1, FLU_FEATURES] };
  const out = await runSession(session, { features }, ['probabilities']);
  await session.release();
  parentPort!.postMessage(out.probabilities!.data.length);
}
