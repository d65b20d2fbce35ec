/**
 * The core behind every front: validates an operation's input with the contract's schema
 * and runs it. Electron IPC, the HTTP server and the CLI all call `core.call(name, input)`.
 */
import { z } from 'zod';
import {
  operationInputs,
  type OperationName,
  type OperationResults,
  type ParsedInput,
} from '../shared/contract';
import type { JobEvent } from '../shared/types';
import { DatasetService } from './datasets/dataset-service';
import { runImportJob } from './datasets/import-job';
import { InvalidInputError } from './errors';
import { JobManager } from './jobs/job-manager';
import { openRegistry, type RegistryDb } from './registry/db';

type Handlers = {
  [K in OperationName]: (
    input: ParsedInput<K>,
  ) => OperationResults[K] | Promise<OperationResults[K]>;
};

export function parseInput<K extends OperationName>(name: K, input: unknown): ParsedInput<K> {
  const result = operationInputs[name].safeParse(input ?? undefined);
  if (!result.success)
    throw new InvalidInputError(`invalid input to ${name}: ${z.prettifyError(result.error)}`);
  return result.data as ParsedInput<K>;
}

export class VariantDeskCore {
  readonly db: RegistryDb;
  readonly jobs: JobManager;
  readonly datasets: DatasetService;
  private readonly handlers: Handlers;

  constructor(readonly dataDir: string) {
    this.db = openRegistry(dataDir);
    this.jobs = new JobManager(this.db);
    this.datasets = new DatasetService(this.db);
    this.handlers = {
      importFiles: (input) => {
        const label =
          input.name ?? input.files.map((f) => f.name ?? f.path.split(/[\\/]/).pop()).join(', ');
        const job = this.jobs.start('import', `Import ${label}`, input, (ctx) =>
          runImportJob(this.dataDir, input, ctx),
        );
        return { jobId: job.id };
      },
      getJob: ({ jobId }) => this.jobs.get(jobId),
      listJobs: () => this.jobs.list(),
      cancelJob: ({ jobId }) => ({ cancelled: this.jobs.cancel(jobId) }),
      listDatasets: () => this.datasets.list(),
      getDataset: ({ datasetId }) => this.datasets.get(datasetId),
      deleteDataset: ({ datasetId }) => this.datasets.delete(datasetId),
      listSequences: (input) => this.datasets.listSequences(input),
      exportSequences: (input) => this.datasets.exportSequences(input),
    };
  }

  async call<K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]> {
    if (!Object.hasOwn(this.handlers, name))
      throw new InvalidInputError(`unknown operation '${String(name)}'`);
    const handler = this.handlers[name] as (
      input: ParsedInput<K>,
    ) => OperationResults[K] | Promise<OperationResults[K]>;
    return handler(parseInput(name, input));
  }

  onJobEvent(listener: (event: JobEvent) => void): () => void {
    return this.jobs.onEvent(listener);
  }

  async close(): Promise<void> {
    await this.jobs.shutdown();
    this.db.$client.close();
  }
}
