/**
 * Classification, the one service every front calls (IPC, HTTP, CLI): a dataset classified
 * as a stored job (after its alignment and QC, which it starts when missing), sequences from
 * files or a dataset streamed through a model chunk by chunk (the CLI), and posted records
 * classified at once (the HTTP API). The model follows one rule (`chooseModel`); sequences
 * come from the streaming reader or the registry; the pathogen from the one detector.
 */
import { basename } from 'node:path';
import type {
  ModelVersionSummary,
  PathogenDetection,
  Prediction,
} from '../../shared/classify-types';
import type { OperationResults, ParsedInput } from '../../shared/contract';
import type { AnalysisReport } from '../../shared/analysis-types';
import type { RecordError } from '../../shared/types';
import type { AnalysisService } from '../analysis/analysis-service';
import { detectPathogen } from '../pathogens/detect-pathogen';
import type { PathogenCatalog } from '../pathogens/pathogen-catalog';
import type { DatasetService } from '../sequences/dataset-service';
import { detectFile } from '../sequences/detect';
import { InvalidInputError } from '../errors';
import { waitForChainedJob } from '../jobs/chained-job';
import type { JobContext, JobManager } from '../jobs/job-manager';
import { recordJobDone } from '../jobs/job-outcome';
import type { ClassifierCache } from './classifier-cache';
import type { ModelRegistry } from '../registry/model-registry';
import type { RegistryDb } from '../registry/db';
import type { ClassificationService } from './classification-service';
import { openClassifier, type Classifier } from './classifier';
import { classifyChunks } from './classify-chunks';
import { runClassifyJob } from './classify-job';
import { chooseModel, type ModelChoice, type ModelRequest } from './model-choice';
import { sequenceText, type SequenceInput } from './prediction';
import { datasetRecordChunks, fileRecordChunks } from './sequence-chunks';

/** Sequences sampled to tell the pathogen. */
const DETECTION_SAMPLE = 20;
/** Sequences per chunk of a stream. */
const STREAM_CHUNK = 2048;

export interface ClassifyServiceDeps {
  db: RegistryDb;
  jobs: JobManager;
  datasets: DatasetService;
  pathogens: PathogenCatalog;
  analyses: AnalysisService;
  models: ModelRegistry;
  classifiers: ClassifierCache;
  classifications: ClassificationService;
  /** Bases of one record beyond which the reader refuses it. */
  maxRecordLength: number;
  /** Starts (or reuses) the alignment and QC of a dataset against a pathogen. */
  startAnalysis(datasetId: number, pathogenId: string): string | null;
}

/** Sequences to stream: files read with the streaming reader, or a dataset in import order. */
export type RecordSource = { files: readonly string[] } | { datasetId: number };

export interface StreamProgress {
  /** Bytes of the files read, or sequences of the dataset classified. */
  unit: 'bytes' | 'sequences';
  done: number;
  total: number;
  /** Sequences classified so far. */
  classified: number;
}

export interface StreamHandlers {
  /** The model chosen and opened, before any sequence is classified. */
  onModel?(model: {
    name: string;
    version: string;
    detectedPathogen: string | null;
    /** The reference tree the sequences are placed on, or null. */
    treePath: string | null;
  }): void | Promise<void>;
  /** Each chunk's predictions in input order; awaited before the next chunk is handed over. */
  onPredictions(predictions: Prediction[]): void | Promise<void>;
  onProgress?(progress: StreamProgress): void;
  /** A record the reader refused (it is skipped). */
  onRecordError?(error: RecordError): void;
}

export interface StreamSummary {
  model: { name: string; version: string };
  classified: number;
  unassigned: number;
}

/** A source opened: its name in messages, a sample for detection, and its chunks. */
interface OpenedSource {
  label: string;
  sample(): Promise<string[]>;
  chunks(onBytes: (done: number, total: number) => void): AsyncIterable<SequenceInput[]>;
  /** Progress after `classified` sequences (files: the bytes read so far). */
  progress(classified: number): StreamProgress;
}

export class ClassifyService {
  constructor(private readonly deps: ClassifyServiceDeps) {}

  detect(sample: readonly string[]): PathogenDetection {
    return detectPathogen(this.deps.pathogens.references(), sample);
  }

  detectDataset(datasetId: number): PathogenDetection {
    this.deps.datasets.get(datasetId);
    return this.detect(this.sampleOf(datasetId));
  }

  /** The production model of a registered-only request (app, HTTP): never a bundle file. */
  private async registeredModel(
    request: { modelId?: number | undefined; pathogenId?: string | undefined },
    sample: () => readonly string[],
    source: string,
  ): Promise<ModelVersionSummary> {
    const detect = async (): Promise<PathogenDetection> => this.detect(sample());
    const choice = await chooseModel(request, { models: this.deps.models, detect }, source);
    if (choice.kind !== 'registered') throw new Error('a registered model was expected');
    return choice.model;
  }

  /** Classifies a dataset as a job whose run is stored; starts its alignment when missing. */
  async start(input: ParsedInput<'classifyDataset'>): Promise<OperationResults['classifyDataset']> {
    const { jobs, datasets, pathogens, analyses } = this.deps;
    const dataset = datasets.get(input.datasetId);
    if (dataset.sequenceCount === 0)
      throw new InvalidInputError(`dataset '${dataset.name}' has no sequences to classify`);
    const model = await this.registeredModel(
      input,
      () => this.sampleOf(dataset.id),
      `dataset '${dataset.name}'`,
    );
    // Without a reference of its own for the pathogen, the run has no QC or mutations.
    const known = pathogens.list().some((p) => p.id === model.pathogenId);
    const stored = known ? analyses.find(dataset.id, model.pathogenId) : null;
    const alignmentJobId =
      known && !stored ? this.deps.startAnalysis(dataset.id, model.pathogenId) : null;
    const label = `Classify ${dataset.name} (${model.name}@${model.version})`;
    const job = jobs.start('classify', label, input, async (ctx) => {
      const analysisId = alignmentJobId
        ? await this.awaitAlignment(alignmentJobId, dataset.sequenceCount, ctx)
        : (stored?.id ?? null);
      const { db, classifiers, classifications } = this.deps;
      const onCommit = (id: number): void =>
        recordJobDone(db.$client, ctx.jobId, { classification: classifications.summary(id) });
      const classificationId = await runClassifyJob(
        {
          db,
          classifiers,
          datasetId: dataset.id,
          datasetName: dataset.name,
          analysisId,
          model,
          onCommit,
        },
        ctx,
      );
      return { classification: classifications.summary(classificationId) };
    });
    return { jobId: job.id, alignmentJobId };
  }

  /** The analysis a classification job joins in, once the alignment it started ends. */
  private async awaitAlignment(
    alignmentJobId: string,
    total: number,
    ctx: JobContext,
  ): Promise<number | null> {
    const message = 'Waiting for the alignment and QC';
    ctx.report({ unit: 'sequences', done: 0, total, records: 0, message, files: [] });
    const alignment = await waitForChainedJob(this.deps.jobs, alignmentJobId, ctx.signal);
    if (alignment.status === 'cancelled')
      throw new Error('the alignment this classification needs was cancelled');
    // A failed alignment leaves the run without QC verdicts, not without predictions.
    return alignment.status === 'done' ? (alignment.result as AnalysisReport).analysis.id : null;
  }

  /** Classifies records directly (no dataset, nothing stored). */
  async classifyRecords(
    records: readonly SequenceInput[],
    options: { modelId?: number; pathogenId?: string; signal?: AbortSignal } = {},
  ): Promise<{ model: ModelVersionSummary; predictions: Prediction[] }> {
    if (records.length === 0) throw new InvalidInputError('no sequences to classify');
    const model = await this.registeredModel(
      options,
      () => records.slice(0, DETECTION_SAMPLE).map((r) => sequenceText(r.sequence)),
      'these sequences',
    );
    const predictions = await this.deps.classifiers.use(model.id, (classifier) =>
      classifier.classify(records, options.signal ? { signal: options.signal } : {}),
    );
    return { model, predictions };
  }

  /**
   * Streams a source through the model the request names (a bundle file too), one chunk
   * in the model while the next is read; nothing is stored.
   * @throws the signal's reason when aborted; the reader's error for a file that is not
   *   sequence data (before any model is opened); the model choice's errors
   */
  async classifyStream(
    source: RecordSource,
    request: ModelRequest,
    handlers: StreamHandlers,
    signal: AbortSignal,
  ): Promise<StreamSummary> {
    const opened = await this.openSource(source, handlers, signal);
    const detect = async (): Promise<PathogenDetection> => this.detect(await opened.sample());
    const choice = await chooseModel(request, { models: this.deps.models, detect }, opened.label);
    return this.withClassifier(choice, async (classifier) => {
      const { name, version } = classifier.manifest;
      const detectedPathogen = choice.kind === 'registered' ? choice.detectedPathogen : null;
      await handlers.onModel?.({
        name,
        version,
        detectedPathogen,
        treePath: classifier.treePath,
      });
      let classified = 0;
      let unassigned = 0;
      const onBytes = (done: number, total: number): void =>
        handlers.onProgress?.({ unit: 'bytes', done, total, classified });
      await classifyChunks(
        classifier,
        opened.chunks(onBytes),
        async (predictions) => {
          await handlers.onPredictions(predictions);
          classified += predictions.length;
          unassigned += predictions.filter((p) => p.status === 'unassigned').length;
          handlers.onProgress?.(opened.progress(classified));
        },
        signal,
      );
      return { model: { name, version }, classified, unassigned };
    });
  }

  /** Runs `work` with the chosen model: a registered one from the cache, a file opened for it. */
  private async withClassifier<T>(
    choice: ModelChoice,
    work: (classifier: Classifier) => Promise<T>,
  ): Promise<T> {
    if (choice.kind === 'registered') return this.deps.classifiers.use(choice.model.id, work);
    const classifier = await openClassifier(choice.path, {
      treeFor: (reference) => this.deps.pathogens.treeFor(reference),
    });
    try {
      return await work(classifier);
    } finally {
      await classifier.close();
    }
  }

  private async openSource(
    source: RecordSource,
    handlers: StreamHandlers,
    signal: AbortSignal,
  ): Promise<OpenedSource> {
    if ('datasetId' in source) return this.openDataset(source.datasetId);
    const { maxRecordLength } = this.deps;
    const files = [...source.files];
    // A file that is not sequence data is refused before any model is loaded.
    const sizes = await Promise.all(files.map(async (file) => (await detectFile(file)).bytes));
    const total = sizes.reduce((a, b) => a + b, 0);
    let bytesRead = 0;
    return {
      label: files.map((file) => basename(file)).join(', '),
      sample: async () => {
        const options = { chunkSize: DETECTION_SAMPLE, signal, maxRecordLength };
        for await (const chunk of fileRecordChunks(files, sizes, options))
          return chunk.slice(0, DETECTION_SAMPLE).map((r) => sequenceText(r.sequence));
        return [];
      },
      chunks: (onBytes) =>
        fileRecordChunks(files, sizes, {
          chunkSize: STREAM_CHUNK,
          signal,
          maxRecordLength,
          onBytes: (done, all) => {
            bytesRead = done;
            onBytes(done, all);
          },
          ...(handlers.onRecordError && { onRecordError: handlers.onRecordError }),
        }),
      progress: (classified) => ({ unit: 'bytes', done: bytesRead, total, classified }),
    };
  }

  private openDataset(datasetId: number): OpenedSource {
    const dataset = this.deps.datasets.get(datasetId);
    const total = dataset.sequenceCount;
    return {
      label: `dataset '${dataset.name}'`,
      sample: async () => this.sampleOf(datasetId),
      chunks: () => datasetRecordChunks(this.deps.db, datasetId, STREAM_CHUNK),
      progress: (classified) => ({ unit: 'sequences', done: classified, total, classified }),
    };
  }

  private sampleOf(datasetId: number): string[] {
    return this.deps.db.$client
      .prepare('SELECT sequence FROM sequences WHERE dataset_id = ? ORDER BY ordinal LIMIT ?')
      .pluck()
      .all(datasetId, DETECTION_SAMPLE) as string[];
  }
}
