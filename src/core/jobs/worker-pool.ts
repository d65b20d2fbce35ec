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

/** A handler's answer whose buffers move to the caller (served with `transfers`). */
export interface Transferred<Res> {
  result: Res;
  transfer: readonly Transferable[];
}

/**
 * The pool of a worker whose module answers with `H` (it exports `type X = typeof handler`):
 * the request is the handler's argument, the result what it returns (the `result` of a
 * `Transferred` answer), so the message types are written once, by the handler.
 */
export type WorkerPoolOf<H extends (request: never) => unknown> = WorkerPool<
  Parameters<H>[0],
  ReturnType<H> extends Transferred<infer Res> ? Res : ReturnType<H>
>;

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

/** The pool's bookkeeping: queued tasks, the task each worker runs, the idle and retired workers. */
class ThreadPool<Req, Res> implements WorkerPool<Req, Res> {
  private readonly queue: Task<Req, Res>[] = [];
  private readonly running = new Map<Worker, Task<Req, Res>>();
  private readonly idle: Worker[] = [];
  private readonly retired = new Set<Worker>();
  private readonly workers: Worker[];
  private nextId = 1;
  private alive: number;
  private closedBy: Error | null = null;

  constructor(
    baseUrl: string,
    private readonly name: string,
    workerData: unknown,
    threads: number,
    setup: Promise<unknown> | undefined,
  ) {
    this.alive = Math.max(1, threads);
    this.workers = Array.from({ length: this.alive }, () => {
      const worker = startWorker(baseUrl, name, workerData);
      worker.on('message', (reply: PoolReply<Res>) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) =>
        this.retire(worker, new Error(`${name} stopped (exit code ${code})`)),
      );
      if (!setup) this.idle.push(worker);
      return worker;
    });
    setup?.then(
      (data) => this.deliverSetup(data),
      (error: unknown) => {
        this.closedBy = error instanceof Error ? error : new Error(String(error));
        void this.close();
      },
    );
  }

  run(request: Req, transfer: readonly Transferable[] = []): Promise<Res> {
    if (this.alive === 0 || this.closedBy) return Promise.reject(this.closed());
    return new Promise<Res>((resolve, reject) => {
      this.queue.push({
        message: { type: 'request', id: this.nextId++, request },
        transfer,
        resolve,
        reject,
      });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    for (const task of this.queue.splice(0)) task.reject(this.closed());
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private closed(): Error {
    return this.closedBy ?? new Error(`${this.name} pool closed`);
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.postMessage(task.message, task.transfer);
    }
  }

  /** A worker's reply: its task settles and the worker takes the next one. */
  private settle(worker: Worker, reply: PoolReply<Res>): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (reply.type === 'result') task?.resolve(reply.result);
    else task?.reject(rebuildError(reply.error));
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    this.running.get(worker)?.reject(error);
    this.running.delete(worker);
  }

  /** A worker that exited: its task fails; when none is left, so does every queued task. */
  private retire(worker: Worker, error: Error): void {
    this.retired.add(worker);
    this.fail(worker, error);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.alive -= 1;
    if (this.alive === 0) for (const task of this.queue.splice(0)) task.reject(error);
  }

  /** Sends the setup data to every live worker, which then takes requests. */
  private deliverSetup(data: unknown): void {
    const message: PoolSetup = { type: 'setup', data };
    for (const worker of this.workers) {
      if (!this.retired.has(worker)) {
        worker.postMessage(message);
        this.idle.push(worker);
      }
    }
    this.dispatch();
  }
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
  return new ThreadPool<Req, Res>(baseUrl, name, workerData, threads, options.setup);
}

type Handler<Req, Res> = (request: Req) => Res | Transferred<Res>;

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
      ? (output as Transferred<Res>)
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
