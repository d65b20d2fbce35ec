// Parses, hashes and writes one import off the main thread, on its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { openRegistry } from '../registry/db';
import { serializeWorkerError } from '../jobs/worker-host';
import { importDataset } from './import-dataset';
import type { ImportReply, ImportRequest, ImportWorkerData } from './import-messages';

const port = parentPort!;
const { dataDir, input } = workerData as ImportWorkerData;
const controller = new AbortController();
const post = (reply: ImportReply): void => port.postMessage(reply);

port.on('message', (message: ImportRequest) => {
  if (message.type === 'cancel')
    controller.abort(new DOMException('The import was cancelled', 'AbortError'));
});

const db = openRegistry(dataDir, { migrate: false });
try {
  const report = await importDataset(db, input, {
    signal: controller.signal,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', report });
} catch (error) {
  post(
    controller.signal.aborted
      ? { type: 'cancelled' }
      : { type: 'error', error: serializeWorkerError(error) },
  );
} finally {
  db.$client.close();
  port.close();
}
