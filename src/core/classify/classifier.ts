/**
 * A model bundle ready to classify: verified, its model in an onnxruntime session, and a
 * small pool of workers that featurize, align and compare to exemplars. Sequences go
 * through in windows (one ONNX run each); a few windows are in the workers at a time so
 * the workers never wait for the model, and memory stays bounded by the window.
 */
import type { BundleManifest } from '../bundles';
import { featurizerDimension } from '../features/featurizer-union';
import { packedTransferList, packSequences } from '../features/packed-sequences';
import { createWorkerPool, type WorkerPoolOf } from '../jobs/worker-pool';
import { assemblePredictions, type PredictionContext } from './assemble-predictions';
import type { ClassifyBatchResult, ClassifyWorkerData } from './classify-batch';
import type { ClassifyWorker } from './classify.worker';
import { loadClassifierBundle, type ClassifierBundle } from './classifier-bundle';
import { openModelSession, type ModelSession } from './model-session';
import type { RecombinantRule } from './recombinant-check';
import type { ClassifyOptions, Prediction, SequenceInput } from './prediction';
import { joinWindowResults, windowProbabilities } from './window-results';

export interface OpenClassifierOptions {
  /** Names the bundle in errors (default: the path, or `bundle` for bytes). */
  name?: string;
  /** Worker threads (default 2). */
  threads?: number;
  /** Sequences per ONNX run (default 256). */
  windowSize?: number;
  /** Options for the recombinant test, or false to skip it. */
  recombinant?: RecombinantRule | false;
  /**
   * The reference tree (Auspice v2 file) to place sequences on, given the bundle's reference
   * sequence; null (or no function) classifies without placement.
   */
  treeFor?: (referenceSequence: string) => string | null;
}

export interface Classifier {
  readonly manifest: BundleManifest;
  /** The reference tree its sequences are placed on, or null. */
  readonly treePath: string | null;
  /** Model labels in class-index order. */
  readonly labels: string[];
  /** One prediction per record, in input order. Aborting rejects with the signal's reason. */
  classify(records: readonly SequenceInput[], options?: ClassifyOptions): Promise<Prediction[]>;
  /** Stops the workers and releases the session. */
  close(): Promise<void>;
}

/** Windows being featurized while the model runs on an earlier one. */
const WINDOWS_IN_FLIGHT = 3;

type Featurize = (records: readonly SequenceInput[]) => Promise<ClassifyBatchResult[]>;

/**
 * The workers boot (a thread, its modules) while this thread reads the bundle, and set up
 * (aligner index, exemplars) from it while this thread loads the model.
 */
function startWorkers(
  loading: Promise<ClassifierBundle>,
  threads: number,
  recombinant: RecombinantRule | false,
  treePath: Promise<string | null>,
): WorkerPoolOf<ClassifyWorker> {
  return createWorkerPool(import.meta.url, 'classify.worker', undefined, threads, {
    setup: Promise.all([loading, treePath]).then(([bundle, tree]): ClassifyWorkerData => ({
      featurizer: bundle.manifest.featurizer,
      pathogen: bundle.pathogen,
      exemplars: bundle.exemplars,
      recombinant,
      treePath: tree,
    })),
  });
}

/** Splits each window so every worker gets a share, and featurizes the shares. */
function windowFeaturizer(
  pool: WorkerPoolOf<ClassifyWorker>,
  workerBatch: number,
): Featurize {
  return (records) => {
    const parts: Promise<ClassifyBatchResult>[] = [];
    for (let start = 0; start < records.length; start += workerBatch) {
      const part = records.slice(start, start + workerBatch).map((r) => r.sequence);
      const packed = packSequences(part);
      parts.push(pool.run(packed, packedTransferList(packed)));
    }
    const all = Promise.all(parts);
    all.catch(() => undefined); // awaited later, or dropped after an abort
    return all;
  };
}

/**
 * Classifies `records` window by window, keeping WINDOWS_IN_FLIGHT windows in the workers
 * so they never wait for the model.
 */
async function classifyWindows(
  records: readonly SequenceInput[],
  { signal, onProgress }: ClassifyOptions,
  windowSize: number,
  featurize: Featurize,
  model: ModelSession,
  context: PredictionContext,
): Promise<Prediction[]> {
  signal?.throwIfAborted();
  const predictions: Prediction[] = [];
  const pending: { records: readonly SequenceInput[]; parts: Promise<ClassifyBatchResult[]> }[] =
    [];
  let next = 0;
  const startWindow = (): void => {
    const window = records.slice(next, next + windowSize);
    next += window.length;
    pending.push({ records: window, parts: featurize(window) });
  };
  while (next < records.length && pending.length < WINDOWS_IN_FLIGHT) startWindow();
  while (pending.length > 0) {
    const window = pending.shift()!;
    const parts = await window.parts;
    signal?.throwIfAborted();
    if (next < records.length) startWindow();
    const raw = await windowProbabilities(parts, model.probabilities);
    const result = joinWindowResults(parts);
    predictions.push(...assemblePredictions(window.records, raw, result, context));
    onProgress?.({ done: predictions.length, total: records.length });
  }
  return predictions;
}

/**
 * Opens a bundle (a path or its bytes) for classification.
 * @throws BundleError when the bundle fails verification (its message names the reason);
 *   InvalidInputError when its files do not fit together
 */
export async function openClassifier(
  source: string | Uint8Array,
  options: OpenClassifierOptions = {},
): Promise<Classifier> {
  const bundleName = options.name ?? (typeof source === 'string' ? source : 'bundle');
  const threads = Math.max(1, options.threads ?? 2);
  const windowSize = Math.max(1, options.windowSize ?? 256);
  const loading = loadClassifierBundle(source, options.name);
  const treeFor = options.treeFor ?? (() => null);
  const findingTree = loading.then((b) =>
    b.pathogen ? treeFor(b.pathogen.reference.sequence) : null,
  );
  findingTree.catch(() => undefined); // the bundle's error is reported from `loading`
  const pool = startWorkers(loading, threads, options.recombinant ?? {}, findingTree);
  let model: ModelSession;
  let bundle: ClassifierBundle;
  let treePath: string | null;
  try {
    bundle = await loading;
    treePath = await findingTree;
    model = await openModelSession(
      bundle.model,
      featurizerDimension(bundle.manifest.featurizer),
      bundle.labels.length,
      bundleName,
    );
  } catch (error) {
    await pool.close();
    throw error;
  }
  const { manifest, labels, exemplars } = bundle;
  const context: PredictionContext = {
    labels,
    temperature: manifest.calibration.temperature,
    confidenceThreshold: manifest.confidenceThreshold,
    featuresNeedAlignment: manifest.featurizer.kind === 'aligned-alleles',
    exemplars,
    model: manifest.name,
    modelVersion: manifest.version,
  };
  const featurize = windowFeaturizer(pool, Math.max(1, Math.ceil(windowSize / (2 * threads))));
  return {
    manifest,
    treePath,
    labels,
    classify: (records, classifyOptions = {}) =>
      classifyWindows(records, classifyOptions, windowSize, featurize, model, context),
    async close() {
      await pool.close();
      await model.release();
    },
  };
}
