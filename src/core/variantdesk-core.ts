/**
 * The core behind every front: validates an operation's input with the contract's schema
 * and runs it. Electron IPC, the HTTP server and the CLI all call `core.call(name, input)`.
 */
// First: onnxruntime's telemetry is off for the whole process before any model runs.
import './onnx/telemetry-off';
import { z } from 'zod';
import {
  operationInputs,
  type OperationName,
  type OperationResults,
  type ParsedInput,
} from '../shared/contract';
import { MIN_CLUSTER_SEQUENCES } from '../shared/cluster-schemas';
import type { ModelVersionSummary, Prediction } from '../shared/classify-types';
import type { ExportedFile, JobEvent, JobSnapshot } from '../shared/types';
import { runAnalysisJob } from './analysis/analysis-job';
import { exportAnalysis } from './analysis/analysis-export';
import { AnalysisService } from './analysis/analysis-service';
import { PathogenCatalog } from './pathogens/pathogen-catalog';
import { addPathogen, addedPathogensDir, removePathogen } from './pathogens/added-pathogens';
import {
  ClassifyService,
  type RecordSource,
  type StreamHandlers,
  type StreamSummary,
} from './classify/classify-service';
import type { ModelRequest } from './classify/model-choice';
import type { SequenceInput } from './classify/prediction';
import { ClassificationService } from './classify/classification-service';
import { compareClassifications } from './classify/compare-classifications';
import { runClusterJob } from './cluster/cluster-job';
import { ClusteringService } from './cluster/clustering-service';
import { DatasetService } from './sequences/dataset-service';
import { runImportJob } from './sequences/import-job';
import { InvalidInputError } from './errors';
import { waitForChainedJob } from './jobs/chained-job';
import { JobManager } from './jobs/job-manager';
import { openClassifier } from './classify/classifier';
import { modelsDirs } from './classify/resolve-model';
import { ClassifierCache } from './classify/classifier-cache';
import { ModelRegistry } from './registry/model-registry';
import { openRegistry, type RegistryDb } from './registry/db';
import { pathogensDir } from './resources';
import { treeWithQueries, type PlacedSequence, type TreeFormat } from './tree/tree-export';
import { treeView } from './tree/tree-view';
import type { TreeView } from '../shared/tree-types';
import { parseMaxRecordLength } from './sequences/max-record-length';
import {
  datasetGenomes,
  detectGenomesPathogen,
  trainClassifier,
  type TrainClassifierOptions,
  type TrainedClassifier,
} from './ml/training';

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

/** Settings of one core; the fronts pass what their flags say. */
export interface VariantDeskCoreOptions {
  /** Folders whose bundles are registered at start (idempotently): the shipped `models/` by default. */
  modelDirs?: readonly string[];
  /** Bases of one record beyond which an import refuses it (default 100,000,000). */
  maxRecordLength?: number;
}

function isModelDirs(
  options: VariantDeskCoreOptions | readonly string[],
): options is readonly string[] {
  return Array.isArray(options);
}

/** What `trainFromDataset` reports before training starts. */
export interface TrainingStart {
  genomes: number;
  unlabeled: number;
  pathogenId: string;
}

export interface TrainFromDatasetOptions extends Omit<
  TrainClassifierOptions,
  'pathogenId' | 'name'
> {
  labelColumn?: string | undefined;
  groupColumn?: string | undefined;
  /** The reference to align to (default: detected from the genomes). */
  pathogenId?: string | undefined;
  onStart?: (start: TrainingStart) => void;
}

/**
 * One core per registry. Fronts use its operations (`call`, and the streaming and waiting
 * methods below); its services are its own (lint keeps src/cli, src/server and src/main off
 * them).
 */
export class VariantDeskCore {
  readonly db: RegistryDb;
  /** Bases of one record beyond which an import refuses it. */
  readonly maxRecordLength: number;
  readonly jobs: JobManager;
  readonly datasets: DatasetService;
  readonly pathogens: PathogenCatalog;
  readonly analyses: AnalysisService;
  readonly clusterings: ClusteringService;
  readonly models: ModelRegistry;
  readonly classifications: ClassificationService;
  private readonly classifiers: ClassifierCache;
  private readonly classify: ClassifyService;
  private readonly handlers: Handlers;

  /** @param options settings, or (the older form) the model folders alone */
  constructor(
    readonly dataDir: string,
    options: VariantDeskCoreOptions | readonly string[] = {},
  ) {
    const settings = isModelDirs(options) ? { modelDirs: options } : options;
    this.maxRecordLength = parseMaxRecordLength(settings.maxRecordLength);
    this.db = openRegistry(dataDir);
    this.jobs = new JobManager(this.db);
    this.datasets = new DatasetService(this.db);
    this.pathogens = new PathogenCatalog(pathogensDir(), addedPathogensDir(dataDir));
    this.analyses = new AnalysisService(this.db, {
      summary: (id) => this.pathogens.get(id).summary,
      reference: (id) => this.pathogens.get(id).referenceSequence,
    });
    this.clusterings = new ClusteringService(this.db);
    this.models = new ModelRegistry(this.db, dataDir);
    // A shipped bundle that fails verification is left out, with its reason, not fatal.
    for (const reason of this.models.registerBundled(settings.modelDirs ?? modelsDirs()).refused)
      console.warn(`VariantDesk: a shipped model was not registered: ${reason}`);
    this.classifications = new ClassificationService(this.db);
    this.classifiers = new ClassifierCache((modelId) => {
      const model = this.models.get(modelId);
      return openClassifier(this.models.bundlePath(modelId), {
        name: `${model.name}@${model.version}`,
        treeFor: (reference) => this.pathogens.treeFor(reference, model.pathogenId),
      });
    });
    this.classify = new ClassifyService({
      db: this.db,
      jobs: this.jobs,
      datasets: this.datasets,
      pathogens: this.pathogens,
      analyses: this.analyses,
      models: this.models,
      classifiers: this.classifiers,
      classifications: this.classifications,
      maxRecordLength: this.maxRecordLength,
      startAnalysis: (datasetId, pathogenId) =>
        this.startAnalysis({ datasetId, pathogenId, force: false }).jobId,
    });
    this.handlers = {
      ...this.jobHandlers(),
      ...this.datasetHandlers(),
      ...this.analysisHandlers(),
      ...this.pathogenHandlers(),
      ...this.clusteringHandlers(),
      ...this.modelHandlers(),
      ...this.classificationHandlers(),
    };
  }

  private jobHandlers(): Pick<Handlers, 'importFiles' | 'getJob' | 'listJobs' | 'cancelJob'> {
    return {
      importFiles: (input) => {
        const label =
          input.name ?? input.files.map((f) => f.name ?? f.path.split(/[\\/]/).pop()).join(', ');
        const job = this.jobs.start('import', `Import ${label}`, input, (ctx) =>
          runImportJob(this.dataDir, input, ctx, this.maxRecordLength),
        );
        return { jobId: job.id };
      },
      getJob: ({ jobId }) => this.jobs.get(jobId),
      listJobs: () => this.jobs.list(),
      cancelJob: ({ jobId }) => ({ cancelled: this.jobs.cancel(jobId) }),
    };
  }

  private datasetHandlers(): Pick<
    Handlers,
    'listDatasets' | 'getDataset' | 'deleteDataset' | 'listSequences' | 'exportSequences'
  > {
    return {
      listDatasets: () => this.datasets.list(),
      getDataset: ({ datasetId }) => this.datasets.get(datasetId),
      deleteDataset: ({ datasetId }) => this.datasets.delete(datasetId),
      listSequences: (input) => this.datasets.listSequences(input),
      exportSequences: (input) => this.datasets.exportSequences(input),
    };
  }

  private analysisHandlers(): Pick<
    Handlers,
    | 'listPathogens'
    | 'analyzeDataset'
    | 'listAnalyses'
    | 'getAnalysis'
    | 'listQc'
    | 'getSequenceResult'
    | 'listMutations'
    | 'exportAnalysis'
  > {
    return {
      listPathogens: () => this.pathogens.list(),
      analyzeDataset: (input) => this.startAnalysis(input),
      listAnalyses: ({ datasetId }) => {
        this.datasets.get(datasetId);
        return this.analyses.list(datasetId);
      },
      getAnalysis: ({ analysisId }) => this.analyses.get(analysisId),
      listQc: (input) => this.analyses.listQc(input),
      getSequenceResult: ({ analysisId, seqId }) =>
        this.analyses.getSequenceResult(analysisId, seqId),
      listMutations: (input) => this.analyses.listMutations(input),
      exportAnalysis: (input) => exportAnalysis(this.db, this.analyses, input),
    };
  }

  private pathogenHandlers(): Pick<Handlers, 'addPathogen' | 'removePathogen'> {
    return {
      addPathogen: (input) => addPathogen(this.pathogens, this.dataDir, input),
      removePathogen: ({ id }) => {
        removePathogen(this.pathogens, this.db, id);
        return { removed: true };
      },
    };
  }

  private clusteringHandlers(): Pick<
    Handlers,
    | 'clusterDataset'
    | 'listClusterings'
    | 'getClustering'
    | 'getClusterPoints'
    | 'deleteClustering'
    | 'exportClustering'
  > {
    return {
      clusterDataset: (input) => this.startClustering(input),
      listClusterings: ({ datasetId }) => {
        this.datasets.get(datasetId);
        return this.clusterings.list(datasetId);
      },
      getClustering: ({ clusteringId }) => this.clusterings.get(clusteringId),
      getClusterPoints: ({ clusteringId, column }) => this.clusterings.points(clusteringId, column),
      deleteClustering: ({ clusteringId }) => this.clusterings.delete(clusteringId),
      exportClustering: ({ clusteringId, format }) => this.clusterings.export(clusteringId, format),
    };
  }

  private modelHandlers(): Pick<Handlers, 'listModels' | 'getModel' | 'importModel'> {
    return {
      listModels: (input) => this.models.list(input?.pathogenId),
      getModel: ({ modelId }) => this.models.detail(modelId),
      importModel: ({ file }) =>
        this.models.importBundle(
          file.path,
          'imported',
          file.name ?? file.path.split(/[\\/]/).pop(),
        ),
    };
  }

  private classificationHandlers(): Pick<
    Handlers,
    | 'detectPathogen'
    | 'classifyDataset'
    | 'listClassifications'
    | 'getClassification'
    | 'listPredictions'
    | 'getPrediction'
    | 'exportClassification'
    | 'exportTree'
    | 'getTreeView'
    | 'deleteClassification'
    | 'compareClassifications'
  > {
    return {
      detectPathogen: ({ datasetId }) => this.classify.detectDataset(datasetId),
      classifyDataset: (input) => this.classify.start(input),
      listClassifications: (input) => {
        if (input?.datasetId !== undefined) this.datasets.get(input.datasetId);
        return this.classifications.list(input?.datasetId);
      },
      getClassification: ({ classificationId }) => this.classifications.get(classificationId),
      listPredictions: (input) => this.classifications.listPredictions(input),
      getPrediction: ({ classificationId, seqId }) =>
        this.classifications.getPrediction(classificationId, seqId),
      exportClassification: (input) => this.classifications.export(input),
      exportTree: ({ classificationId, format }) => this.exportTree(classificationId, format),
      getTreeView: ({ pathogenId, classificationId }) =>
        this.getTreeView(pathogenId, classificationId ?? null),
      deleteClassification: ({ classificationId }) => this.classifications.delete(classificationId),
      compareClassifications: ({ leftId, rightId, limit }) =>
        compareClassifications(
          this.db,
          this.classifications.summary(leftId),
          this.classifications.summary(rightId),
          limit,
        ),
    };
  }
  /**
   * The pathogen's reference tree with a stored run's placed sequences attached.
   * @throws NotFoundError for an unknown run; InvalidInputError when the pathogen has no tree
   *   or the run placed nothing
   */
  private exportTree(classificationId: number, format: TreeFormat): ExportedFile {
    const summary = this.classifications.summary(classificationId);
    const { treePath } = this.pathogens.get(summary.pathogenId);
    if (!treePath)
      throw new InvalidInputError(`pathogen '${summary.pathogenId}' has no reference tree`);
    const placed = this.classifications.placements(classificationId);
    if (placed.length === 0)
      throw new InvalidInputError(
        `classification ${classificationId} placed no sequence on the tree (none aligned, or it ran before the pathogen had a tree): classify again`,
      );
    const safeName = summary.datasetName.replace(/[^\w.-]+/g, '_').slice(0, 60);
    const auspice = format === 'auspice';
    return {
      fileName: `tree-${classificationId}.${safeName}.${auspice ? 'json' : 'nwk'}`,
      mimeType: auspice ? 'application/json' : 'text/x-nh',
      content: treeWithQueries(this.pathogens.referenceTree(treePath), placed, format),
    };
  }

  /**
   * A pathogen's tree for drawing, with a stored run's placed sequences (the run must be of
   * that pathogen).
   * @throws NotFoundError for an unknown pathogen or run; InvalidInputError when the
   *   pathogen has no tree or the run is of another pathogen
   */
  private getTreeView(pathogenId: string, classificationId: number | null): TreeView {
    const { treePath } = this.pathogens.get(pathogenId);
    if (!treePath) throw new InvalidInputError(`pathogen '${pathogenId}' has no reference tree`);
    let placed: ReturnType<ClassificationService['placements']> = [];
    if (classificationId !== null) {
      const summary = this.classifications.summary(classificationId);
      if (summary.pathogenId !== pathogenId)
        throw new InvalidInputError(
          `classification ${classificationId} is of ${summary.pathogenId}, not ${pathogenId}`,
        );
      placed = this.classifications.placements(classificationId);
    }
    const tree = this.pathogens.referenceTree(treePath);
    return treeView(pathogenId, tree, placed, classificationId);
  }

  /**
   * Streams a source through the classify path and returns the tree the sequences were placed
   * on with them attached (the model chosen by the usual rule).
   * @throws InvalidInputError when the model's pathogen has no tree
   */
  async treeWithSequences(
    source: RecordSource,
    request: ModelRequest,
    format: TreeFormat,
    handlers: Omit<StreamHandlers, 'onPredictions'>,
    signal: AbortSignal,
  ): Promise<{ content: string; summary: StreamSummary; placed: number }> {
    const placed: PlacedSequence[] = [];
    const chosen: { treePath: string | null } = { treePath: null };
    const summary = await this.classify.classifyStream(
      source,
      request,
      {
        ...handlers,
        onModel: async (model) => {
          chosen.treePath = model.treePath;
          if (!model.treePath)
            throw new InvalidInputError(
              `${model.name}@${model.version}: its pathogen has no reference tree to place on`,
            );
          await handlers.onModel?.(model);
        },
        onPredictions: (predictions) => {
          for (const p of predictions) if (p.tree) placed.push({ id: p.id, placement: p.tree });
        },
      },
      signal,
    );
    const tree = this.pathogens.referenceTree(chosen.treePath!);
    return { content: treeWithQueries(tree, placed, format), summary, placed: placed.length };
  }

  private startAnalysis(input: ParsedInput<'analyzeDataset'>): OperationResults['analyzeDataset'] {
    const dataset = this.datasets.get(input.datasetId);
    if (input.pathogenId && !input.force) {
      const entry = this.pathogens.get(input.pathogenId);
      const stored = this.analyses.find(dataset.id, input.pathogenId);
      // The same reference, annotation and QC config: the stored analysis is the answer.
      const reusable = stored?.referenceSha256 === entry.sha256 ? stored : null;
      if (reusable) return { jobId: null, analysisId: reusable.id };
    }
    const data = {
      dataDir: this.dataDir,
      pathogensDir: this.pathogens.dir,
      addedPathogensDir: this.pathogens.addedDir,
      input,
    };
    const job = this.jobs.start('analysis', `Align and QC ${dataset.name}`, input, async (ctx) => {
      const { analysisId, reused } = await runAnalysisJob(data, ctx);
      return { analysis: this.analyses.get(analysisId), reused };
    });
    return { jobId: job.id, analysisId: null };
  }

  /**
   * Clusters a dataset; when it has no analysis yet, aligns it first (pathogen detected) so
   * the summaries can name defining mutations and the QC mix.
   */
  private startClustering(
    input: ParsedInput<'clusterDataset'>,
  ): OperationResults['clusterDataset'] {
    const dataset = this.datasets.get(input.datasetId);
    if (dataset.sequenceCount < MIN_CLUSTER_SEQUENCES)
      throw new InvalidInputError(
        `dataset '${dataset.name}' has ${dataset.sequenceCount} sequence(s); clustering needs at least ${MIN_CLUSTER_SEQUENCES}`,
      );
    const { labelColumn } = input.params;
    if (labelColumn !== undefined) {
      const columns = dataset.metadataColumns;
      if (!columns.includes(labelColumn))
        throw new InvalidInputError(
          `dataset '${dataset.name}' has no metadata column '${labelColumn}'${columns.length ? ` (columns: ${columns.join(', ')})` : ' (it has no metadata)'}`,
        );
    }
    const analysisJob =
      this.analyses.list(dataset.id).length === 0
        ? this.startAnalysis({ datasetId: dataset.id, force: false }).jobId
        : null;
    const label = `Cluster ${dataset.name} (${input.params.embed.toUpperCase()}, ${input.params.method === 'kmeans' ? 'k-means' : 'HDBSCAN'})`;
    const job = this.jobs.start('cluster', label, input, async (ctx) => {
      if (analysisJob) {
        const analysis = await waitForChainedJob(this.jobs, analysisJob, ctx.signal);
        // k-mer spectra need no alignment: an unknown pathogen still clusters, without
        // defining mutations or a QC mix.
        if (
          analysis.status === 'cancelled' ||
          (analysis.status !== 'done' && input.params.featurizer === 'mutations')
        )
          throw new Error(
            `the alignment this clustering needs ${analysis.status === 'cancelled' ? 'was cancelled' : `failed: ${analysis.error ?? 'unknown error'}`}`,
          );
      }
      const data = { dataDir: this.dataDir, datasetId: dataset.id, params: input.params };
      const { clusteringId } = await runClusterJob(data, ctx);
      return { clustering: this.clusterings.summary(clusteringId) };
    });
    return { jobId: job.id, alignmentJobId: analysisJob };
  }

  async call<K extends OperationName>(name: K, input: unknown): Promise<OperationResults[K]> {
    if (!Object.hasOwn(this.handlers, name))
      throw new InvalidInputError(`unknown operation '${String(name)}'`);
    const handler = this.handlers[name] as (
      input: ParsedInput<K>,
    ) => OperationResults[K] | Promise<OperationResults[K]>;
    return handler(parseInput(name, input));
  }

  /** Resolves when the job has ended (done, failed, cancelled or interrupted). */
  waitForJob(jobId: string): Promise<JobSnapshot> {
    return this.jobs.wait(jobId);
  }

  /**
   * Classifies records with a registered model (`modelId`), or the production model of
   * `pathogenId`, or of the pathogen detected from the records. Nothing is stored.
   */
  classifyRecords(
    records: readonly SequenceInput[],
    options: { modelId?: number; pathogenId?: string; signal?: AbortSignal } = {},
  ): Promise<{ model: ModelVersionSummary; predictions: Prediction[] }> {
    return this.classify.classifyRecords(records, options);
  }

  /**
   * Streams files (read with the record limit of this core) or a dataset through the model
   * the request names, a bundle file included; nothing is stored.
   */
  classifyStream(
    source: RecordSource,
    request: ModelRequest,
    handlers: StreamHandlers,
    signal: AbortSignal,
  ): Promise<StreamSummary> {
    return this.classify.classifyStream(source, request, handlers, signal);
  }

  /**
   * Trains a classifier of a dataset's labeled genomes (labels from a metadata column) and
   * returns its bundle and report; the registry is not changed.
   * @throws InvalidInputError when the labels or the pathogen cannot be found
   */
  async trainFromDataset(
    datasetId: number,
    options: TrainFromDatasetOptions = {},
  ): Promise<TrainedClassifier> {
    const { labelColumn, groupColumn, pathogenId: given, onStart, ...training } = options;
    const dataset = this.datasets.get(datasetId);
    const { genomes, unlabeled } = datasetGenomes(this.db, datasetId, dataset.metadataColumns, {
      ...(labelColumn !== undefined && { labelColumn }),
      ...(groupColumn !== undefined && { groupColumn }),
    });
    const pathogenId = given ?? detectGenomesPathogen(this.pathogens, genomes);
    const pathogenDir = this.pathogens.get(pathogenId).dir;
    onStart?.({ genomes: genomes.length, unlabeled, pathogenId });
    const slug = dataset.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    return trainClassifier(genomes, pathogenDir, {
      ...training,
      pathogenId,
      name: `${pathogenId}-${slug || 'dataset'}`,
    });
  }

  /** The production model of each pathogen and task. */
  currentModels(): ModelVersionSummary[] {
    return this.models.current();
  }

  onJobEvent(listener: (event: JobEvent) => void): () => void {
    return this.jobs.onEvent(listener);
  }

  async close(): Promise<void> {
    await this.jobs.shutdown();
    await this.classifiers.close();
    this.db.$client.close();
  }
}
