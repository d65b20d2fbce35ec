/**
 * A small pool of identical worker threads: each request goes to the next free worker and
 * its reply comes back to the caller. Workers answer through `serveWorkerRequests`.
 */
import { parentPort, type MessagePort, type Transferable, type Worker } from 'node:worker_threads';
import {
  rebuildError,
  serializeWorkerError,
  startWorker,
  type SerializedWorkerError,
} from './worker-host';

/** Main thread -> worker. */
export interface PoolRequest<Req> {
  type: 'request';
  id: number;
  request: Req;
}

/** Worker -> main thread. */
export type PoolReply<Res> =
  | { type: 'result'; id: number; result: Res }
  | { type: 'error'; id: number; error: SerializedWorkerError };

export interface WorkerPool<Req, Res> {
  run(request: Req, transfer?: readonly Transferable[]): Promise<Res>;
  close(): Promise<void>;
}

interface Task<Req, Res> {
  message: PoolRequest<Req>;
  transfer: readonly Transferable[];
  resolve: (result: Res) => void;
  reject: (error: Error) => void;
}

/**
 * @param baseUrl `import.meta.url` of the module beside the worker file
 * @param name the worker's file name without extension, e.g. `align.worker`
 */
export function createWorkerPool<Req, Res>(
  baseUrl: string,
  name: string,
  workerData: unknown,
  threads = 2,
): WorkerPool<Req, Res> {
  const queue: Task<Req, Res>[] = [];
  const running = new Map<Worker, Task<Req, Res>>();
  const idle: Worker[] = [];
  let nextId = 1;
  let alive = Math.max(1, threads);
  const closed = (): Error => new Error(`${name} pool closed`);

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      running.set(worker, task);
      worker.postMessage(task.message, task.transfer);
    }
  };
  const fail = (worker: Worker, error: Error): void => {
    running.get(worker)?.reject(error);
    running.delete(worker);
  };
  const retire = (worker: Worker, error: Error): void => {
    fail(worker, error);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    alive -= 1;
    if (alive === 0) for (const task of queue.splice(0)) task.reject(error);
  };

  const workers = Array.from({ length: alive }, () => {
    const worker = startWorker(baseUrl, name, workerData);
    worker.on('message', (reply: PoolReply<Res>) => {
      const task = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      if (reply.type === 'result') task?.resolve(reply.result);
      else task?.reject(rebuildError(reply.error));
      dispatch();
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => retire(worker, new Error(`${name} stopped (exit code ${code})`)));
    idle.push(worker);
    return worker;
  });

  return {
    run(request, transfer = []) {
      if (alive === 0) return Promise.reject(closed());
      return new Promise<Res>((resolve, reject) => {
        queue.push({
          message: { type: 'request', id: nextId++, request },
          transfer,
          resolve,
          reject,
        });
        dispatch();
      });
    },
    async close() {
      for (const task of queue.splice(0)) task.reject(closed());
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

type Handler<Req, Res> = (request: Req) => Res | { result: Res; transfer: readonly Transferable[] };

/**
 * Answers one request on `port` with `handle`'s result; with `transfers`, `handle` returns
 * `{result, transfer}` and those buffers move (detached here once posted).
 */
export function answerRequest<Req, Res>(
  port: Pick<MessagePort, 'postMessage'>,
  handle: Handler<Req, Res>,
  message: PoolRequest<Req>,
  transfers = false,
): PoolReply<Res> {
  try {
    const output = handle(message.request);
    const { result, transfer } = transfers
      ? (output as { result: Res; transfer: readonly Transferable[] })
      : { result: output as Res, transfer: [] };
    const reply: PoolReply<Res> = { type: 'result', id: message.id, result };
    port.postMessage(reply, transfer);
    return reply;
  } catch (error) {
    const reply: PoolReply<Res> = {
      type: 'error',
      id: message.id,
      error: serializeWorkerError(error),
    };
    port.postMessage(reply);
    return reply;
  }
}

/** The worker side: answers each request from the pool (see `answerRequest`). */
export function serveWorkerRequests<Req, Res>(handle: Handler<Req, Res>, transfers = false): void {
  const port = parentPort!;
  port.on('message', (message: PoolRequest<Req>) =>
    answerRequest(port, handle, message, transfers),
  );
}
