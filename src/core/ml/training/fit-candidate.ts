/**
 * Fits one candidate on a subset of the training rows and serializes it as an ONNX model
 * that reads the allele features (input `features`) and writes `probabilities`.
 */
import {
  cladeDefiningSites,
  definingSiteWeights,
  exemplarClassifierToOnnx,
  subsetExemplars,
  type ExemplarSet,
} from '../exemplar';
import { forestToOnnx, trainRandomForest } from '../forest';
import { toInferenceModel } from '../linear/inference-graph';
import { trainMlp, trainSoftmax } from '../linear/train-linear';
import type { AlleleData } from './allele-data';
import { selectRows } from './allele-data';
import type { Candidate } from './candidates';
import { combineModels } from './combine-models';

/** A value that survives JSON (manifest parameters and metrics). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What every fit reads: features, labels, and which rows may serve as exemplars. */
export interface TrainingData {
  alleles: AlleleData;
  labels: Int32Array;
  numClasses: number;
  /** 1 for the one row per source sample that the exemplar models store. */
  representative: Uint8Array;
  /**
   * What the exemplar models store for each representative row (rows x positions, like
   * `alleles.codes`), when it differs from the row's features: see
   * LabeledGenome.exemplarSequence. Absent: `alleles.codes`.
   */
  exemplarCodes?: Uint8Array;
}

/** Progress inside one fit: an epoch of a gradient-trained model or a tree of a forest. */
export interface FitProgress {
  epoch?: number;
  epochs?: number;
  loss?: number;
  tree?: number;
  trees?: number;
}

export interface FitContext {
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: FitProgress) => void;
}

export interface FittedModel {
  /** ONNX: `features` [batch, d] -> `probabilities` [batch, C]. */
  bytes: Uint8Array;
  /** What the manifest records of the fit (beyond the candidate's parameters). */
  details: Record<string, JsonValue>;
}

/** The exemplar set of `rows`: their representative rows only. */
export function exemplarSetOf(data: TrainingData, rows: ArrayLike<number>): ExemplarSet {
  const kept = Array.from(rows).filter((row) => data.representative[row] === 1);
  const all: ExemplarSet = {
    positions: data.alleles.positions,
    codes: data.exemplarCodes ?? data.alleles.codes,
    labels: data.labels,
    nClasses: data.numClasses,
    width: 4,
  };
  return subsetExemplars(all, kept);
}

/** Trains `candidate` on `rows` of `data`. */
export async function fitCandidate(
  candidate: Candidate,
  data: TrainingData,
  rows: Int32Array,
  context: FitContext,
): Promise<FittedModel> {
  const { numClasses } = data;
  const d = data.alleles.features.cols;
  const { seed, signal, onProgress } = context;
  signal?.throwIfAborted();
  const wrap = (bytes: Uint8Array): Uint8Array =>
    combineModels([{ bytes, weight: 1 }], d, numClasses);

  if (candidate.family === 'exemplar') {
    const set = exemplarSetOf(data, rows);
    const k = Math.min(Number(candidate.params.k ?? 3), set.labels.length);
    const tau = Number(candidate.params.tau ?? 1);
    const siteWeight = Number(candidate.params.siteWeight ?? 1);
    let definingSites = 0;
    if (siteWeight > 1) {
      // Learned from this fit's rows only, so cross-validation measures it honestly.
      const { codes, positions } = data.alleles;
      const defining = cladeDefiningSites(codes, positions, data.labels, numClasses, rows);
      set.siteWeights = definingSiteWeights(defining, siteWeight);
      definingSites = defining.reduce((n, d) => n + d, 0);
    }
    const bytes = exemplarClassifierToOnnx(set, { k, weighting: 'exp', tau });
    return {
      bytes: wrap(bytes),
      details: { exemplars: set.labels.length, k, ...(siteWeight > 1 && { definingSites }) },
    };
  }
  const matrix = selectRows(data.alleles.features, rows);
  const labels = Int32Array.from(rows, (row) => data.labels[row]!);
  if (candidate.family === 'random-forest') {
    const { nTrees, maxFeatures, minSamplesLeaf } = candidate.params;
    const forest = await trainRandomForest(matrix, labels, {
      nTrees: Number(nTrees ?? 40),
      maxFeatures:
        maxFeatures === 'sqrt' || maxFeatures === undefined ? 'sqrt' : Number(maxFeatures),
      minSamplesLeaf: Number(minSamplesLeaf ?? 1),
      nClasses: numClasses,
      classWeight: 'balanced',
      seed,
      signal,
      onProgress: ({ tree, trees }) => onProgress?.({ tree, trees }),
    });
    const nodes = forest.trees.reduce((sum, tree) => sum + tree.nodeCount, 0);
    return { bytes: wrap(forestToOnnx(forest)), details: { nodes } };
  }
  const common = {
    l2: Number(candidate.params.l2 ?? 1e-4),
    epochs: Number(candidate.params.epochs ?? 20),
    batchSize: 128,
    classWeights: 'balanced' as const,
    seed,
    signal,
    onProgress: (p: { epoch: number; epochs: number; loss: number; epochLoss?: number }) => {
      // One report per epoch: its mean loss.
      if (p.epochLoss !== undefined)
        onProgress?.({ epoch: p.epoch, epochs: p.epochs, loss: p.epochLoss });
    },
  };
  const { model, history } =
    candidate.family === 'softmax'
      ? await trainSoftmax(matrix, labels, numClasses, common)
      : await trainMlp(matrix, labels, numClasses, {
          ...common,
          hiddenUnits: Number(candidate.params.hiddenUnits ?? 64),
          dropout: Number(candidate.params.dropout ?? 0),
        });
  return {
    bytes: wrap(toInferenceModel(model)),
    details: { bestEpoch: history.bestEpoch, epochsRun: history.epochs.length },
  };
}
