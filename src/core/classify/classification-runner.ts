/**
 * Classification's entry points: which model a request means (a registered version, or
 * the production model of a pathogen given or detected), a dataset classified as a job
 * (after its alignment and QC, which it starts when missing), and records classified
 * directly (the HTTP API).
 */
import type {
  ModelVersionSummary,
  PathogenDetection,
  Prediction,
} from '../../shared/classify-types';
import type { OperationResults, ParsedInput } from '../../shared/contract';
import type { AnalysisReport } from '../../shared/analysis-types';
import type { AnalysisService } from '../analysis/analysis-service';
import { MIN_SHARED_FRACTION, rankPathogens } from '../pathogens/detect-pathogen';
import type { PathogenCatalog } from '../pathogens/pathogen-catalog';
import type { DatasetService } from '../sequences/dataset-service';
import { InvalidInputError, NotFoundError } from '../errors';
import { waitForChainedJob } from '../jobs/chained-job';
import type { JobManager } from '../jobs/job-manager';
import { recordJobDone } from '../jobs/job-outcome';
import type { ClassifierCache } from './classifier-cache';
import type { ModelRegistry } from '../registry/model-registry';
import type { RegistryDb } from '../registry/db';
import type { ClassificationService } from './classification-service';
import { runClassifyJob } from './classify-job';

/** Sequences sampled to tell the pathogen. */
const DETECTION_SAMPLE = 20;

export interface ClassificationDeps {
  db: RegistryDb;
  jobs: JobManager;
  datasets: DatasetService;
  pathogens: PathogenCatalog;
  analyses: AnalysisService;
  models: ModelRegistry;
  classifiers: ClassifierCache;
  classifications: ClassificationService;
  /** Starts (or reuses) the alignment and QC of a dataset against a pathogen. */
  startAnalysis(datasetId: number, pathogenId: string): string | null;
}

export class ClassificationRunner {
  constructor(private readonly deps: ClassificationDeps) {}

  detect(sample: readonly string[]): PathogenDetection {
    const matches = rankPathogens(this.deps.pathogens.references(), [...sample]);
    const best = matches[0];
    return {
      pathogenId: best && best.sharedFraction >= MIN_SHARED_FRACTION ? best.pathogenId : null,
      matches,
    };
  }

  detectDataset(datasetId: number): PathogenDetection {
    this.deps.datasets.get(datasetId);
    return this.detect(this.sampleOf(datasetId));
  }

  /**
   * The model a request names: a version by id, else the production model of the pathogen
   * (given, or detected from `sample`).
   * @throws NotFoundError for an unknown model or a pathogen without a model;
   *   InvalidInputError when the pathogen cannot be told or does not fit the model
   */
  resolveModel(
    request: { modelId?: number | undefined; pathogenId?: string | undefined },
    sample: () => readonly string[],
    source: string,
  ): ModelVersionSummary {
    const { models } = this.deps;
    if (request.modelId !== undefined) {
      const model = models.get(request.modelId);
      if (request.pathogenId !== undefined && request.pathogenId !== model.pathogenId)
        throw new InvalidInputError(
          `model ${model.name}@${model.version} classifies ${model.pathogenId}, not ${request.pathogenId}`,
        );
      return model;
    }
    let pathogenId = request.pathogenId;
    if (pathogenId === undefined) {
      const detection = this.detect(sample());
      const best = detection.matches[0];
      if (!detection.pathogenId)
        throw new InvalidInputError(
          `could not tell the pathogen of ${source}${best ? ` (best match ${best.pathogenId}: ${(best.sharedFraction * 100).toFixed(1)}% shared 16-mers, ${MIN_SHARED_FRACTION * 100}% needed)` : ''}; choose the pathogen or a model`,
        );
      pathogenId = detection.pathogenId;
    }
    const model = models.production(pathogenId);
    if (!model) {
      const known = [...new Set(models.list().map((m) => m.pathogenId))];
      throw new NotFoundError(
        `no production model for pathogen '${pathogenId}' (models exist for: ${known.join(', ') || 'none'}); import a bundle`,
      );
    }
    return model;
  }

  start(input: ParsedInput<'classifyDataset'>): OperationResults['classifyDataset'] {
    const { db, jobs, datasets, pathogens, analyses, classifiers, classifications } = this.deps;
    const dataset = datasets.get(input.datasetId);
    if (dataset.sequenceCount === 0)
      throw new InvalidInputError(`dataset '${dataset.name}' has no sequences to classify`);
    const model = this.resolveModel(
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
      let analysisId = stored?.id ?? null;
      if (alignmentJobId) {
        ctx.report({
          unit: 'sequences',
          done: 0,
          total: dataset.sequenceCount,
          records: 0,
          message: 'Waiting for the alignment and QC',
          files: [],
        });
        const alignment = await waitForChainedJob(jobs, alignmentJobId, ctx.signal);
        if (alignment.status === 'cancelled')
          throw new Error('the alignment this classification needs was cancelled');
        // A failed alignment leaves the run without QC verdicts, not without predictions.
        if (alignment.status === 'done')
          analysisId = (alignment.result as AnalysisReport).analysis.id;
      }
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

  /** Classifies records directly (no dataset, nothing stored). */
  async classifyRecords(
    records: readonly { id: string; sequence: string }[],
    options: { modelId?: number; pathogenId?: string; signal?: AbortSignal } = {},
  ): Promise<{ model: ModelVersionSummary; predictions: Prediction[] }> {
    if (records.length === 0) throw new InvalidInputError('no sequences to classify');
    const model = this.resolveModel(
      options,
      () => records.slice(0, DETECTION_SAMPLE).map((r) => r.sequence),
      'these sequences',
    );
    const predictions = await this.deps.classifiers.use(model.id, (classifier) =>
      classifier.classify(records, options.signal ? { signal: options.signal } : {}),
    );
    return { model, predictions };
  }

  private sampleOf(datasetId: number): string[] {
    return this.deps.db.$client
      .prepare('SELECT sequence FROM sequences WHERE dataset_id = ? ORDER BY ordinal LIMIT ?')
      .pluck()
      .all(datasetId, DETECTION_SAMPLE) as string[];
  }
}
