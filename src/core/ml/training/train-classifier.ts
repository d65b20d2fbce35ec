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
import { groupKFold } from '../validation';
import type { LabeledGenome } from './aligned-genomes';
import { candidatesFor, MODEL_FAMILIES } from './candidates';
import { classifierBundle } from './classifier-bundle';
import { crossValidateCandidates } from './cross-validate-candidates';
import { exemplarTable } from './exemplar-rows';
import { describeFit, fitChoice } from './final-model';
import { prepareTrainingData } from './prepare-training-data';
import { selectModel } from './select-model';
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
  const { signal, onProgress } = options;
  const seed = options.seed ?? 1;
  const metric = options.metric ?? 'macroF1';
  const pathogen = loadPathogen(pathogenDir);
  const pathogenId = options.pathogenId ?? basename(resolve(pathogenDir));
  const prepared = await prepareTrainingData(genomes, pathogen, options);
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

  const logits = Float32Array.from(choice.outOfFold, (p) => Math.log(Math.max(p, MIN_PROBABILITY)));
  const calibration = calibrateClassifier(logits, data.labels, data.numClasses, {
    targetAccuracy: options.targetAccuracy ?? 0.98,
    objective: 'ece',
  });
  const calibrated = applyTemperature(logits, data.numClasses, calibration.temperature);
  const declined = declinedBelow(calibrated, data.numClasses, calibration.threshold);
  const crossValidation = evaluateClassifier(data.labels, calibrated, data.numClasses, {
    labels: classNames,
    declined,
  });

  const final = await fitChoice(choice, prepared, options, seed);
  onProgress?.({ stage: 'bundle', message: 'writing the bundle' });
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
  const bundleBytes = classifierBundle({
    pathogenDir,
    pathogenId,
    name: options.name ?? `${pathogenId}-${task}`,
    version: options.version ?? '1.0.0',
    task,
    classNames,
    featurizer: data.alleles.config,
    modelBytes: final.bytes,
    exemplarsTsv,
    family: choice.parts.length === 1 ? choice.parts[0]!.candidate.family : 'blend',
    parameters: { parts: final.details, selection: choice.name },
    metrics: metricsOf(report),
    temperature: calibration.temperature,
    confidenceThreshold: calibration.threshold,
    genomes: prepared.genomes,
    createdAt: options.createdAt ?? new Date().toISOString(),
    toolVersion: options.toolVersion ?? 'variantdesk',
  });
  return { bundleBytes, report };
}
