/**
 * The training pipeline: labeled genomes -> aligned-allele features -> group k-fold
 * cross-validation of every candidate (lineages held out whole) -> the model chosen by the
 * declared metric -> temperature and confidence threshold from the out-of-fold predictions
 * -> final fit on every genome -> a self-contained bundle.
 */
import { basename, resolve } from 'node:path';
import { applyTemperature, calibrateClassifier } from '../calibration';
import { declinedBelow, evaluateClassifier } from '../metrics';
import { loadPathogen } from '../../pathogens/load-pathogen';
import { groupKFold, type Fold } from '../validation';
import type { LabeledGenome } from './aligned-genomes';
import { candidatesFor, MODEL_FAMILIES } from './candidates';
import { classifierBundle } from './classifier-bundle';
import { crossValidateCandidates } from './cross-validate-candidates';
import { exemplarTable } from './exemplar-rows';
import type { CandidateResult } from './cross-validate-candidates';
import { describeFit, fitChoice } from './final-model';
import { prepareTrainingData, type PreparedData } from './prepare-training-data';
import { selectModel, type ModelChoice, type SelectionTrial } from './select-model';
import type { Pathogen } from '../../pathogens/types';
import type { TrainClassifierOptions, TrainingReport } from './training-options';
import { foldSummaries, metricsOf } from './training-report';

/**
 * Exemplars listed per class: every distinct training sample of the default models' clades
 * (the largest, SARS-CoV-2 24A, has 377 tips), so the fallback is the nearest labeled
 * sample itself; a farthest-point subset of larger classes.
 */
const DEFAULT_EXEMPLARS_PER_CLASS = 400;

// Probabilities of 0 (an exemplar vote no neighbour cast) become this before the log.
const MIN_PROBABILITY = 1e-12;

export interface TrainedClassifier {
  bundleBytes: Uint8Array;
  report: TrainingReport;
}

interface CrossValidated {
  folds: Fold[];
  groupCount: number;
  results: CandidateResult[];
  choice: ModelChoice;
  trials: SelectionTrial[];
}

/** Group k-fold cross-validation of every candidate, and the model the metric chooses. */
async function crossValidateAndChoose(
  prepared: PreparedData,
  options: TrainClassifierOptions,
  seed: number,
  metric: NonNullable<TrainClassifierOptions['metric']>,
): Promise<CrossValidated> {
  const { signal, onProgress } = options;
  const { data, classNames } = prepared;
  const groupCount = new Set(prepared.groups).size;
  const folds = groupKFold(prepared.groups, Math.min(options.folds ?? 5, groupCount));
  const auto = (options.model ?? 'auto') === 'auto';
  const families = auto ? MODEL_FAMILIES : [options.model as (typeof MODEL_FAMILIES)[number]];
  const candidates = candidatesFor({
    families,
    search: options.search ?? 'grid',
    draws: options.draws,
    seed,
    maxEpochs: options.maxEpochs,
  });
  const results = await crossValidateCandidates(data, folds, candidates, {
    seed,
    labels: classNames,
    signal,
    onProgress: (p) =>
      onProgress?.({
        stage: 'cross-validate',
        ...p,
        message: `${p.candidate} [${p.trial}/${p.trials}] fold ${p.fold}/${p.folds} ${describeFit(p)}`,
      }),
  });
  const { choice, trials } = await selectModel(results, data.labels, data.numClasses, {
    metric,
    labels: classNames,
    signal,
    ...(auto ? {} : { blendWeights: [] }),
  });
  return { folds, groupCount, results, choice, trials };
}

/**
 * Temperature and confidence threshold from the chosen model's out-of-fold predictions, and
 * the cross-validation report of its calibrated predictions.
 */
function calibrateOutOfFold(
  choice: ModelChoice,
  prepared: PreparedData,
  targetAccuracy: number,
): {
  calibration: ReturnType<typeof calibrateClassifier>;
  calibrated: Float32Array;
  crossValidation: TrainingReport['crossValidation'];
} {
  const { data, classNames } = prepared;
  const logits = Float32Array.from(choice.outOfFold, (p) => Math.log(Math.max(p, MIN_PROBABILITY)));
  const calibration = calibrateClassifier(logits, data.labels, data.numClasses, {
    targetAccuracy,
    objective: 'ece',
  });
  const calibrated = applyTemperature(logits, data.numClasses, calibration.temperature);
  const declined = declinedBelow(calibrated, data.numClasses, calibration.threshold);
  const crossValidation = evaluateClassifier(data.labels, calibrated, data.numClasses, {
    labels: classNames,
    declined,
  });
  return { calibration, calibrated, crossValidation };
}

/** The bundle of the final model: its exemplars, calibration, report and provenance. */
function bundleClassifier(
  pathogenDir: string,
  pathogen: Pathogen,
  prepared: PreparedData,
  trained: {
    report: TrainingReport;
    choice: ModelChoice;
    final: Awaited<ReturnType<typeof fitChoice>>;
  },
  options: TrainClassifierOptions,
): Uint8Array {
  const { data, classNames } = prepared;
  const { report, choice, final } = trained;
  const exemplarsTsv = exemplarTable({
    data,
    sources: prepared.sources,
    aligned: prepared.aligned,
    reference: pathogen.reference.sequence,
    classNames,
    perClass: options.exemplarsPerClass ?? DEFAULT_EXEMPLARS_PER_CLASS,
    sourceMutations: options.sourceMutations,
  });
  const task = options.task ?? 'clade';
  return classifierBundle({
    pathogenDir,
    pathogenId: report.pathogenId,
    name: options.name ?? `${report.pathogenId}-${task}`,
    version: options.version ?? '1.0.0',
    task,
    classNames,
    featurizer: data.alleles.config,
    modelBytes: final.bytes,
    exemplarsTsv,
    family: choice.parts.length === 1 ? choice.parts[0]!.candidate.family : 'blend',
    parameters: { parts: final.details, selection: choice.name },
    metrics: metricsOf(report),
    temperature: report.temperature,
    confidenceThreshold: report.confidenceThreshold,
    genomes: prepared.genomes,
    createdAt: options.createdAt ?? new Date().toISOString(),
    toolVersion: options.toolVersion ?? 'variantdesk',
  });
}

/**
 * Trains a classifier of `genomes` for the pathogen in `pathogenDir` (reference.fasta,
 * genome_annotation.gff3) and returns its bundle and report. Deterministic for a seed (and a
 * fixed `createdAt`); rejects with the signal's reason when it aborts.
 */
export async function trainClassifier(
  genomes: readonly LabeledGenome[],
  pathogenDir: string,
  options: TrainClassifierOptions = {},
): Promise<TrainedClassifier> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const metric = options.metric ?? 'macroF1';
  const pathogen = loadPathogen(pathogenDir);
  const pathogenId = options.pathogenId ?? basename(resolve(pathogenDir));
  const prepared = await prepareTrainingData(genomes, pathogen, options);
  const { data, classNames } = prepared;
  const { folds, groupCount, results, choice, trials } = await crossValidateAndChoose(
    prepared,
    options,
    seed,
    metric,
  );
  const { calibration, calibrated, crossValidation } = calibrateOutOfFold(
    choice,
    prepared,
    options.targetAccuracy ?? 0.98,
  );

  const final = await fitChoice(choice, prepared, options, seed);
  options.onProgress?.({ stage: 'bundle', message: 'writing the bundle' });
  const seconds = (performance.now() - started) / 1000;
  const secondsOf = new Map(results.map((r) => [r.name, r.seconds]));
  const report: TrainingReport = {
    pathogenId,
    rows: data.labels.length,
    classes: classNames,
    groups: groupCount,
    grouping: prepared.grouping,
    failed: prepared.failed,
    featurePositions: data.alleles.positions,
    metric,
    chosen: choice.name,
    trials: trials.map((t) => ({
      ...t,
      ...(secondsOf.has(t.name) && { seconds: secondsOf.get(t.name)! }),
    })),
    temperature: calibration.temperature,
    confidenceThreshold: calibration.threshold,
    crossValidation,
    eceBeforeCalibration: calibration.validation.eceBefore,
    perFold: foldSummaries(folds, prepared, calibrated),
    seconds,
  };
  const bundleBytes = bundleClassifier(
    pathogenDir,
    pathogen,
    prepared,
    { report, choice, final },
    options,
  );
  return { bundleBytes, report };
}
