/**
 * Starts a worker thread from its module, in source (TypeScript, through tsx) or in the
 * built app (the bundled `.js` beside the caller). Errors cross as {name, message, stack}.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface SerializedWorkerError {
  name: string;
  message: string;
  stack?: string;
}

export function serializeWorkerError(error: unknown): SerializedWorkerError {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

export function rebuildError(serialized: SerializedWorkerError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return error;
}

/**
 * @param baseUrl `import.meta.url` of the module that owns the worker
 * @param name the worker's file name without extension, e.g. `import.worker`
 */
export function startWorker(
  baseUrl: string,
  name: string,
  workerData?: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const built = new URL(`./${name}.js`, baseUrl);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData, resourceLimits });
  // In source, the worker loads its TypeScript through tsx's ESM API (Node 20 workers do
  // not take loader hooks from `execArgv`). The CommonJS build of tsx/esm/api cannot do this.
  const source = new URL(`./${name}.ts`, baseUrl).href;
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxEsmApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
