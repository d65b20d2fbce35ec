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

/** Main thread -> worker, once and before any request, for workers started with `setup`. */
export interface PoolSetup {
  type: 'setup';
  data: unknown;
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

export interface WorkerPoolOptions {
  /**
   * Data the workers need that is still being made: they start at once (booting a worker
   * takes a while) and get it as their first message when it resolves (their module
   * answers through `serveWorkerRequestsAfterSetup`); no request reaches them before. If
   * it rejects, the pool closes and its requests reject with that error.
   */
  setup?: Promise<unknown>;
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
  options: WorkerPoolOptions = {},
): WorkerPool<Req, Res> {
  const queue: Task<Req, Res>[] = [];
  const running = new Map<Worker, Task<Req, Res>>();
  const idle: Worker[] = [];
  let nextId = 1;
  let alive = Math.max(1, threads);
  let closedBy: Error | null = null;
  const closed = (): Error => closedBy ?? new Error(`${name} pool closed`);

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
  const retired = new Set<Worker>();
  const retire = (worker: Worker, error: Error): void => {
    retired.add(worker);
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
    if (!options.setup) idle.push(worker);
    return worker;
  });
  const close = async (): Promise<void> => {
    for (const task of queue.splice(0)) task.reject(closed());
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  options.setup?.then(
    (data) => {
      const message: PoolSetup = { type: 'setup', data };
      for (const worker of workers) {
        if (!retired.has(worker)) {
          worker.postMessage(message);
          idle.push(worker);
        }
      }
      dispatch();
    },
    (error: unknown) => {
      closedBy = error instanceof Error ? error : new Error(String(error));
      void close();
    },
  );

  return {
    run(request, transfer = []) {
      if (alive === 0 || closedBy) return Promise.reject(closed());
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
    close,
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

/**
 * The worker side of a pool started with `setup`: the first message is the setup data,
 * from which `create` makes the handler. If `create` throws, every request is answered
 * with that error.
 */
export function serveWorkerRequestsAfterSetup<Setup, Req, Res>(
  create: (setup: Setup) => Handler<Req, Res>,
  transfers = false,
): void {
  const port = parentPort!;
  let handle: Handler<Req, Res> | null = null;
  let failure: unknown = null;
  port.on('message', (message: PoolSetup | PoolRequest<Req>) => {
    if (message.type === 'setup') {
      try {
        handle = create(message.data as Setup);
      } catch (error) {
        failure = error;
      }
      return;
    }
    const ready: Handler<Req, Res> =
      handle ??
      (() => {
        throw failure ?? new Error('request before setup');
      });
    answerRequest(port, ready, message, transfers);
  });
}

/** The worker side: answers each request from the pool (see `answerRequest`). */
export function serveWorkerRequests<Req, Res>(handle: Handler<Req, Res>, transfers = false): void {
  const port = parentPort!;
  port.on('message', (message: PoolRequest<Req>) =>
    answerRequest(port, handle, message, transfers),
  );
}
